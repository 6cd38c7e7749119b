#!/usr/bin/env python3
"""Per-class times of a surefire/failsafe report directory: class time, the part outside the test
methods (context starts, @BeforeAll), sorted by class time; the sums last.
Usage: bench/test-class-times.py renkei-server/target/failsafe-reports [N]"""
import glob
import os
import re
import sys

rows = []
for f in glob.glob(os.path.join(sys.argv[1], "TEST-*.xml")):
    s = open(f, encoding="utf-8").read()
    suite = float(re.search(r'<testsuite [^>]*?time="([0-9.,]+)"', s).group(1).replace(",", ""))
    cases = sum(float(x.replace(",", "")) for x in re.findall(r'<testcase [^>]*?time="([0-9.,]+)"', s))
    rows.append((suite, suite - cases, os.path.basename(f)[5:-4].rsplit(".", 1)[-1]))
rows.sort(reverse=True)
for suite, outside, name in rows[: int(sys.argv[2]) if len(sys.argv) > 2 else len(rows)]:
    print(f"{suite:8.1f} {outside:7.1f}  {name}")
print(f"{sum(r[0] for r in rows):8.1f} {sum(r[1] for r in rows):7.1f}  ({len(rows)} classes: class time, outside the methods)")

#!/usr/bin/env python3
"""Issue 18: which of the counters series.sh records go with a run's matching CPU.

usage: correlate.py SERIES.log [SERIES.log ...]

Prints, over the runs, the rank correlation (Spearman) of the matching CPU with each counter (the
probe's values the mean of the one before and the one after the run), then the runs grouped by the
8 MB chase: under 60 ns (the probe's 8 MB stayed in the L3), 60-120, 120 ns or more (main memory).
"""
import re
import statistics as st
import sys

PROBE = r'lat=([\d.]+) thr=([\d.]+) c1=([\d.]+) c8=([\d.]+) bw=([\d.]+)'


def parse(line):
    m = re.search(r'cpu=([\d.]+)', line)
    pre = re.search(r'pre ' + PROBE, line)
    post = re.search(r'post ' + PROBE, line)
    if not (m and pre and post):
        return None
    row = {'cpu': float(m[1])}
    for k, i in (('lat', 1), ('thr', 2), ('c1', 3), ('c8', 4), ('bw', 5)):
        row[k] = (float(pre[i]) + float(post[i])) / 2
    busiest = re.search(r'\[\S+ run=[\d.]+ wait=[\d.]+ slices=(\d+) vcs=\d+ ics=(\d+)\]', line)
    row['slices'], row['ics'] = int(busiest[1]), int(busiest[2])
    row['majflt'] = int(re.search(r'majflt=(\d+)', line)[1])
    row['load'] = float(re.search(r'load=([\d.]+)', line)[1])
    row['sys'] = float(re.search(r'TIME [\d.]+ [\d.]+ ([\d.]+)', line)[1])
    row['ahpKB'] = int(re.search(r'ahpKB=(\d+)', line)[1])
    return row


def ranks(v):
    order = sorted(range(len(v)), key=lambda i: v[i])
    r = [0.0] * len(v)
    i = 0
    while i < len(order):  # ties share their mean rank
        j = i
        while j + 1 < len(order) and v[order[j + 1]] == v[order[i]]:
            j += 1
        for k in range(i, j + 1):
            r[order[k]] = (i + j) / 2
        i = j + 1
    return r


def spearman(a, b):
    ra, rb = ranks(a), ranks(b)
    ma, mb = st.mean(ra), st.mean(rb)
    num = sum((x - ma) * (y - mb) for x, y in zip(ra, rb))
    den = (sum((x - ma) ** 2 for x in ra) * sum((y - mb) ** 2 for y in rb)) ** 0.5
    return num / den if den else float('nan')


def main():
    rows = [r for path in sys.argv[1:] for r in map(parse, open(path)) if r]
    if len(rows) < 3:
        sys.exit('correlate.py: fewer than 3 runs')
    cpu = [r['cpu'] for r in rows]
    print(f'{len(rows)} runs; matching CPU median {st.median(cpu):.2f} s '
          f'({min(cpu):.2f}-{max(cpu):.2f})')
    for k in ('c8', 'c1', 'bw', 'lat', 'thr', 'slices', 'ics', 'majflt', 'sys', 'ahpKB', 'load'):
        print(f'  spearman(cpu, {k}) = {spearman(cpu, [r[k] for r in rows]):+.2f}')
    groups = (('c8 < 60 ns', lambda c: c < 60), ('c8 60-120 ns', lambda c: 60 <= c < 120),
              ('c8 >= 120 ns', lambda c: c >= 120))
    for name, test in groups:
        g = [r for r in rows if test(r['c8'])]
        if g:
            c = [r['cpu'] for r in g]
            print(f'  {name}: {len(g)} runs, matching CPU median {st.median(c):.2f} s '
                  f'({min(c):.2f}-{max(c):.2f}), {2 / st.median(c):.2f} M lines per CPU-s '
                  f'if 2,000,000 lines; c1 {st.median([r["c1"] for r in g]):.1f} ns, '
                  f'bw {st.median([r["bw"] for r in g]):.1f} GB/s, '
                  f'slices {st.median([r["slices"] for r in g]):.0f}, '
                  f'load {st.median([r["load"] for r in g]):.1f}')


if __name__ == '__main__':
    main()

#!/usr/bin/env python3
"""Issue 18: one `renkei match` run of a launcher with what the machine did during it, on one line.

usage: run.py LAUNCHER LIST LOG

Prints the run's own matching CPU ("s of CPU") and hits, the index time, /usr/bin/time's wall, user,
sys and faults, and, polled every 20 ms from /proc: the JVM's largest AnonHugePages (its heap on
2 MB pages), the system's THP faults and fallbacks and major faults during the run, the guest's
steal ticks, and the two busiest threads' schedstat (on-CPU s, waiting s, times put on a CPU) and
context switches. Linux only.
"""
import os
import re
import subprocess
import sys
import tempfile
import time


def vmstat():
    keep = ('thp_fault_alloc', 'thp_fault_fallback', 'pgmajfault')
    with open('/proc/vmstat') as f:
        return {k: int(v) for k, v in (line.split() for line in f) if k in keep}


def steal():
    with open('/proc/stat') as f:
        return int(f.readline().split()[8])


def main():
    launcher, indicators, log = sys.argv[1:4]
    v0, s0 = vmstat(), steal()
    cmd = ['/usr/bin/time', '-f', 'TIME %e %U %S faults=%R majfl=%F', launcher, 'match',
           '--format', 'none', '--threads', '1', '-i', indicators, log]
    # the run's report (its summary can pass a pipe's 64 KB) goes to a file, read at the end
    report = tempfile.TemporaryFile()
    p = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=report)
    threads, ahp, jvm = {}, 0, None
    while p.poll() is None:
        try:
            if jvm is None:
                with open(f'/proc/{p.pid}/task/{p.pid}/children') as f:
                    kids = f.read().split()
                jvm = int(kids[0]) if kids else None
            if jvm is not None:
                for tid in os.listdir(f'/proc/{jvm}/task'):
                    base = f'/proc/{jvm}/task/{tid}'
                    try:
                        with open(base + '/comm') as f:
                            comm = f.read().strip()
                        with open(base + '/schedstat') as f:
                            run_ns, wait_ns, slices = (int(x) for x in f.read().split())
                        with open(base + '/status') as f:
                            status = f.read()
                        vcs = int(re.search(r'^voluntary_ctxt_switches:\s+(\d+)', status, re.M)[1])
                        ics = int(re.search(r'^nonvoluntary_ctxt_switches:\s+(\d+)', status, re.M)[1])
                        threads[tid] = (comm, run_ns, wait_ns, slices, vcs, ics)
                    except (OSError, TypeError, ValueError):
                        pass  # the thread ended between the listing and the reads
                with open(f'/proc/{jvm}/smaps_rollup') as f:
                    for line in f:
                        if line.startswith('AnonHugePages'):
                            ahp = max(ahp, int(line.split()[1]))
        except OSError:
            pass  # the process ended or has not started its JVM yet
        time.sleep(0.02)
    report.seek(0)
    err = report.read().decode(errors='replace')
    v1, s1 = vmstat(), steal()
    m = re.search(r'(\d+) hits; ([\d.]+) s of CPU', err)
    t = re.search(r'TIME.*', err)
    idx = re.search(r'index: .* in ([\d.]+) s', err)
    busiest = sorted(threads.values(), key=lambda x: -x[1])[:2]
    ts = ' '.join(f'[{c} run={r / 1e9:.2f} wait={w / 1e9:.2f} slices={s} vcs={nv} ics={ni}]'
                  for c, r, w, s, nv, ni in busiest)
    with open('/proc/loadavg') as f:
        load = f.read().split()[0]
    print(f"cpu={m[2] if m else '?'} hits={m[1] if m else '?'} idx={idx[1] if idx else '?'} "
          f"{t[0] if t else 'TIME ?'} ahpKB={ahp} "
          f"thpfault={v1['thp_fault_alloc'] - v0['thp_fault_alloc']}/"
          f"{v1['thp_fault_fallback'] - v0['thp_fault_fallback']} "
          f"majflt={v1['pgmajfault'] - v0['pgmajfault']} steal={s1 - s0} {ts} load={load}")
    if not m:
        sys.stderr.write(err)
        sys.exit(1)


if __name__ == '__main__':
    main()

#!/bin/bash
# Issue 18: launcher runs with the machine's state beside each: the probe, one run (run.py), the
# probe again; one line per run appended to OUT. Reads: python3 correlate.py OUT
# usage: [SHAPE=squid-spread] [SLEEP=3] series.sh LAUNCHER LIST LOGDIR OUT RUNS
# (gcc -O2 -o probe probe.c first). Runs at autogroup -15 as the issue-18 pairs do: start it in a
# session of its own (setsid) so only this script's processes get the higher share.
set -u
here=$(cd "$(dirname "$0")" && pwd)
launcher=$1 list=$2 logdir=$3 out=$4 runs=$5
shape=${SHAPE:-squid-spread}
echo -15 > /proc/self/autogroup 2>/dev/null || echo "series.sh: autogroup unchanged" >&2
for i in $(seq 1 "$runs"); do
  pre=$("$here/probe")
  run=$(python3 "$here/run.py" "$launcher" "$list" "$logdir/$shape.log")
  post=$("$here/probe")
  echo "$(date -u +%T) $shape $run | pre $pre | post $post" >> "$out"
  sleep "${SLEEP:-3}"
done

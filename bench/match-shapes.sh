#!/usr/bin/env bash
# Benchmark for issue 18: `renkei match` on realistic-shaped logs (popular-host skew with URL
# indicators on the popular hosts, hosts spread wide, Zeek http and dns, BIND query logs) with
# 1,000,000 mixed indicators (5 % URLs), against `grep -F -f` and `rg -F -f` (ripgrep, Debian
# package ripgrep) on the same files in the same run, and against another renkei jar (e.g. main's)
# when BASE_JAR is set. Figures per shape; `renkei match` prints wall and CPU seconds itself.
# Also against ugrep (Debian ugrep, the same substring job) and, for the addresses and ranges only,
# grepcidr (Debian grepcidr, exact IPv4 CIDR semantics), when installed.
# usage: bench/match-shapes.sh [LINES] [INDICATORS]      (repository root, after a package build)
#   BASE_JAR=/path/to/main/renkei.jar  also run that build on the same files
#   DATA=/some/dir                     keep (and reuse) the generated files there
#   PAIR_LINES=N                       run the grep-family baselines (and renkei beside them) on the
#                                      first N lines of each log only (grep -F -f with 1,000,000
#                                      patterns is slow); renkei also runs on the whole log
set -euo pipefail
LINES=${1:-2000000}
INDICATORS=${2:-1000000}
JAR=${JAR:-renkei-server/target/renkei.jar}
DIR=${DATA:-$(mktemp -d /tmp/renkei-match-shapes.XXXX)}
if [ ! -f "$DIR/indicators.txt" ]; then
  python3 bench/gen_match_shapes.py "$LINES" "$INDICATORS" "$DIR"
fi
T='%e s wall, %U s user, %S s sys, %M KB max RSS'
PAIR_LINES=${PAIR_LINES:-$LINES}
RUN="nice -n ${NICE:--15}"   # the measured process gets the CPU first on a shared machine
grep -E '^[0-9.]+(/[0-9]+)?$' "$DIR/indicators.txt" > "$DIR/ipv4-and-ranges.txt"
echo "== $(nproc) cores, load: $(cut -d' ' -f1-3 /proc/loadavg), $(date -u +%FT%TZ)"
rm -f "$DIR/indicators.txt.renkei-index"
echo "== index from scratch, then from the snapshot (matching an empty log)"
: > "$DIR/empty.log"
for run in scratch snapshot; do
  $RUN /usr/bin/time -f "$T" java -Xmx2g -jar "$JAR" match --threads 1 --format none \
    --log-format squid -i "$DIR/indicators.txt" "$DIR/empty.log" 2>&1 | grep -E 'index|wall'
done
for log in squid-popular squid-spread zeek-http zeek-dns dns-bind; do
  echo "== $log: renkei match (1 thread), whole log, load: $(cut -d' ' -f1-3 /proc/loadavg)"
  $RUN /usr/bin/time -f "$T" java -Xmx2g -jar "$JAR" match --threads 1 --format none \
    -i "$DIR/indicators.txt" "$DIR/$log.log" 2>&1 | grep -E '^index|^matched|wall'
  if [ -n "${BASE_JAR:-}" ]; then
    echo "== $log: base jar $BASE_JAR (1 thread)"
    $RUN /usr/bin/time -f "$T" java -Xmx2g -jar "$BASE_JAR" match --threads 1 --format none \
      -i "$DIR/indicators.txt" "$DIR/$log.log" 2>&1 | grep -E '^index|^matched|wall'
  fi
  f="$DIR/$log.log"
  if [ "$PAIR_LINES" != "$LINES" ]; then
    f="$DIR/$log.first$PAIR_LINES.log"
    [ -f "$f" ] || head -n "$PAIR_LINES" "$DIR/$log.log" > "$f"
    echo "== $log, first $PAIR_LINES lines: renkei match (1 thread)"
    $RUN /usr/bin/time -f "$T" java -Xmx2g -jar "$JAR" match --threads 1 --format none \
      -i "$DIR/indicators.txt" "$f" 2>&1 | grep -E '^matched|wall'
  fi
  echo "== $log ($(wc -l < "$f") lines): grep -c -F -f (substring search of every indicator text)"
  LC_ALL=C $RUN /usr/bin/time -f "$T" grep -c -F -f "$DIR/indicators.txt" "$f" || true
  if command -v rg >/dev/null; then
    echo "== $log: rg -c -F -f (ripgrep, one thread)"
    $RUN /usr/bin/time -f "$T" rg -j1 -c -F -f "$DIR/indicators.txt" "$f" || true
  fi
  if command -v ugrep >/dev/null; then
    echo "== $log: ugrep -c -F -f (one thread)"
    $RUN /usr/bin/time -f "$T" ugrep -J1 -c -F -f "$DIR/indicators.txt" "$f" || true
  fi
  if command -v grepcidr >/dev/null; then
    echo "== $log: grepcidr -c -f (IPv4 addresses and ranges only)"
    $RUN /usr/bin/time -f "$T" grepcidr -c -f "$DIR/ipv4-and-ranges.txt" "$f" || true
  fi
done
[ -n "${DATA:-}" ] || rm -rf "$DIR"

#!/usr/bin/env bash
# Benchmark for issue 5: memory stays flat on a 10 GB log, and two files use two cores.
# One generated Squid log (2,000,000 lines, ~266 MB) is streamed 38 times through stdin (~10 GB)
# into `renkei match -` with a 256 MB heap; the baseline is the same command on the log once.
# Then two copies of the log are matched with --threads 1 and with --threads 2.
# usage: bench/match-scale.sh [REPEAT]   (run from the repository root after a build)
set -euo pipefail
REPEAT=${1:-38}
DIR=$(mktemp -d /tmp/renkei-match-scale.XXXX)
JAR=${RENKEI_JAR:-renkei-server/target/renkei.jar}
python3 bench/gen_match_data.py 2000000 1000000 "$DIR"
cp "$DIR/access.log" "$DIR/access2.log"
SIZE=$(stat -c %s "$DIR/access.log")
echo "== baseline: one pass (${SIZE} bytes), 256 MB heap"
/usr/bin/time -f "%e s elapsed, %M KB max RSS" java -Xmx256m -jar "$JAR" match --threads 1 --format none \
  -i "$DIR/indicators.txt" "$DIR/access.log" 2>&1 | grep -E "elapsed|lines" || true
echo "== ${REPEAT} passes through stdin ($((SIZE * REPEAT / 1024 / 1024)) MB), 256 MB heap"
/usr/bin/time -f "%e s elapsed, %M KB max RSS" bash -c \
  "for i in \$(seq $REPEAT); do cat '$DIR/access.log'; done | java -Xmx256m -jar '$JAR' match --threads 1 --format none -i '$DIR/indicators.txt' -" \
  2>&1 | grep -E "elapsed|lines" || true
echo "== two files, --threads 1"
/usr/bin/time -f "%e s elapsed, %M KB max RSS" java -Xmx2g -jar "$JAR" match --threads 1 --format none \
  -i "$DIR/indicators.txt" "$DIR/access.log" "$DIR/access2.log" 2>&1 | grep -E "elapsed|matched" || true
echo "== two files, --threads 2"
/usr/bin/time -f "%e s elapsed, %M KB max RSS" java -Xmx2g -jar "$JAR" match --threads 2 --format none \
  -i "$DIR/indicators.txt" "$DIR/access.log" "$DIR/access2.log" 2>&1 | grep -E "elapsed|matched" || true
rm -rf "$DIR"

#!/usr/bin/env bash
# Benchmark for issue 5: `renkei match` against `grep -F -f` (and ripgrep if installed) on the same
# generated files, in the same run. grep does the cruder job (substring search of every indicator
# text anywhere in the line); renkei matches hosts with their parent domains, IPs within ranges.
# usage: bench/match-vs-grep.sh [LINES] [INDICATORS]   (run from the repository root after a build)
set -euo pipefail
LINES=${1:-2000000}
INDICATORS=${2:-1000000}
DIR=$(mktemp -d /tmp/renkei-match-bench.XXXX)
JAR=renkei-server/target/renkei.jar
python3 bench/gen_match_data.py "$LINES" "$INDICATORS" "$DIR"
ls -la "$DIR"
echo "== renkei match (1 thread)"
/usr/bin/time -f "%e s elapsed, %M KB max RSS" java -Xmx2g -jar "$JAR" match --threads 1 --format none -i "$DIR/indicators.txt" "$DIR/access.log"
echo "== renkei match, warm second run"
/usr/bin/time -f "%e s elapsed, %M KB max RSS" java -Xmx2g -jar "$JAR" match --threads 1 --format none -i "$DIR/indicators.txt" "$DIR/access.log"
echo "== grep -F -f (substring search of every indicator)"
/usr/bin/time -f "%e s elapsed, %M KB max RSS" grep -c -F -f "$DIR/indicators.txt" "$DIR/access.log" || true
if command -v rg >/dev/null; then
  echo "== rg -F -f"
  /usr/bin/time -f "%e s elapsed, %M KB max RSS" rg -c -F -f "$DIR/indicators.txt" "$DIR/access.log" || true
fi
rm -rf "$DIR"

#!/usr/bin/env bash
# Issue 18, engine only: the index of 1,000,000 indicators and the matching of each log shape by
# jp.renkei.bench.MatchShapesDriver (no JVM start, no CLI), printing the CPU seconds of the
# matching thread per pass. Run after `./mvnw -q -pl renkei-bench -am package -DskipTests`.
# usage: bench/match-shapes-driver.sh DATA_DIR [PASSES] [scratch|snapshot]
#   DATA_DIR as made by: python3 bench/gen_match_shapes.py 2000000 1000000 DATA_DIR
# On a shared machine, run it as: echo -15 > /proc/self/autogroup; bench/match-shapes-driver.sh ...
set -euo pipefail
DIR=${1:?data directory}
PASSES=${2:-2}
MODE=${3:-scratch}
JAR=${JAR:-renkei-bench/target/benchmarks.jar}
for log in squid-popular squid-spread zeek-http zeek-dns dns-bind; do
  echo "== $log, load $(cut -d' ' -f1-3 /proc/loadavg), $(date -u +%FT%TZ)"
  java -Xmx4g -cp "$JAR" jp.renkei.bench.MatchShapesDriver \
    "$DIR/indicators.txt" "$DIR/$log.log" "$PASSES" "$MODE"
done

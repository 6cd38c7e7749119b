#!/bin/bash
# CPU and wall of one `renkei serve` start on a fresh data directory, up to the line with its
# address: bench/jar-start-cpu.sh LABEL [JVM flags...]  (RENKEI_JAR overrides the jar).
# docs/benchmarks.md, ci25: run it with and without -XX:TieredStopAtLevel=1 -XX:+UseSerialGC.
set -u
jar=${RENKEI_JAR:-renkei-server/target/renkei.jar}
d=$(mktemp -d /tmp/renkei-start-XXXX)
s=$(date +%s.%N)
java "${@:2}" -jar "$jar" serve --port 0 --data-dir "$d" --no-demo-activity >"$d/out.txt" 2>&1 &
pid=$!
while ! grep -q 'is running' "$d/out.txt" 2>/dev/null; do
  sleep 0.2
  kill -0 $pid 2>/dev/null || { echo "$1: the server ended"; tail -5 "$d/out.txt"; exit 1; }
done
e=$(date +%s.%N)
read -r ut st <<<"$(awk '{print $14, $15}' /proc/$pid/stat)"
tck=$(getconf CLK_TCK)
echo "$1: ready after $(echo "$e - $s" | bc) s wall, JVM CPU $(echo "scale=1; ($ut + $st)/$tck" | bc) s" \
  "(user $(echo "scale=1; $ut/$tck" | bc)), load $(cut -d' ' -f1 /proc/loadavg)"
kill $pid
wait $pid 2>/dev/null
rm -rf "$d"

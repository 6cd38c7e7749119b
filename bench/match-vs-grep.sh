#!/usr/bin/env bash
# Issue 18: `renkei match` end to end against `grep -F -f` on the same files in the same run, per
# log shape, as an operator runs each: the launcher the build makes (renkei-server/target/bin/renkei,
# extracted jar + class-data archive, all cores) and plain `java -jar renkei.jar`, against
# `LC_ALL=C grep -c -F -f` (substring search of every indicator text: a cruder job), grepcidr
# (Debian grepcidr: exact IPv4 addresses and ranges only, the list's IPv4 part) and, on the first
# lines of one log only (they take minutes on the whole log), ripgrep and ugrep.
# Each round runs every command once, in turn, so each ratio is taken within a round (a pair) and
# the table gives the median over the rounds. CPU = user + sys of the whole process.
# Builds nothing: run `./mvnw -q -DskipTests package` first. Generates the data once (about 1.6 GB,
# 1,000,000 indicators with 5 % URLs, 2,000,000 lines per shape) and reuses it.
# usage: bench/match-vs-grep.sh [ROUNDS]     (repository root; ROUNDS default 3, ~8 min quiet)
#   DATA=dir   where the data is kept (default /tmp/renkei-match-shapes)
#   SHAPES='squid-popular zeek-dns'  a subset of the five shapes
# On a shared machine run it in a session of its own at high priority, e.g. (as root):
#   setsid bash -c 'echo -15 > /proc/self/autogroup; bench/match-vs-grep.sh'
set -euo pipefail
ROUNDS=${1:-3}
DATA=${DATA:-/tmp/renkei-match-shapes}
SHAPES=${SHAPES:-squid-popular squid-spread zeek-http zeek-dns dns-bind}
JAR=renkei-server/target/renkei.jar
BIN=renkei-server/target/bin/renkei
SUBSET=50000
if ! [ "$ROUNDS" -ge 1 ] 2> /dev/null || [ "$ROUNDS" -gt 20 ] || [ $# -gt 1 ]; then
  # the issue-5 form `match-vs-grep.sh LINES INDICATORS` (docs/benchmarks.md) is gone
  echo "usage: bench/match-vs-grep.sh [ROUNDS (1-20)]; the data size is fixed (issue 18)" >&2
  exit 2
fi
if [ ! -f "$JAR" ] || [ ! -x "$BIN" ]; then
  echo "build first: ./mvnw -q -DskipTests package" >&2
  exit 2
fi
if [ ! -f "$DATA/indicators.txt" ]; then
  echo "== generating the data in $DATA (once): python3 bench/gen_match_shapes.py 2000000 1000000 $DATA"
  python3 bench/gen_match_shapes.py 2000000 1000000 "$DATA"
fi
IOC=$DATA/indicators.txt
grep -E '^[0-9.]+(/[0-9]+)?$' "$IOC" > "$DATA/ipv4-and-ranges.txt"
: > "$DATA/empty.log"
OUT=$(mktemp -d /tmp/renkei-match-vs-grep.XXXX)
TIMES=$OUT/times

# timed NAME SHAPE ROUND CMD...: runs CMD (stdout and stderr kept in $OUT) and records wall and CPU
timed() {
  local name=$1 shape=$2 round=$3
  shift 3
  /usr/bin/time -o "$OUT/t" -f '%e %U %S' "$@" > "$OUT/$name.$shape.out" 2> "$OUT/$name.$shape.err" || true
  echo "$name $shape $round $(tail -n 1 "$OUT/t")" >> "$TIMES"
}

echo "== $(nproc) cores; load average $(cut -d' ' -f1-3 /proc/loadavg); $(date -u +%FT%TZ); $ROUNDS rounds"
echo "== java: $(java -version 2>&1 | head -n 1); grep $(grep -V | head -n 1 | awk '{print $NF}')"
echo "== commands (LOG = $DATA/SHAPE.log):"
echo "   launcher: $BIN match --format none -i $IOC LOG"
echo "   java-jar: java -jar $JAR match --format none -i $IOC LOG"
echo "   grep:     env LC_ALL=C grep -c -F -f $IOC LOG"
command -v grepcidr > /dev/null && echo "   grepcidr: grepcidr -c -f $DATA/ipv4-and-ranges.txt LOG"
echo "   index:    $BIN match --format none -i $IOC $DATA/empty.log (snapshot removed first, or kept)"

# the snapshot both renkei commands load (written by this first run)
rm -f "$IOC.renkei-index"
for round in $(seq 1 "$ROUNDS"); do
  rm -f "$IOC.renkei-index"
  timed index-scratch - "$round" "$BIN" match --format none -i "$IOC" "$DATA/empty.log"
  grep -o 'in [0-9.]* s (from scratch)' "$OUT/index-scratch.-.err" | sed "s/^/   index, round $round: /"
  timed index-snapshot - "$round" "$BIN" match --format none -i "$IOC" "$DATA/empty.log"
  grep -o 'in [0-9.]* s (from the snapshot' "$OUT/index-snapshot.-.err" | sed "s/^/   index, round $round: /;s/ (from the snapshot/ from the snapshot/"
  for shape in $SHAPES; do
    log=$DATA/$shape.log
    timed launcher "$shape" "$round" "$BIN" match --format none -i "$IOC" "$log"
    timed java-jar "$shape" "$round" java -jar "$JAR" match --format none -i "$IOC" "$log"
    timed grep "$shape" "$round" env LC_ALL=C grep -c -F -f "$IOC" "$log"
    if command -v grepcidr > /dev/null; then
      timed grepcidr "$shape" "$round" grepcidr -c -f "$DATA/ipv4-and-ranges.txt" "$log"
    fi
    echo "   round $round, $shape: launcher $(grep -o '[0-9]* hits' "$OUT/launcher.$shape.err"), java -jar $(grep -o '[0-9]* hits' "$OUT/java-jar.$shape.err"), grep $(cat "$OUT/grep.$shape.out") lines; load $(cut -d' ' -f1 /proc/loadavg)"
  done
done

# ripgrep and ugrep need minutes for the whole log with 1,000,000 patterns: first lines of one log
first=$(echo "$SHAPES" | awk '{print $1}')
head -n "$SUBSET" "$DATA/$first.log" > "$DATA/$first.first$SUBSET.log"
sub=$DATA/$first.first$SUBSET.log
for tool in rg ugrep; do
  if command -v $tool > /dev/null; then
    case $tool in
      rg) cmd=(rg -j1 -c -F -f "$IOC" "$sub") ;;
      ugrep) cmd=(ugrep -J1 -c -F -f "$IOC" "$sub") ;;
    esac
    echo "== $tool on the first $SUBSET lines of $first (timeout 120 s): ${cmd[*]}"
    timed "$tool" "$first-first$SUBSET-vs-$tool" 1 timeout 120 "${cmd[@]}"
    timed launcher "$first-first$SUBSET-vs-$tool" 1 "$BIN" match --format none -i "$IOC" "$sub"
  fi
done
echo "== load average at the end $(cut -d' ' -f1-3 /proc/loadavg); $(date -u +%FT%TZ); raw times in $TIMES"

python3 - "$TIMES" << 'EOF'
import statistics, sys
rows = {}
for line in open(sys.argv[1]):
    p = line.split()
    if len(p) < 6:
        continue
    name, shape, rnd, wall, user, sys_ = p[0], p[1], p[2], float(p[3]), float(p[4]), float(p[5])
    rows[(name, shape, rnd)] = (wall, user + sys_)
shapes = []
for (n, s, r) in rows:
    if s not in shapes and n in ("launcher", "rg", "ugrep"):
        shapes.append(s)
med = statistics.median

def ratio(a, b, s, k):
    rs = [rows[(a, s, r)][k] / rows[(b, s, r)][k]
          for (n, s2, r) in rows if n == b and s2 == s and (a, s, r) in rows and rows[(b, s, r)][k] > 0]
    return med(rs) if rs else None

def fig(n, s, k):
    v = [rows[(n, s2, r)][k] for (n2, s2, r) in rows if n2 == n and s2 == s]
    return med(v) if v else None

def f(x, fmt="%.2f"):
    return "-" if x is None else fmt % x

print()
print("| shape | launcher wall / CPU s | java -jar wall / CPU s | grep -F -f wall / CPU s | grep / launcher wall (CPU) | grep / java -jar wall (CPU) | grepcidr CPU s | grepcidr / launcher CPU | other / launcher wall (CPU) |")
print("|---|---|---|---|---|---|---|---|---|")
for s in shapes:
    other = [n for n in ("rg", "ugrep") if fig(n, s, 0) is not None]
    o = "; ".join("%s %s×(%s×)" % (n, f(ratio(n, "launcher", s, 0), "%.1f"), f(ratio(n, "launcher", s, 1), "%.1f")) for n in other)
    print("| %s | %s / %s | %s / %s | %s / %s | **%s×** (%s×) | %s× (%s×) | %s | %s | %s |" % (
        s, f(fig("launcher", s, 0)), f(fig("launcher", s, 1)), f(fig("java-jar", s, 0)), f(fig("java-jar", s, 1)),
        f(fig("grep", s, 0)), f(fig("grep", s, 1)),
        f(ratio("grep", "launcher", s, 0), "%.1f"), f(ratio("grep", "launcher", s, 1), "%.1f"),
        f(ratio("grep", "java-jar", s, 0), "%.1f"), f(ratio("grep", "java-jar", s, 1), "%.1f"),
        f(fig("grepcidr", s, 1)), f(ratio("grepcidr", "launcher", s, 1)), o or "-"))
for n in ("index-scratch", "index-snapshot"):
    print("| %s (empty log), whole process | %s / %s | | | | | | | |" % (n, f(fig(n, "-", 0)), f(fig(n, "-", 1))))
EOF

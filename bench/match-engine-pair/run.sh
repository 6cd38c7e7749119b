#!/usr/bin/env bash
# Issue 18: two builds of the matching engine in ONE JVM, each in its own class loader with its own
# index (read from its own snapshot beside its own copy of the list, written on the first run),
# matching the same logs from memory in alternating passes (A B, B A, ...): both sides see the same
# minutes of a shared machine, and the table gives each pair's A ÷ B of the matching thread's CPU.
# The first JIT tier only, as the launcher runs a short file (JIT='' for the full JIT).
# -Xms keeps the heap from growing between the two indexes: without it the first index loaded ran
# ~16 % slower than the second with the SAME jar on both sides (docs/benchmarks.md, match16).
# usage: bench/match-engine-pair/run.sh A.jar B.jar LIST_A LIST_B ROUNDS LOG...
#   (A.jar, B.jar: renkei-engine/target/renkei-engine-*.jar of each build; LIST_A and LIST_B two
#   copies of the same indicator list, each in a directory of its own)
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
javac -d "$work/side" -cp "$1" "$here/Side.java"
javac -d "$work/pair" "$here/Pair.java"
java -Xmx6g -Xms6g -XX:+UseSerialGC -XX:+UseTransparentHugePages ${JIT--XX:TieredStopAtLevel=1} \
  -cp "$work/pair" x.Pair "$work/side" "$@"

#!/usr/bin/env bash
# Issue 19: two builds of the mail analyser in ONE JVM, each in its own class loader over the same
# dependency jars (LIB: `./mvnw -pl renkei-engine dependency:copy-dependencies -DincludeScope=runtime
# -DoutputDirectory=LIB`, no renkei-* jar in it). A and B are each build's engine classes
# (renkei-engine/target/classes, copied aside so a rebuild does not change them mid-run).
#
#   run.sh time  DIR ROUNDS A B LIB [TSV]   a new analyser per message (as the server), thread CPU
#                                            per message, rounds A B / B A ..., best of the rounds
#                                            per message (round 0 left out), per size class
#   run.sh check SOURCE A B LIB             every report of A and B compared whole, differences
#                                            printed (SOURCE: a directory, or corpora:DIR for the
#                                            tuning half of the mail corpora as MailCorporaBench
#                                            reads them); exit 1 if any differ
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
javac -d "$work" "$here/Pair.java"
java -Xms2g -Xmx2g ${JOPTS:-} -cp "$work" x.Pair "$@"

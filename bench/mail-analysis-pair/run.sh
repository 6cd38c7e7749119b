#!/usr/bin/env bash
# Issue 19: two builds of the mail analyser in ONE JVM, each in its own class loader over the same
# dependency jars (LIB: `./mvnw -pl renkei-engine dependency:copy-dependencies -DincludeScope=runtime
# -DoutputDirectory=LIB`, no renkei-* jar in it). A and B are each build's engine classes
# (renkei-engine/target/classes, copied aside so a rebuild does not change them mid-run).
#
#   run.sh time  SOURCE ROUNDS A B LIB [TSV] a new analyser per message (as the server), thread CPU
#                                            per message, rounds A B / B A ..., best of the rounds
#                                            per message (round 0 left out), per size class
#   run.sh profile SOURCE WARM ROUNDS A LIB JFR  one build: WARM rounds unrecorded (JIT warm-up),
#                                            then ROUNDS rounds under a JFR recording (settings
#                                            profile) written to JFR: the steady state alone
#   run.sh check SOURCE A B LIB             every report of A and B compared whole, differences
#                                            printed, counted per set; exit 1 if any differ
#
# SOURCE: a directory of messages, or corpora:DIR (/work/mail-corpora): every set as
# MailCorporaBench reads it, the tuning half of each split set (phish-pot, nazario, ham, ham-csdmc,
# phish-ja, ham-outside, ham-bounce, spam-outside, ham-list) and nazario-extra and ham-newsletters
# whole; never nazario-outside nor a held-out half. JOPTS=-Dpair.sets=ham-outside,ham-newsletters
# takes only the sets named. check gives each message an analysis deadline of 300 s instead of the
# server's 10 s (JOPTS=-Dpair.maxTime=SECONDS, 0 for the default) so that under load a PDF or
# picture QR search does not run out on one side only; time keeps the server's limits.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
javac -d "$work" "$here/Pair.java"
java -Xms2g -Xmx2g ${JOPTS:-} -cp "$work" x.Pair "$@"

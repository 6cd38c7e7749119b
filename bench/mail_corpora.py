#!/usr/bin/env python3
"""The Python half of bench/mail-corpora.sh: picks messages out of public-inbox mirrors and mboxes.

A public-inbox mirror holds one commit per message, the message in the file m (a commit that
deletes a message has none). Every command reads a mirror through inbox(), newest message first,
and writes each message it keeps as OUT/<first 16 hex digits of its SHA-256>.eml, so that
identical copies collapse into one file and the file names are fixed.

  sample GIT COMMIT REGEX OUT       the messages whose SHA-256 (hex) starts as REGEX says
  japanese GIT COMMIT OUT           the messages written in Japanese
  calendar GIT COMMIT OUT           the messages that carry a calendar (a text/calendar or
                                    application/ics part): invitations, updates, cancellations
  ja-bulk OUT GIT,COMMIT,SUB...     the messages written in Japanese that a Japanese bulk-mail
                                    service or program sent (ja_bulk), into OUT/SUB, one per body
  ja-other OUT GIT,COMMIT,SUB...    the other messages written in Japanese, into OUT/SUB, one per
                                    body
  bots OUT GIT,COMMIT...            the messages of known notification bots, one per Message-ID,
                                    a folder per bot
  unsolicited OUT GIT,COMMIT,SUB... the messages that nobody on the list wrote to it
  senders OUT GIT COMMIT SUB,FROM,PREFIX...
                                    the messages whose From address matches the regular
                                    expression FROM (whole) and whose SHA-256 starts as PREFIX
                                    says, into OUT/SUB (the first rule that matches)
  unique NEW OLD...                 the messages of the mbox NEW that no mbox OLD holds (stdout)
  takeout OUT MBOX                  the messages of a Google Takeout mbox (gzip or not) with a
                                    Received: header, each without its "From " line and the two
                                    headers Takeout adds (X-GM-THRID, X-Gmail-Labels)
  no-bounces DIR...                 removes from DIR (and its subfolders) every message sent by a
                                    mailer daemon or postmaster (bounces, here of forged mail)
  files OUT GIT COMMIT [OPTION...] PATH...
                                    every *.eml file of the tree under PATH (a folder ending in /):
                                    -r  in its subfolders too          --received  only with a line
                                    --skip GLOB  not when its path     starting "Received:" anywhere
                                      matches GLOB (repeatable)        --only GLOB  only when it does
                                    --strip-tick  without a first line "✅ ..." (a tool's output)

Only messages with a Received: header are kept from a mirror (files: as its options say) (a message without one was not
received as it stands). Standard library only.
"""

import email
import email.policy
import email.utils
import fnmatch
import hashlib
import os
import re
import subprocess
import sys

HIRAGANA = re.compile("[\u3041-\u3096]")
BOTS = re.compile(
    r"(syzbot(\+[^@]*)?@syzkaller\.appspotmail\.com|lkp@intel\.com|patchwork-bot(\+[^@]*)?@kernel\.org"
    r"|pr-tracker-bot@kernel\.org|bugbot@kernel\.org|scan-admin@coverity\.com)$"
)


class Stop(Exception):
    """Bad input: what went wrong and where, said in one line."""


def batch(git, requests, what):
    """Yields (object name, bytes) for each line of REQUESTS (bytes) that git cat-file --batch answers
    in the repository GIT; a request it does not find ("... missing") yields nothing."""
    cat = subprocess.Popen(
        ["git", "-C", git, "cat-file", "--batch=@@@ %(objectname) %(objectsize)"],
        stdin=subprocess.PIPE if isinstance(requests, bytes) else requests,
        stdout=subprocess.PIPE,
    )
    if isinstance(requests, bytes):
        # a writer thread: git answers while it reads, and both pipes are bounded
        import threading

        def feed():
            cat.stdin.write(requests)
            cat.stdin.close()

        threading.Thread(target=feed, daemon=True).start()
    data = cat.stdout
    while True:
        head = data.readline()
        if not head:
            break
        parts = head.split()
        if len(parts) < 3 or parts[0] != b"@@@":
            continue  # "... missing"
        m = data.read(int(parts[2]))
        data.read(1)
        yield parts[1], m
    if cat.wait() != 0:
        raise Stop(f"cannot read {what} in {git} (git failed; see above)")


def inbox(git, commit):
    """Yields the bytes of every message of the public-inbox mirror GIT at COMMIT, newest first."""
    log = subprocess.Popen(["git", "-C", git, "log", "--format=%H:m", commit], stdout=subprocess.PIPE)
    for _, m in batch(git, log.stdout, f"the messages at {commit}"):
        yield m  # a commit that deletes a message has no m: "... missing"
    log.stdout.close()
    if log.wait() != 0:
        raise Stop(f"cannot read the messages of {git} at {commit} (git failed; see above)")


def received(m):
    return b"\nReceived:" in b"\n" + m.split(b"\n\n", 1)[0]


def japanese(m):
    """At least 10 hiragana in the decoded subject and text parts."""
    try:
        msg = email.message_from_bytes(m, policy=email.policy.default)
        t = str(msg.get("subject", ""))
        for part in msg.walk():
            if part.get_content_maintype() == "text":
                try:
                    t += part.get_content()
                except Exception:
                    pass  # an unknown or broken charset: that part says nothing
    except Exception:
        return False  # unreadable as a whole: not Japanese text that can be read
    return len(HIRAGANA.findall(t)) >= 10


def write(out, m):
    os.makedirs(out, exist_ok=True)
    with open(os.path.join(out, hashlib.sha256(m).hexdigest()[:16] + ".eml"), "wb") as f:
        f.write(m)


def sample(git, commit, prefix, out):
    keep = re.compile(prefix)
    os.makedirs(out, exist_ok=True)
    for m in inbox(git, commit):
        if keep.match(hashlib.sha256(m).hexdigest()) and received(m):
            write(out, m)


def japanese_mail(git, commit, out):
    os.makedirs(out, exist_ok=True)
    for m in inbox(git, commit):
        if received(m) and japanese(m):
            write(out, m)


CALENDAR = re.compile(rb"(?im)^content-type:\s*(text/calendar|application/ics)\b")


def calendar_mail(git, commit, out):
    os.makedirs(out, exist_ok=True)
    for m in inbox(git, commit):
        if received(m) and CALENDAR.search(m):
            write(out, m)
# Japanese bulk-mail services and programs, as a message's own headers name them: CombzMail
# (コンビーズメール, whose senders are rNNNN.ps.combzmail.jp), blastmail (ARARA, *.am.arara.com) and
# the desktop mailer Mail Magic Professional
JA_BULK = re.compile(
    rb"\nReceived: from [\w.-]+\.(ps\.combzmail\.jp|am\.arara\.com)[\s(]|\nX-Mailer: Mail Magic Professional",
    re.I,
)


def ja_bulk(out, *specs):
    """A message is kept when it has a Received: header, is written in Japanese (japanese()) and a
    Japanese bulk-mail service or program sent it (JA_BULK); a message whose body (whitespace
    removed) an earlier one already had is left out (one campaign sent to several lists)."""
    seen = set()
    for spec in specs:
        git, commit, sub = spec.split(",")
        for m in inbox(git, commit):
            head = b"\n" + m.split(b"\n\n", 1)[0]
            if not JA_BULK.search(head) or not received(m) or not japanese(m):
                continue
            body = hashlib.sha256(re.sub(rb"\s+", b"", m.split(b"\n\n", 1)[-1])).digest()
            if body in seen:
                continue
            seen.add(body)
            write(os.path.join(out, sub), m)


def ja_other(out, *specs):
    """The messages ja_bulk leaves: with a Received: header, written in Japanese, sent by no
    Japanese bulk-mail service or program; one per body (whitespace removed) over all SPECS, the
    first list and the newest message first."""
    seen = set()
    for spec in specs:
        git, commit, sub = spec.split(",")
        os.makedirs(os.path.join(out, sub), exist_ok=True)
        for m in inbox(git, commit):
            head = b"\n" + m.split(b"\n\n", 1)[0]
            if JA_BULK.search(head) or not received(m) or not japanese(m):
                continue
            body = hashlib.sha256(re.sub(rb"\s+", b"", m.split(b"\n\n", 1)[-1])).digest()
            if body in seen:
                continue
            seen.add(body)
            write(os.path.join(out, sub), m)


def bots(out, *specs):
    ids = set()
    for spec in specs:
        git, commit = spec.split(",")
        for m in inbox(git, commit):
            if not received(m):
                continue
            msg = email.message_from_bytes(m, policy=email.policy.compat32)
            bot = BOTS.match(email.utils.parseaddr(str(msg.get("From", "")))[1].lower())
            if not bot:
                continue
            mid = str(msg.get("Message-ID", "")).strip().lower()
            if mid and mid in ids:
                continue
            ids.add(mid)
            name = bot.group(1)
            sub = "syzbot" if "syzbot" in name else "patchwork-bot" if "patchwork" in name else "other-bots"
            write(os.path.join(out, sub), m)


def ids_in(s):
    return set(x.lower() for x in re.findall(r"<[^<>\s]+>", s or ""))


def unsolicited(out, *specs):
    """A message is kept when it has a Received: header, is no reply (no In-Reply-To or References,
    no "Re:" / "AW:" / "Fwd:" subject), no patch ([PATCH, [RFC, [PULL, [ANNOUNCE, a diff), no
    message of the list answers it (its Message-ID in nobody's In-Reply-To or References), its
    sender wrote no reply or patch on the list, is no bot (syzbot, the kernel test robot, KernelCI,
    GitHub, patchwork) and it is not written in Japanese (phish-ja's kind); a message whose body
    (whitespace removed) an earlier one already had is left out."""
    seen = set()
    for spec in specs:
        git, commit, sub = spec.split(",")
        replied, talkers, candidates = set(), set(), []
        for m in inbox(git, commit):
            msg = email.message_from_bytes(m, policy=email.policy.compat32)
            subject = str(msg.get("Subject", ""))
            sender = email.utils.parseaddr(str(msg.get("From", "")))[1].lower()
            refs = ids_in(str(msg.get("In-Reply-To", ""))) | ids_in(str(msg.get("References", "")))
            replied |= refs
            if (
                refs
                or re.match(r"(?i)\s*(re|aw|fwd?|antw)\s*:", subject)
                or re.search(r"(?i)\[(patch|rfc|pull|git pull|announce)", subject)
                or b"\ndiff --git " in m
                or b"\n--- a/" in m
            ):
                talkers.add(sender)
            elif received(m):
                candidates.append((m, msg, sender))
        for m, msg, sender in candidates:
            if ids_in(str(msg.get("Message-ID", ""))) & replied or sender in talkers:
                continue
            if re.search(r"syzbot|lkp@intel\.com|kernelci|noreply@github|patchwork", sender):
                continue
            if japanese(m):
                continue
            body = hashlib.sha256(re.sub(rb"\s+", b"", m.split(b"\n\n", 1)[-1])).digest()
            if body in seen:
                continue
            seen.add(body)
            write(os.path.join(out, sub), m)


def senders(out, git, commit, *rules):
    rules = [(sub, re.compile(sender), re.compile(prefix)) for sub, sender, prefix in (r.split(",") for r in rules)]
    for sub, _, _ in rules:
        os.makedirs(os.path.join(out, sub), exist_ok=True)
    for m in inbox(git, commit):
        if not received(m):
            continue
        msg = email.message_from_bytes(m, policy=email.policy.compat32)
        address = email.utils.parseaddr(str(msg.get("From", "")))[1].lower()
        h = hashlib.sha256(m).hexdigest()
        for sub, sender, prefix in rules:
            if sender.fullmatch(address):
                if prefix.match(h):
                    write(os.path.join(out, sub), m)
                break


def files(out, git, commit, *args):
    recursive, received_only, strip, skip, only, paths = False, False, False, [], [], []
    args = list(args)
    while args:
        a = args.pop(0)
        if a == "-r":
            recursive = True
        elif a == "--received":
            received_only = True
        elif a == "--strip-tick":
            strip = True
        elif a in ("--skip", "--only") and args:
            (skip if a == "--skip" else only).append(args.pop(0))
        elif a.startswith("-"):
            raise Stop(f"files: unknown option {a}")
        else:
            paths.append(a)
    if not paths:
        raise Stop("files: no PATH to read")
    tree = subprocess.run(
        ["git", "-C", git, "ls-tree", "-z"] + (["-r"] if recursive else []) + [commit, "--"] + paths,
        capture_output=True,
    )
    if tree.returncode != 0:
        raise Stop(f"cannot list {' '.join(paths)} at {commit} in {git}: {tree.stderr.decode().strip()}")
    blobs = []
    for entry in tree.stdout.split(b"\0"):
        if not entry:
            continue
        meta, path = entry.decode().split("\t", 1)
        kind, name = meta.split()[1:3]
        if kind != "blob" or not fnmatch.fnmatchcase(path, "*.eml"):
            continue
        if any(fnmatch.fnmatchcase(path, g) for g in skip):
            continue
        if only and not any(fnmatch.fnmatchcase(path, g) for g in only):
            continue
        blobs.append(name)
    os.makedirs(out, exist_ok=True)
    found = 0
    for _, m in batch(git, "".join(b + "\n" for b in blobs).encode(), f"{' '.join(paths)} at {commit}"):
        found += 1
        if strip and m.startswith("✅ ".encode()):
            m = m.split(b"\n", 1)[1] if b"\n" in m else b""
        if received_only and not re.search(rb"(?im)^received:", m):
            continue  # no relay recorded: cut, or written by hand for a test
        write(out, m)
    if found != len(blobs):
        raise Stop(f"{len(blobs) - found} of the files under {' '.join(paths)} are missing in {git}")


def mbox(path):
    """The messages of an mbox, split before "From " after an empty line (as MailCorporaBench)."""
    with open(path, "rb") as f:
        data = f.read()
    return [m for m in re.split(rb"(?<=\n\n)(?=From )", data) if m.strip()]


def unique(new, *old):
    """A message of NEW is left out when its Message-ID or its body (whitespace removed) is one of
    an OLD mbox's, or an earlier message of NEW had the same body."""

    def keys(m):
        head, _, body = m.partition(b"\n\n")
        mid = re.search(rb"(?im)^message-id:\s*(\S+)", head)
        return (mid.group(1).lower() if mid else None, hashlib.sha256(re.sub(rb"\s+", b"", body)).hexdigest())

    seen_ids, seen_bodies = set(), set()
    for path in old:
        for m in mbox(path):
            i, b = keys(m)
            seen_bodies.add(b)
            if i:
                seen_ids.add(i)
    for m in mbox(new):
        i, b = keys(m)
        if (i and i in seen_ids) or b in seen_bodies:
            continue
        seen_bodies.add(b)
        sys.stdout.buffer.write(m if m.endswith(b"\n") else m + b"\n")


TAKEOUT_FROM = re.compile(rb"^From \d+@xxx [^\r\n]*\r?\n", re.M)
TAKEOUT_HEADER = re.compile(rb"(?i)^(x-gm-thrid|x-gmail-labels):")


def takeout(out, path):
    """Google Takeout writes one "From <thread id>@xxx <date>" line before each message (CRLF line
    ends, no empty line required before it) and two headers of its own above the message's: they
    are the mailbox's bookkeeping, not part of the message as received, and are taken off."""
    import gzip

    try:
        with open(path, "rb") as f:
            data = f.read()
        if data[:2] == b"\x1f\x8b":
            data = gzip.decompress(data)
    except (OSError, EOFError) as e:
        raise Stop(f"takeout: cannot read {path}: {e}")
    starts = [m.start() for m in TAKEOUT_FROM.finditer(data)]
    if not starts or starts[0] != 0:
        raise Stop(f"{path} is no Google Takeout mbox: it does not start with a line 'From <id>@xxx <date>'")
    os.makedirs(out, exist_ok=True)
    for i, start in enumerate(starts):
        m = data[start : starts[i + 1] if i + 1 < len(starts) else len(data)]
        m = m[TAKEOUT_FROM.match(m).end() :]
        lines = m.splitlines(keepends=True)
        while lines and TAKEOUT_HEADER.match(lines[0]):
            lines.pop(0)
        m = b"".join(lines)
        if received(m.replace(b"\r\n", b"\n")):
            write(out, m)


BOUNCER = re.compile(r"(mailer-daemon|postmaster|mail-daemon|mailerdaemon)@", re.I)


def no_bounces(*dirs):
    for d in dirs:
        if not os.path.isdir(d):
            raise Stop(f"no-bounces: {d} is no folder")
        for root, _, names in os.walk(d):
            for n in names:
                path = os.path.join(root, n)
                with open(path, "rb") as f:
                    msg = email.message_from_bytes(f.read(), policy=email.policy.compat32)
                if BOUNCER.match(email.utils.parseaddr(str(msg.get("From", "")))[1]):
                    os.remove(path)


COMMANDS = {
    "sample": (sample, 4),
    "japanese": (japanese_mail, 3),
    "calendar": (calendar_mail, 3),
    "ja-bulk": (ja_bulk, None),
    "ja-other": (ja_other, None),
    "bots": (bots, None),
    "unsolicited": (unsolicited, None),
    "unique": (unique, None),
    "senders": (senders, None),
    "files": (files, None),
    "takeout": (takeout, 2),
    "no-bounces": (no_bounces, None),
}


def main(argv):
    if not argv or argv[0] not in COMMANDS:
        raise Stop(f"unknown command {argv[0] if argv else '(none)'}; one of {', '.join(COMMANDS)}")
    run, arity = COMMANDS[argv[0]]
    args = argv[1:]
    if (arity is not None and len(args) != arity) or len(args) < (1 if run is no_bounces else 2):
        raise Stop(f"{argv[0]}: wrong arguments {args}; see the usage at the top of {__file__}")
    run(*args)


if __name__ == "__main__":
    try:
        main(sys.argv[1:])
    except Stop as e:
        sys.exit(f"mail_corpora.py: {e}")

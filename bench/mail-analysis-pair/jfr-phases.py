#!/usr/bin/env python3
"""speed37: where a mail analysis' CPU goes, from a JFR recording of run.sh profile (or time).

usage: jfr-phases.py FILE.jfr [US_PER_MESSAGE]

Reads the execution samples of thread "main" (jfr print --json) and prints each sample's phase (the first rule of
PHASES whose frame it holds) and the share of the samples in the items speed37 cut; with US_PER_MESSAGE (the µs of
thread CPU per message run.sh profile printed) the items also in µs per message.
"""
import collections
import json
import subprocess
import sys

PHASES = [
    ('unknown charset label (the JDK provider scan)', ['Charset.lookupViaProviders']),
    ('QR search (images, PDFs)', ['MailAttachments.searchQrCodes', 'MailImages.']),
    ('phrase automaton (MailPhrases)', ['MailPhrases']),
    ('MIME parse (mime4j, QP, base64)', ['MailMime.parse']),
    ('header fields (MailEnvelope.envelope)', ['MailEnvelope.envelope']),
    ('HTML parse (jsoup)', ['Parser.parseInput']),
    ('judge (the signs)', ['MailAnalyzer.judge']),
    ('attachments (hashes, archives, types)', ['MailAttachments.']),
    ('walk (text, links, words)', ['MailAnalyzer.walk']),
    ('report', ['MailState.report']),
    ('analyser and state made', ['MailAnalyzer.<init>', 'MailState.<init>']),
    ('reading the input', ['MailAnalyzer.readUpTo']),
]


def has(stack, key):
    return any(f.startswith(key) for f in stack)


ITEMS = [
    ('unknown label, text part', lambda s: has(s, 'Charset.lookupViaProviders') and has(s, 'MailMime$DepthBound.body')),
    ('unknown label, encoded word', lambda s: has(s, 'Charset.lookupViaProviders') and not has(s, 'MailMime$DepthBound.body')),
    ('brand claims (MailSigns.claimed)', lambda s: has(s, 'MailSigns.claimed')),
    ('public body words in the display name', lambda s: has(s, 'MailPublicBodies.publicBodyName') or has(s, 'MailSigns.publicBodyName')),
    ('greeting names (MailGreetings.names)', lambda s: has(s, 'MailGreetings.names')),
    ('recipient named by a greeting', lambda s: has(s, 'MailImpersonation.recipientAsName')),
    ('forged Received line', lambda s: has(s, 'MailBulkLures.forgedHop')),
]


def stacks(path):
    out = subprocess.run(['jfr', 'print', '--json', '--stack-depth', '400', '--events', 'jdk.ExecutionSample', path],
                         capture_output=True, text=True, check=True).stdout
    for e in json.loads(out)['recording']['events']:
        v = e['values']
        if v['sampledThread']['javaName'] != 'main' or not v['stackTrace']:
            continue
        yield [f['method']['type']['name'].split('/')[-1] + '.' + f['method']['name'] for f in v['stackTrace']['frames']]


def main():
    all_stacks = list(stacks(sys.argv[1]))
    us = float(sys.argv[2]) if len(sys.argv) > 2 else None
    n = len(all_stacks)
    phase = collections.Counter()
    for s in all_stacks:
        phase[next((name for name, keys in PHASES if any(has(s, k) for k in keys)), 'other')] += 1
    print(f'{n} samples of thread main')
    for name, _ in PHASES + [('other', None)]:
        print(f'| {name} | {100 * phase[name] / n:.1f} % |')
    print()
    for name, hold in ITEMS:
        c = sum(1 for s in all_stacks if hold(s))
        print(f'| {name} | {100 * c / n:.2f} % |' + (f' {us * c / n:.1f} µs |' if us else ''))


if __name__ == '__main__':
    main()

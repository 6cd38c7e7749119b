#!/usr/bin/env python3
"""DKIM-Signature tag shapes in the tuning halves of the mail corpora (hamout31, docs/benchmarks.md).

Usage: bench/dkim-tags.py [CORPORA_DIR]   (default /work/mail-corpora, from bench/mail-corpora.sh)

Counts only, per set: messages with a DKIM-Signature, one whose h= leaves out From, one with l=, one whose l= is
under half the body, and messages with no signature for the From address's registrable domain. A message is in
the tuning half when the first byte of the SHA-256 of its bytes is even (MailCorporaBench.half); held-out messages
are hashed and skipped, never read further, and no message is named. phish-pot gets the bench's address
substitution and Nazario's mbox the bench's split, so that the halves are the bench's.
"""
import hashlib, os, re, sys, collections
root = sys.argv[1] if len(sys.argv) > 1 else '/work/mail-corpora'
def files(d):
    out=[]
    for dp,dn,fn in os.walk(d, followlinks=True):
        for f in fn: out.append(os.path.join(dp,f))
    return sorted(out)
def mbox(path):
    data=open(path,'rb').read()
    for p in re.split(rb'(?m)^(?=From )', data):
        if not p.strip(): continue
        if p.startswith(b'From '): p=p[p.index(b'\n')+1:]
        yield p
def tune(b): return hashlib.sha256(b).digest()[0] % 2 == 0
sets={}
sets['phish-pot']=[open(f,'rb').read().replace(b'phishing@pot',b'taro.yamada@honeypot-mail.jp') for f in files(root+'/phish-pot')]
sets['nazario']=list(mbox(root+'/nazario/phishing0.mbox'))
for s in ['phish-ja','ham','ham-csdmc','ham-outside','ham-bounce','ham-list','ham-ja','spam-outside']:
    sets[s]=[open(f,'rb').read() for f in files(root+'/'+s)]
def reg(d):
    d=d.lower().strip().rstrip('.>')
    parts=d.split('.')
    if len(parts)>=3 and (parts[-2] in ('co','ne','or','ac','go','com','org','net','gov','edu') and len(parts[-1])==2): return '.'.join(parts[-3:])
    return '.'.join(parts[-2:])
for s,msgs in sets.items():
    c=collections.Counter()
    for b in msgs:
        if not tune(b): continue
        c['tune']+=1
        head=b.split(b'\r\n\r\n',1)[0] if b'\r\n\r\n' in b[:200000] and (b.find(b'\r\n\r\n')<b.find(b'\n\n') or b.find(b'\n\n')<0) else b.split(b'\n\n',1)[0]
        body_len=len(b)-len(head)
        h=head.decode('latin-1')
        h=re.sub(r'\r?\n[ \t]+',' ',h)
        sigs=[l[len('dkim-signature:'):] for l in h.split('\n') if l.lower().startswith('dkim-signature:')]
        fm=re.search(r'(?im)^from:.*?@([A-Za-z0-9.-]+)',h)
        fromdom=reg(fm.group(1)) if fm else None
        if not sigs: continue
        c['signed']+=1
        nofrom=False; partial=False; lpresent=False; aligned=False
        for sg in sigs:
            tags=dict((k.strip().lower(),v.strip()) for k,_,v in (t.partition('=') for t in sg.split(';')) if k.strip())
            hh=[x.strip().lower() for x in re.sub(r'\s','',tags.get('h','')).split(':')]
            if 'from' not in hh: nofrom=True
            if 'l' in tags:
                lpresent=True
                try:
                    if int(re.sub(r'\s','',tags['l'])) < body_len*0.5: partial=True
                except: pass
            if fromdom and reg(tags.get('d','x'))==fromdom: aligned=True
        c['h= without From']+=nofrom; c['l= present']+=lpresent; c['l= < half body']+=partial
        c['no signature for From domain']+= (not aligned)
    print(s, dict(c))

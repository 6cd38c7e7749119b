#!/usr/bin/env python3
"""Groups the TSV MailShareKindsCost writes (-Dmail.dump): per set the objects and indicators by kind, and the
url/domain-name objects and indicators on a name that is no public host, a government's, a few services' link
domains and the messaging contact hosts (share39). Usage: mail-share-kinds.py BASE.tsv [AFTER.tsv ...]"""
import sys,re,collections
def load(f):
    rows=[l.rstrip('\n').split('\t') for l in open(f,encoding='utf-8')]
    return [r+['']*(5-len(r)) for r in rows if len(r)>=4]
def host(kind,v):
    if kind=='domain-name': return v
    if kind=='indicator domain-name': return v[22:-2]
    if kind in('url','indicator url'):
        if kind=='indicator url': v=v[14:-2]
        m=re.match(r'[a-zA-Z][a-zA-Z0-9+.-]*://([^/?#]*)',v)
        if not m: return None
        h=m.group(1).rsplit('@',1)[-1]
        return h if h.startswith('[') else h.split(':')[0].lower()
    if kind in('email-addr','indicator email-addr'):
        if kind.startswith('indicator'): v=v[21:-2]
        return v.rsplit('@',1)[-1].lower()
    return None
TLDOK=set(l.strip().lstrip('*.!').split('.')[-1] for l in open('/usr/share/publicsuffix/public_suffix_list.dat',encoding='utf-8') if l.strip() and not l.startswith('//'))
import encodings.idna
def cat(h):
    if h is None: return None
    if h.startswith('['): return None
    if '.' not in h: return 'reserved'
    if re.fullmatch(r'(www\.)?example\.(com|net|org)',h) or re.search(r'(^|\.)(localhost|local|internal|home\.arpa)$',h): return 'reserved'
    t=h.rsplit('.',1)[1]
    try: tu=t.encode().decode('idna') if t.startswith('xn--') else t
    except Exception: tu=t
    if t not in ('example','test','invalid') and not t.isdigit() and tu not in TLDOK: return 'reserved'
    if re.search(r'\.(gov|gob|gouv|govt|mil)(\.[a-z]{2,3})?$',h) or re.search(r'\.(gov|gob|gouv)\.[a-z]{2}$',h): return 'government'
    if re.search(r'(^|\.)(pstmrk\.it|acemlnc\.com|clck\.ru|kmail-lists\.com|aka\.ms|imgur\.com)$',h): return 'service'
    if h in ('wa.me','t.me','m.me'): return 'contact'
    return None
for f in sys.argv[1:]:
    rows=load(f)
    print('==',f)
    for s in ('phish-pot','nazario','phish-ja2'):
        R=[r for r in rows if r[0]==s]
        kinds=collections.Counter(r[2] for r in R)
        c=collections.Counter()
        ex=collections.defaultdict(collections.Counter)
        for r in R:
            k=r[2]
            if k not in('url','domain-name','indicator domain-name','indicator url','indicator email-addr'): continue
            h=host(k,r[3]); x=cat(h)
            if x is None and k=='indicator url' and host(k,r[3]) in ('wa.me','t.me','m.me'): x=None
            if x:
                # contact pages as url objects / url indicators are intended
                if x=='contact' and k in('url','indicator url'): continue
                grp='indicator' if k.startswith('indicator') else 'object'
                c[(x,grp)]+=1; ex[x][h]+=1
        multi=sum(1 for r in R if r[2]=='url' and ',' in r[4])
        wrapped=sum(1 for r in R if r[2]=='url' and r[4])
        obs=sum(v for k,v in kinds.items() if not k.startswith('indicator'))
        ind=sum(v for k,v in kinds.items() if k.startswith('indicator'))
        print(s,'objects',obs,'indicators',ind,'url',kinds['url'],'domain',kinds['domain-name'],'ind-domain',kinds['indicator domain-name'],'ind-url',kinds['indicator url'],'ind-email',kinds['indicator email-addr'],'wrapped',wrapped,'multi-wrapped',multi)
        print('   ',dict(c))
        for x,cc in ex.items(): print('    ',x,cc.most_common(8))

import sys,subprocess,collections
base,after=sys.argv[1],sys.argv[2]
A=[l for l in open(after,encoding='utf-8')]
seen=collections.OrderedDict()
for l in A:
    r=l.split('\t')
    if len(r)>=4: seen[(r[0],r[1])]=1
keys=list(seen)
done=set(keys[:-1])  # the last message may be cut
def filt(src,dst):
    with open(dst,'w',encoding='utf-8') as o:
        for l in open(src,encoding='utf-8'):
            r=l.split('\t')
            if len(r)>=4 and (r[0],r[1]) in done: o.write(l)
filt(base,'/tmp/s39/base-sub.tsv'); filt(after,'/tmp/s39/after-sub.tsv')
c=collections.Counter(k[0] for k in done)
print('messages with objects compared:',dict(c))

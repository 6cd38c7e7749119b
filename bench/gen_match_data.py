#!/usr/bin/env python3
"""Generates benchmark data for `renkei match`: an indicator list (domains, IPv4 addresses, /24
ranges) and a Squid native access.log in which a few requests hit indicators.

usage: gen_match_data.py LINES INDICATORS OUTDIR [SEED]
"""
import os
import random
import sys

lines, indicators, outdir = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3]
rnd = random.Random(int(sys.argv[4]) if len(sys.argv) > 4 else 20261122)
os.makedirs(outdir, exist_ok=True)
words = ["cdn", "static", "api", "img", "mail", "login", "update", "news", "shop", "bank", "cloud",
         "data", "media", "portal", "secure", "app", "web", "edge", "files", "track"]
tlds = ["com", "net", "org", "jp", "co.jp", "io", "info", "biz"]

def domain(i):
    return "%s%d-%s.%s" % (rnd.choice(words), i, rnd.choice(words), rnd.choice(tlds))

bad_domains, bad_ips = [], []
with open(os.path.join(outdir, "indicators.txt"), "w") as f:
    for i in range(indicators):
        r = i % 10
        if r < 6:
            d = "evil%d.%s" % (i, rnd.choice(tlds))
            bad_domains.append(d)
            f.write(d + "\n")
        elif r < 9:
            ip = "%d.%d.%d.%d" % (rnd.randint(11, 223), rnd.randint(0, 255), rnd.randint(0, 255), rnd.randint(1, 254))
            bad_ips.append(ip)
            f.write(ip + "\n")
        else:
            f.write("%d.%d.%d.0/24\n" % (rnd.randint(11, 223), rnd.randint(0, 255), rnd.randint(0, 255)))

benign = [domain(i) for i in range(50000)]
t = 1732252800.0
with open(os.path.join(outdir, "access.log"), "w") as f:
    for n in range(lines):
        t += rnd.random() * 0.01
        client = "10.%d.%d.%d" % (rnd.randint(0, 3), rnd.randint(0, 255), rnd.randint(1, 254))
        if n % 50000 == 7:
            host = "www." + rnd.choice(bad_domains)
        else:
            host = rnd.choice(benign)
        peer = rnd.choice(bad_ips) if n % 70001 == 11 else "192.0.%d.%d" % (rnd.randint(0, 255), rnd.randint(1, 254))
        if n % 5 == 0:
            f.write("%.3f %6d %s TCP_TUNNEL/200 %d CONNECT %s:443 - HIER_DIRECT/%s -\n" % (t, rnd.randint(1, 9000), client, rnd.randint(100, 90000), host, peer))
        else:
            f.write("%.3f %6d %s TCP_MISS/200 %d GET http://%s/%s/%d.html - HIER_DIRECT/%s text/html\n" % (t, rnd.randint(1, 9000), client, rnd.randint(100, 90000), host, rnd.choice(words), rnd.randint(1, 99999), peer))

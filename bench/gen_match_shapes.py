#!/usr/bin/env python3
"""Generates realistic-shaped benchmark data for `renkei match` (issue 18).

Indicators (one list, mixed): 55 % domains, 25 % IPv4 addresses, 5 % IPv4 ranges, 5 % IPv6
addresses and ranges, 10 % URLs (half of those on the popular hosts, with paths the traffic does
not request; the rest on listed domains).

Logs, each LINES lines:
  squid-popular.log  Squid native access.log where most requests go to 20 popular hosts (as in real
                     proxy traffic), many of which carry URL indicators on other paths; long query
                     strings, mixed-case hosts, percent escapes, some IPv6 peers and hosts, CONNECT
  squid-spread.log   the same shapes spread over 50,000 hosts
  zeek-http.log      Zeek http.log (TSV, #fields header), popular-host skew
  zeek-dns.log       Zeek dns.log (TSV), with answers
  dns-bind.log       BIND query log lines
A few lines in each hit planted indicators (subdomains, exact URLs written with other case or
escapes, peers inside ranges).

usage: gen_match_shapes.py LINES INDICATORS OUTDIR [SEED] [URL_PERCENT]
"""
import os
import random
import sys

lines, indicators, outdir = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3]
rnd = random.Random(int(sys.argv[4]) if len(sys.argv) > 4 else 20261130)
url_share = (int(sys.argv[5]) if len(sys.argv) > 5 else 5) / 100.0
os.makedirs(outdir, exist_ok=True)
words = ["cdn", "static", "api", "img", "mail", "login", "update", "news", "shop", "bank", "cloud",
         "data", "media", "portal", "secure", "app", "web", "edge", "files", "track"]
tlds = ["com", "net", "org", "jp", "co.jp", "io", "info", "biz"]
popular = ["www.google.com", "fonts.gstatic.com", "www.youtube.com", "graph.facebook.com",
           "login.microsoftonline.com", "update.microsoft.com", "s.yimg.jp", "www.yahoo.co.jp",
           "cdn.jsdelivr.net", "api.twitter.com", "outlook.office365.com", "www.amazon.co.jp",
           "ajax.googleapis.com", "clients4.google.com", "ocsp.digicert.com", "r3.o.lencr.org",
           "teams.microsoft.com", "www.rakuten.co.jp", "ssl.gstatic.com", "github.com"]


def ipv4():
    return "%d.%d.%d.%d" % (rnd.randint(11, 223), rnd.randint(0, 255), rnd.randint(0, 255),
                            rnd.randint(1, 254))


def ipv6():
    return "2001:db8:%x:%x::%x" % (rnd.randint(0, 65535), rnd.randint(0, 65535),
                                   rnd.randint(1, 65535))


def path(long_query=False):
    p = "/%s/%s/%d" % (rnd.choice(words), rnd.choice(words), rnd.randint(1, 999999))
    r = rnd.random()
    if r < 0.3:
        p += ".js"
    elif r < 0.5:
        p += "/"
    if long_query or rnd.random() < 0.3:
        q = "&".join("%s=%x" % (rnd.choice(words), rnd.getrandbits(64))
                     for _ in range(rnd.randint(2, 40 if long_query else 6)))
        p += "?" + q
    if rnd.random() < 0.05:
        p += "&ref=%7Euser%2Fx%20y"
    return p


def mixed_case(h):
    return "".join(c.upper() if rnd.random() < 0.5 else c for c in h) if rnd.random() < 0.1 else h


# ---- indicators
url_n = int(indicators * url_share)
rest = indicators - url_n
bad_domains, bad_ips, bad_nets, bad_urls = [], [], [], []
with open(os.path.join(outdir, "indicators.txt"), "w") as f:
    for i in range(rest):
        r = i % 18
        if r < 11:
            d = "evil%d-%s.%s" % (i, rnd.choice(words), rnd.choice(tlds))
            bad_domains.append(d)
            f.write(d + "\n")
        elif r < 16:
            ip = ipv4()
            bad_ips.append(ip)
            f.write(ip + "\n")
        elif r < 17:
            net = "%d.%d.%d.0/24" % (rnd.randint(11, 223), rnd.randint(0, 255), rnd.randint(0, 255))
            bad_nets.append(net)
            f.write(net + "\n")
        else:
            f.write((ipv6() if i % 2 else "2001:db8:%x::/48" % rnd.randint(0, 65535)) + "\n")
    for i in range(url_n):
        host = popular[i % len(popular)] if i % 2 == 0 else rnd.choice(bad_domains)
        u = "%s://%s/%s/%s/%d%s" % (rnd.choice(["http", "https"]), host, rnd.choice(words),
                                    rnd.choice(words), i, rnd.choice([".exe", ".php", ".zip", ""]))
        if i % 7 == 0:
            u += "?id=%d" % i
        bad_urls.append(u)
        f.write(u + "\n")


def planted_url():
    """A listed URL written the way a log may show it: other host case, trailing slash, escapes."""
    u = rnd.choice(bad_urls)
    scheme, rest_ = u.split("://", 1)
    host, p = rest_.split("/", 1)
    r = rnd.random()
    if r < 0.3:
        host = host.upper()
    elif r < 0.5:
        p = p.replace("/", "/%7E", 0) + ("/" if "?" not in p else "")
    elif r < 0.6:
        p = p.replace("a", "%61", 1)
    return scheme, host, "/" + p


def request_host(n, skew):
    if n % 40000 == 7:
        return "www." + rnd.choice(bad_domains)
    if skew and rnd.random() < 0.85:
        return popular[min(int(rnd.expovariate(0.35)), len(popular) - 1)]
    return benign[rnd.randrange(len(benign))]


benign = ["%s%d-%s.%s" % (rnd.choice(words), i, rnd.choice(words), rnd.choice(tlds))
          for i in range(50000)]


def squid(name, skew):
    t = 1732252800.0
    with open(os.path.join(outdir, name), "w") as f:
        for n in range(lines):
            t += rnd.random() * 0.01
            client = "10.%d.%d.%d" % (rnd.randint(0, 3), rnd.randint(0, 255), rnd.randint(1, 254))
            r = rnd.random()
            if n % 70001 == 11:
                peer = rnd.choice(bad_ips)
            elif n % 90001 == 13:
                peer = rnd.choice(bad_nets).replace(".0/24", ".77")
            elif r < 0.03:
                peer = ipv6()
            else:
                peer = "192.0.%d.%d" % (rnd.randint(0, 255), rnd.randint(1, 254))
            if n % 30011 == 5:
                scheme, host, p = planted_url()
                url = "%s://%s%s" % (scheme, host, p)
                method = "GET"
            else:
                host = request_host(n, skew)
                if n % 5 == 0:
                    url, method = host + ":443", "CONNECT"
                else:
                    h = "[%s]" % ipv6() if r > 0.995 else mixed_case(host)
                    url = "%s://%s%s" % ("https" if n % 3 else "http", h, path(r < 0.1))
                    method = "GET" if n % 7 else "POST"
            code = "TCP_TUNNEL/200" if method == "CONNECT" else "TCP_MISS/200"
            f.write("%.3f %6d %s %s %d %s %s - HIER_DIRECT/%s %s\n" % (
                t, rnd.randint(1, 9000), client, code, rnd.randint(100, 90000), method, url, peer,
                "-" if method == "CONNECT" else "text/html"))


def zeek_http():
    with open(os.path.join(outdir, "zeek-http.log"), "w") as f:
        f.write("#separator \\x09\n#path\thttp\n#fields\tts\tuid\tid.orig_h\tid.orig_p\tid.resp_h"
                "\tid.resp_p\tmethod\thost\turi\tuser_agent\tstatus_code\n")
        t = 1732252800.0
        for n in range(lines):
            t += rnd.random() * 0.01
            resp = rnd.choice(bad_ips) if n % 70001 == 11 else "192.0.%d.%d" % (
                rnd.randint(0, 255), rnd.randint(1, 254))
            f.write("%.6f\tC%x\t10.1.%d.%d\t%d\t%s\t443\tGET\t%s\t%s\tMozilla/5.0\t200\n" % (
                t, rnd.getrandbits(48), rnd.randint(0, 255), rnd.randint(1, 254),
                rnd.randint(1024, 65535), resp, mixed_case(request_host(n, True)), path()))


def zeek_dns():
    with open(os.path.join(outdir, "zeek-dns.log"), "w") as f:
        f.write("#separator \\x09\n#path\tdns\n#fields\tts\tuid\tid.orig_h\tid.orig_p\tid.resp_h"
                "\tid.resp_p\tproto\tquery\tqtype_name\trcode_name\tanswers\n")
        t = 1732252800.0
        for n in range(lines):
            t += rnd.random() * 0.01
            answers = ",".join("192.0.%d.%d" % (rnd.randint(0, 255), rnd.randint(1, 254))
                               for _ in range(rnd.randint(1, 3)))
            if n % 70001 == 11:
                answers += "," + rnd.choice(bad_ips)
            f.write("%.6f\tC%x\t10.1.%d.%d\t%d\t10.0.0.53\t53\tudp\t%s\tA\tNOERROR\t%s\n" % (
                t, rnd.getrandbits(48), rnd.randint(0, 255), rnd.randint(1, 254),
                rnd.randint(1024, 65535), mixed_case(request_host(n, True)), answers))


def bind():
    with open(os.path.join(outdir, "dns-bind.log"), "w") as f:
        for n in range(lines):
            h = mixed_case(request_host(n, True))
            f.write("30-Nov-2026 07:%02d:%02d.%03d client @0x7f%08x 10.1.%d.%d#%d (%s): query: %s "
                    "IN A +E(0)K (10.0.0.53)\n" % (
                        (n // 60000) % 60, (n // 1000) % 60, n % 1000, rnd.getrandbits(32),
                        rnd.randint(0, 255), rnd.randint(1, 254), rnd.randint(1024, 65535), h, h))


squid("squid-popular.log", True)
squid("squid-spread.log", False)
zeek_http()
zeek_dns()
bind()

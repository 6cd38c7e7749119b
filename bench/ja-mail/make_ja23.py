#!/usr/bin/env python3
"""Writes the Japanese test mail of session 22 (ja23) as .eml files.

Every message is written for the project (no real message's text): the lures after the traits the
2024-26 public alerts of JPCERT/CC, the Council of Anti-Phishing Japan and IPA describe (brand name
as display name on a random or look-alike domain, a spoofed brand address failing DMARC, links on
.top/.cn/.shop hosts or a brand's domain in front of another, full-width digits, deadlines), and the
legitimate mail after how each sender's own notices are built (its own authenticated domain, its
ESP's Received chain, List-Id and List-Unsubscribe on list mail). Every recipient, person and
order number is invented; brand domains are the brands' real registrable domains.

Run:  python3 bench/ja-mail/make_ja23.py  (writes renkei-engine/src/test/resources/.../mail/ja23/)
"""
import base64
import zlib
import os
import quopri
import sys
from email.header import Header

OUT = os.path.join(os.path.dirname(__file__), "..", "..", "renkei-engine", "src", "test",
                   "resources", "jp", "renkei", "engine", "mail", "ja23")
MX = "mx01.example-corp.co.jp"
TO = "soumu@example-corp.co.jp"


def word(s, cs):
    return Header(s, cs).encode(maxlinelen=76)


def received(helo, host, ip, day, by=MX, tls=True):
    return (f"Received: from {helo} ({host} [{ip}])\r\n\tby {by} (Postfix) with "
            f"{'ESMTPS' if tls else 'ESMTP'} id 4Q{zlib.crc32((helo + day).encode()) % 10**8:08d}\r\n"
            f"\tfor <{TO}>; {day}")


def auth(spf, mailfrom, dkim, d, dmarc, hfrom, policy="NONE", ip="203.0.113.9"):
    dk = f"dkim={dkim} header.d={d} header.s=s1" if d else f"dkim={dkim}"
    return (f"Authentication-Results: {MX};\r\n\tspf={spf} (sender IP is {ip}) smtp.mailfrom={mailfrom};"
            f"\r\n\t{dk};\r\n\tdmarc={dmarc} (p={policy} dis=NONE) header.from={hfrom}")


def dkim_sig(d):
    return (f"DKIM-Signature: v=1; a=rsa-sha256; c=relaxed/relaxed; d={d}; s=s1;\r\n"
            "\th=from:to:subject:date:message-id:mime-version:content-type;\r\n"
            "\tbh=47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=;\r\n"
            "\tb=dGVzdCBzaWduYXR1cmUgd3JpdHRlbiBmb3IgdGhlIHJlbmtlaSB0ZXN0cyBvbmx5")


def body_part(text, ctype, cs, cte):
    if cs != "UTF-8":  # what mailers do for JIS: the Microsoft variants become the JIS code points
        text = text.translate({0xFF0D: 0x2212, 0xFF5E: 0x301C, 0x2015: 0x2014})
    data = text.replace("\n", "\r\n").encode(cs_codec(cs), errors="strict")
    head = f"Content-Type: {ctype}; charset=\"{cs}\"\r\nContent-Transfer-Encoding: {cte}\r\n\r\n"
    if cte == "base64":
        payload = base64.encodebytes(data).decode("ascii").replace("\n", "\r\n")
    elif cte == "quoted-printable":
        payload = quopri.encodestring(data).decode("ascii").replace("\n", "\r\n")
    else:
        payload = data.decode("latin-1")
    return head + payload


def cs_codec(cs):
    return {"ISO-2022-JP": "iso2022_jp", "Shift_JIS": "shift_jis", "UTF-8": "utf-8"}[cs]


def message(m):
    cs = m.get("cs", "UTF-8")
    hcs = m.get("hcs", "ISO-2022-JP" if cs == "ISO-2022-JP" else "UTF-8")
    lines = list(m.get("received", []))
    if "auth" in m:
        lines.insert(0, m["auth"])
    if m.get("dkim"):
        lines.append(dkim_sig(m["dkim"]))
    name, addr = m["from"]
    lines.append(f"From: {word(name, hcs)} <{addr}>" if name else f"From: {addr}")
    lines.append(f"To: {m.get('to', TO)}")
    lines.append(f"Subject: {word(m['subject'], hcs)}")
    lines.append(f"Date: {m['date']}")
    lines.append(f"Message-ID: <{m['mid']}>")
    lines.extend(m.get("extra", []))
    lines.append("MIME-Version: 1.0")
    cte = m.get("cte", "7bit" if cs == "ISO-2022-JP" else "base64")
    parts = []
    if m.get("text"):
        parts.append(body_part(m["text"], "text/plain", cs, cte))
    if m.get("html"):
        parts.append(body_part(m["html"], "text/html", m.get("html_cs", "UTF-8"),
                               m.get("html_cte", "quoted-printable")))
    for fname, ctype, data in m.get("attach", []):
        enc = word(fname, hcs)
        parts.append(f"Content-Type: {ctype}; name=\"{enc}\"\r\nContent-Disposition: attachment;"
                     f" filename=\"{enc}\"\r\nContent-Transfer-Encoding: base64\r\n\r\n"
                     + base64.encodebytes(data).decode("ascii").replace("\n", "\r\n"))
    if len(parts) == 1:
        out = "\r\n".join(lines) + "\r\n" + parts[0]
    else:
        b = "----=_Part_" + str(zlib.crc32(m["mid"].encode()) % 10**9)
        kind = "mixed" if m.get("attach") else "alternative"
        if m.get("attach") and m.get("text") and m.get("html"):
            alt = "----=_Alt_" + str(zlib.crc32(m["mid"].encode()) % 10**9)
            inner = (f"Content-Type: multipart/alternative; boundary=\"{alt}\"\r\n\r\n"
                     + "".join(f"--{alt}\r\n{p}\r\n" for p in parts[:2]) + f"--{alt}--\r\n")
            parts = [inner] + parts[2:]
        out = ("\r\n".join(lines) + f"\r\nContent-Type: multipart/{kind}; boundary=\"{b}\"\r\n\r\n"
               + "".join(f"--{b}\r\n{p}\r\n" for p in parts) + f"--{b}--\r\n")
    return out.encode("latin-1")


def write(kind, name, m):
    d = os.path.join(OUT, kind)
    os.makedirs(d, exist_ok=True)
    with open(os.path.join(d, name + ".eml"), "wb") as f:
        f.write(message(m))


def main():
    import ja23_lures
    import ja23_legit
    for name, m in ja23_lures.ALL:
        write("lure", name, m)
    for name, m in ja23_legit.ALL:
        write("legit", name, m)
    print(len(ja23_lures.ALL), "lures,", len(ja23_legit.ALL), "legitimate")


if __name__ == "__main__":
    sys.path.insert(0, os.path.dirname(__file__))
    main()

#!/usr/bin/env python3
"""Writes a STIX 2.1 bundle of N generated indicators (domains, IPv4 addresses, URLs; one in three
TLP:RED, the rest TLP:GREEN) for ingest benchmarks, streaming (constant memory).

usage: gen_stix_bundle.py N OUT.json
"""
import sys
import uuid

n, out = int(sys.argv[1]), sys.argv[2]
RED = "marking-definition--e828b379-4e03-4974-9ac4-e53a884c97c1"
GREEN = "marking-definition--bab4a63c-aed9-4cf5-a766-dfca5abac2bb"
with open(out, "w") as f:
    f.write('{"type":"bundle","id":"bundle--%s","objects":[\n' % uuid.uuid4())
    for i in range(n):
        if i % 3 == 0:
            pattern = "[domain-name:value = 'c2-%d.example.net']" % i
        elif i % 3 == 1:
            pattern = "[ipv4-addr:value = '%d.%d.%d.%d']" % (11 + i % 200, i >> 16 & 255, i >> 8 & 255, i & 255)
        else:
            pattern = "[url:value = 'http://dl-%d.example.org/a/payload.bin']" % i
        f.write('%s{"type":"indicator","spec_version":"2.1","id":"indicator--%s",'
                '"created":"2026-03-01T00:00:00.000Z","modified":"2026-03-01T00:00:00.000Z",'
                '"name":"generated %d","indicator_types":["malicious-activity"],"pattern_type":"stix",'
                '"pattern":"%s","valid_from":"2026-03-01T00:00:00Z","object_marking_refs":["%s"]}'
                % ("," if i else "", uuid.UUID(int=(0x5a5a5a5a5a5a4a5a << 64) | (1 << 63) | i), i, pattern,
                   RED if i % 3 == 2 else GREEN))
        f.write("\n")
    f.write("]}\n")

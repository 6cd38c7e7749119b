#!/usr/bin/env python3
"""Renkei's TAXII 2.1 server and STIX output as peers' own tools see them.

Walks every collection with the OASIS taxii2-client (discovery, API root, collections, objects
paged with `next`, manifest, one object, its versions, match[type], added_after), posts indicators
with add_objects and polls the status, pages 120 of them back 50 at a time, adds a second version
and deletes it; parses every object read with python-stix2; validates everything read, and any
bundle files given, with the OASIS stix2-validator. Exit status 1 when anything is refused.

    pip install taxii2-client stix2 stix2-validator      # or PYTHONPATH to their source checkouts
    python3 bench/stix-peers.py http://127.0.0.1:8080 LOGIN TOKEN [BUNDLE.json ...]

TOKEN: an API token with the taxii scope (`renkei admin token create --user LOGIN`). Offline, set
STIX_SCHEMAS to a checkout of oasis-open/cti-stix2-json-schemas (branch stix2.1): the schemas are
then preloaded by their $id and nothing is fetched. docs/taxii.md says what a run showed.
"""
import datetime
import glob
import json
import os
import sys
import tempfile
import uuid

import stix2
from stix2validator import ValidationOptions, print_results, validate_file
from taxii2client.v21 import Server, as_pages

base, user, token = sys.argv[1:4]
extra = sys.argv[4:]
failed = []

if os.environ.get("STIX_SCHEMAS"):
    import stix2validator.validator as v

    for f in glob.glob(os.environ["STIX_SCHEMAS"] + "/**/*.json", recursive=True):
        s = json.load(open(f))
        if s.get("$id"):
            v.SCHEMA_STORE[s["$id"]] = s
            v.SCHEMA_STORE[s["$id"].replace("http://", "https://")] = s

server = Server(base + "/taxii2/", user=user, password=token)
print("discovery:", server.title, "| api roots:", [r.url for r in server.api_roots])
root = server.api_roots[0]
print("api root:", root.title, root.versions, "max_content_length", root.max_content_length)
read = []
for c in root.collections:
    if not c.can_read:
        continue
    n = 0
    for env in as_pages(c.get_objects, per_request=50):
        n += len(env.get("objects", []))
        read.extend(env.get("objects", []))
    manifest = sum(len(e.get("objects", [])) for e in as_pages(c.get_manifest, per_request=50))
    print(f"collection {c.title!r}: {n} objects, manifest {manifest}, write={c.can_write}")
    if n != manifest:
        failed.append(f"{c.title}: {n} objects but {manifest} in the manifest")
    if n:
        last = read[-1]
        if not c.get_object(last["id"]).get("objects"):
            failed.append(f"{c.title}: get_object {last['id']} empty")
        if not c.object_versions(last["id"]).get("versions"):
            failed.append(f"{c.title}: no versions of {last['id']}")
        if c.get_objects(added_after="2099-01-01T00:00:00Z").get("objects"):
            failed.append(f"{c.title}: objects added after 2099")

for o in read:
    try:
        stix2.parse(o, allow_custom=True, version="2.1")
    except Exception as e:  # noqa: BLE001 - report every refusal
        failed.append(f"python-stix2 refuses {o.get('id')}: {e}")
print(f"python-stix2 parsed {len(read)} objects")

writable = [c for c in root.collections if c.can_write]
if writable:
    hub = writable[0]
    now = datetime.datetime.now(datetime.timezone.utc)
    green = "marking-definition--bab4a63c-aed9-4cf5-a766-dfca5abac2bb"
    tag = uuid.uuid4().hex[:8]
    posted = []
    for i in range(120):
        t = (now - datetime.timedelta(seconds=200 - i)).strftime("%Y-%m-%dT%H:%M:%S.%fZ")
        posted.append(
            stix2.Indicator(
                pattern=f"[domain-name:value = 'peer-{tag}-{i}.example']",
                pattern_type="stix",
                valid_from=t,
                created=t,
                modified=t,
                name=f"stix-peers {tag} {i}",
                object_marking_refs=[green],
            )
        )
    status = hub.add_objects(
        stix2.Bundle(*posted).serialize(), wait_for_completion=True, poll_interval=1, timeout=60
    )
    print(f"add_objects to {hub.title!r}: {status.status}, {status.success_count} stored")
    if status.success_count != 120:
        failed.append(f"add_objects stored {status.success_count} of 120: {status.failures}")
    ids = set()
    for env in as_pages(hub.get_objects, per_request=50, type="indicator"):
        ids.update(o["id"] for o in env.get("objects", []))
    missing = [o.id for o in posted if o.id not in ids]
    print(f"paged back: {len(missing)} of 120 missing")
    if missing:
        failed.append(f"paging lost {len(missing)} posted indicators")
    second = posted[0].new_version(name=f"stix-peers {tag} 0, second version")
    hub.add_objects(stix2.Bundle(second).serialize(), wait_for_completion=True, poll_interval=1)
    if len(hub.object_versions(second.id).get("versions", [])) != 2:
        failed.append("a second version is not listed")
    hub.delete_object(second.id)
    if hub.get_objects(id=second.id).get("objects"):
        failed.append("a deleted object is still served")

files = list(extra)
with tempfile.NamedTemporaryFile("w", suffix=".json", delete=False) as f:
    json.dump({"type": "bundle", "id": f"bundle--{uuid.uuid4()}", "objects": read}, f)
    files.append(f.name)
invalid = 0
for path in files:
    result = validate_file(path, ValidationOptions(version="2.1"))
    if not result.is_valid:
        invalid += 1
        print_results(result)
        failed.append(f"stix2-validator refuses {path if path != f.name else 'the objects read'}")
print(f"stix2-validator: {len(files) - invalid} of {len(files)} bundles valid")
for problem in failed:
    print("FAILED", problem)
sys.exit(1 if failed else 0)

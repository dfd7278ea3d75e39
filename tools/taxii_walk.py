"""Walks ScamSignal's TAXII 2.1 server with taxii2-client, as a partner's platform would.

Usage: .venv/bin/python tools/taxii_walk.py DISCOVERY_URL KEY_ID SECRET MODE [LIMIT] [DONE_FLAG]

MODE
  discover   discovery -> API root -> collections; prints them
  pages      every object of the indicators collection by pages with taxii2-client's as_pages,
             which repeats the filters (added_after=1970-01-01T00:00:00Z) on every request
  next       the same, following `next` alone after the first page (as OpenCTI's connector does)
  slow-next  `next` alone, 0.3 s per page; at the end, until DONE_FLAG exists, polls again from the
             date_added of the last object version received (read from the manifest), as a polling
             client does
  denied     expects every request to be refused; prints the HTTP status
  dump       every version of every object (match[version]=all) by pages, whole objects

The collection is the indicators collection unless TAXII_COLLECTION names another (the rings
collection: 4a91dfb2-d55c-4b77-9210-d705fa76f008).

Prints one JSON line: {"mode", "pages", "objects": [[id, version], ...], ...}. Exits 1 on any error.
"""

import json
import os
import sys
import time

from taxii2client.v21 import Server, as_pages

INDICATORS = "6e9b7f0c-5b1a-4f3e-9c55-0d6c1f1b7a11"


def version(o):
    return o.get("modified") or o.get("created") or ""


def collection_of(url, user, password):
    wanted = os.environ.get("TAXII_COLLECTION") or INDICATORS
    server = Server(url, user=user, password=password)
    root = server.default or server.api_roots[0]
    for c in root.collections:
        if c.id == wanted:
            return server, root, c
    raise SystemExit("no collection " + wanted + " in " + str([c.id for c in root.collections]))


def main(argv):
    if len(argv) < 5:
        print(__doc__, file=sys.stderr)
        return 2
    url, user, password, mode = argv[1:5]
    limit = int(argv[5]) if len(argv) > 5 else 50
    done_flag = argv[6] if len(argv) > 6 else None
    if mode == "denied":
        try:
            Server(url, user=user or None, password=password or None).api_roots
        except Exception as e:  # requests.HTTPError carries the response
            status = getattr(getattr(e, "response", None), "status_code", None)
            print(json.dumps({"mode": mode, "status": status}))
            return 0
        print(json.dumps({"mode": mode, "status": 200}))
        return 1
    server, root, collection = collection_of(url, user, password)
    if mode == "discover":
        print(json.dumps({"mode": mode, "title": server.title, "api_roots": [r.url for r in server.api_roots],
                          "root_versions": root.versions, "collections": [c.id for c in root.collections],
                          "can_read": collection.can_read}))
        return 0
    objects = []
    pages = 0
    if mode == "pages":
        for envelope in as_pages(collection.get_objects, per_request=limit, added_after="1970-01-01T00:00:00Z"):
            pages += 1
            objects += [[o["id"], version(o)] for o in envelope.get("objects", [])]
    elif mode in ("next", "slow-next"):
        envelope = collection.get_objects(limit=limit)
        while True:
            pages += 1
            objects += [[o["id"], version(o)] for o in envelope.get("objects", [])]
            if envelope.get("more"):
                if mode == "slow-next":
                    time.sleep(0.3)
                envelope = collection.get_objects(next=envelope["next"])
                continue
            if mode == "slow-next" and not os.path.exists(done_flag):
                time.sleep(0.5)
                # the date_added of the version received: the object may have a newer one by now, and
                # polling after that would pass over what was added in between
                last_id, last_version = objects[-1]
                manifest = collection.get_manifest(id=last_id, version="all")["objects"]
                received = [m for m in manifest if m["version"] == last_version]
                added = (received or sorted(manifest, key=lambda m: m["date_added"]))[0]["date_added"]
                envelope = collection.get_objects(limit=limit, added_after=added)
                continue
            break
    elif mode == "dump":
        for envelope in as_pages(collection.get_objects, per_request=limit, version="all"):
            pages += 1
            objects += envelope.get("objects", [])
    else:
        print(__doc__, file=sys.stderr)
        return 2
    print(json.dumps({"mode": mode, "pages": pages, "objects": objects}))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))

"""Walks ScamSignal's paged number feed and its MISP feed over plain HTTP, as pollers do.

Usage: .venv/bin/python tools/feed_walk.py BASE_URL KEY_ID SECRET LIMIT

numbers  GET /feeds/numbers.csv?limit=LIMIT, then follows the `Link: <...>; rel="next"` header
         until a page has none; then asks for the last page again with If-None-Match (expects 304)
misp     GET /misp/manifest.json, then each event in it, each loaded with PyMISP's MISPEvent as
         MISP's feed fetcher does (its manifest entry checked against the event's); then asks for
         the manifest and each event again with the ETag it got (expects 304, no body)

Prints one JSON line: {"pages", "rows": [[e164, updated], ...], "number_304", "events",
"attributes", "manifest_304", "events_304"}. Exits 1 on any error.
"""

import base64
import csv
import io
import json
import re
import sys
import urllib.error
import urllib.request

from pymisp import MISPEvent


def get(base, auth, path, etag=None):
    request = urllib.request.Request(base + path, headers={"Authorization": auth})
    if etag:
        request.add_header("If-None-Match", etag)
    try:
        with urllib.request.urlopen(request) as response:
            return response.status, response.headers, response.read().decode("utf-8")
    except urllib.error.HTTPError as e:
        return e.code, e.headers, e.read().decode("utf-8")


def main(argv):
    base, key_id, secret, limit = argv[1], argv[2], argv[3], int(argv[4])
    auth = "Basic " + base64.b64encode(f"{key_id}:{secret}".encode()).decode()
    out = {"pages": 0, "rows": []}
    path = f"/feeds/numbers.csv?limit={limit}"
    last = None
    while path:
        status, headers, body = get(base, auth, path)
        if status != 200:
            raise SystemExit(f"numbers page answered {status}: {body}")
        rows = list(csv.DictReader(io.StringIO(body)))
        if len(rows) > limit:
            raise SystemExit(f"a page of {len(rows)} rows for limit {limit}")
        out["pages"] += 1
        out["rows"] += [[r["e164"], r["updated"], r["status"]] for r in rows]
        last = (path, headers["ETag"])
        link = headers.get("Link")
        m = re.match(r'<([^>]+)>;\s*rel="next"', link or "")
        path = m.group(1) if m else None
    status, _, body = get(base, auth, last[0], last[1])
    out["number_304"] = status == 304 and body == ""

    status, headers, manifest_body = get(base, auth, "/misp/manifest.json")
    if status != 200:
        raise SystemExit(f"manifest answered {status}")
    manifest = json.loads(manifest_body)
    manifest_etag = headers["ETag"]
    etags = {}
    out["events"] = 0
    out["attributes"] = 0
    for uuid, entry in manifest.items():
        status, headers, body = get(base, auth, f"/misp/{uuid}.json")
        if status != 200:
            raise SystemExit(f"event {uuid} answered {status}")
        etags[uuid] = headers["ETag"]
        event = MISPEvent()
        event.from_json(body)
        if event.uuid != uuid or str(event.manifest[uuid]["timestamp"]) != str(entry["timestamp"]):
            raise SystemExit(f"event {uuid} does not match its manifest entry")
        out["events"] += 1
        out["attributes"] += len(event.attributes)
    status, _, body = get(base, auth, "/misp/manifest.json", manifest_etag)
    out["manifest_304"] = status == 304 and body == ""
    out["events_304"] = all(get(base, auth, f"/misp/{u}.json", e)[0] == 304 for u, e in etags.items())
    print(json.dumps(out))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))

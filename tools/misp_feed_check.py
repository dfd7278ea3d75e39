"""Loads a MISP feed directory with PyMISP and checks it the way MISP reads it.

Usage: .venv/bin/python tools/misp_feed_check.py FEED_DIR

Every event in manifest.json must load with MISPEvent().load_file(); its manifest entry must equal
the one PyMISP computes from the event (MISPEvent.manifest); hashes.csv must equal the md5 lines
PyMISP computes (as pymisp.tools.feed_meta_generator writes them); each attribute's type must be
one MISP knows, in a category MISP allows for it (describeTypes.json). Prints one line per event and
every problem; exits 1 on any problem, 2 on a usage error.
"""

import json
import pathlib
import sys

from pymisp import MISPEvent


def main(argv: list[str]) -> int:
    if len(argv) != 2:
        print(__doc__, file=sys.stderr)
        return 2
    feed = pathlib.Path(argv[1])
    manifest = json.loads((feed / "manifest.json").read_text())
    problems: list[str] = []
    expected_hashes: list[str] = []
    if not manifest:
        problems.append("manifest.json lists no event")
    for uuid, entry in manifest.items():
        event = MISPEvent()
        try:
            event.load_file(str(feed / f"{uuid}.json"))
        except Exception as e:  # noqa: BLE001 - any failure to load is the finding
            problems.append(f"{uuid}: does not load: {e!r}")
            continue
        describe = event.describe_types
        mine = event.manifest[event.uuid]
        if event.uuid != uuid:
            problems.append(f"{uuid}: event uuid is {event.uuid}")
        for field in ("info", "date", "analysis", "threat_level_id", "timestamp"):
            if str(mine[field]) != str(entry[field]):
                problems.append(f"{uuid}: manifest {field} {entry[field]!r}, PyMISP computes {mine[field]!r}")
        if mine["Orgc"].get("uuid") != entry["Orgc"].get("uuid") or mine["Orgc"].get("name") != entry["Orgc"].get("name"):
            problems.append(f"{uuid}: manifest Orgc {entry['Orgc']}, event has {mine['Orgc']}")
        if sorted(t["name"] for t in mine["Tag"]) != sorted(t["name"] for t in entry["Tag"]):
            problems.append(f"{uuid}: manifest tags differ from the event's")
        if not any(t.name.startswith("tlp:") for t in event.tags):
            problems.append(f"{uuid}: no TLP tag")
        for a in event.attributes:
            if a.type not in describe["types"]:
                problems.append(f"{uuid}: attribute {a.uuid} has unknown type {a.type}")
            elif a.type not in describe["category_type_mappings"].get(a.category, []):
                problems.append(f"{uuid}: attribute {a.uuid} type {a.type} not allowed in category {a.category}")
        expected_hashes += [f"{h},{event.uuid}" for h in event.attributes_hashes("md5")]
        print(f"LOADED {uuid} {event.date} attributes={len(event.attributes)}")
    # hashes.csv is optional in a MISP feed (MISP's cache falls back to the events): checked when present
    if (feed / "hashes.csv").exists():
        hashes = [l for l in (feed / "hashes.csv").read_text().splitlines() if l]
        if sorted(hashes) != sorted(expected_hashes):
            problems.append(f"hashes.csv has {len(hashes)} lines, PyMISP computes {len(expected_hashes)} that differ")
    for p in problems:
        print("PROBLEM " + p)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))

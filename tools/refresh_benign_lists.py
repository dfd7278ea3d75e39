#!/usr/bin/env python3
"""Vendors the benign-indicator lists of the domain module from the MISP warninglists.

The lists come from PyPI's pymispwarninglists (pinned in tools/benign-requirements.txt), which
ships the MISP/misp-warninglists data; MISP licenses the warninglists CC0 1.0 (README, "License").
Each chosen list is written as one entry a line under
functions/domain/src/main/resources/io/scamsignal/domain/benign/<name>.txt with a header naming
source, version, date and licence, and lists.json records the same per list plus entries and bytes.
The hand-curated files (curated-*.tsv, user-content-hosts.tsv) are not touched here: each of
their lines cites its own official source.

It also writes a test resource of real, popular domains near the protected brands' names from
the vendored Tranco top 10k and from lists that are NOT vendored (Cisco Umbrella top 10k, Majestic
top 10k), for LookalikeCorpusTest's false-alarm count, and from the Chrome UX Report top 1M, which
the test only reports on (it holds scam and gambling sites named after brands as well as
legitimate ones): hosts whose first label contains a brand's name or is one edit from it.

Usage: python3 -m venv .venv-benign && .venv-benign/bin/pip install -r tools/benign-requirements.txt
       .venv-benign/bin/python tools/refresh_benign_lists.py
"""
import datetime
import importlib.metadata
import json
import pathlib
import sys

ROOT = pathlib.Path(__file__).resolve().parent.parent
OUT = ROOT / "functions/domain/src/main/resources/io/scamsignal/domain/benign"
BRANDS = ROOT / "functions/domain/src/main/resources/io/scamsignal/domain/brand/brands.json"
CORPUS = ROOT / "functions/domain/src/test/resources/lookalike/near-brand-domains.txt"
LICENCE = "CC0-1.0 (MISP warninglists README, section License)"

# name -> (kind, why). kind "domains": the registrable domains of the entries are benign;
# "user-content": the domains are benign but pages on them are anyone's (shorteners, link-in-bio).
# Sizes were chosen for a lean jar: Tranco's top 10k, not its million.
LISTS = {
    "tranco10k": ("domains", "popular sites: search engines, shops, payment services, exchanges, vendors"),
    "bank-website": ("domains", "banks' own websites"),
    "google": ("domains", "Google's domains (brand registry completion)"),
    "microsoft": ("domains", "Microsoft's domains (brand registry completion)"),
    "url-shortener": ("user-content", "URL shorteners: the shortener is benign, a short link is anyone's"),
    "link-in-bio": ("user-content", "link-in-bio pages: the service is benign, a page is anyone's"),
}
CORPUS_SOURCES = ["tranco10k", "cisco_top10k", "majestic_million", "google-chrome-crux-1million"]


def data_dir():
    import pymispwarninglists
    return pathlib.Path(pymispwarninglists.__file__).parent / "data/misp-warninglists/lists"


def entries(raw):
    out = set()
    for e in raw:
        e = e.strip().lower().lstrip(".")
        if not e or "*" in e or "/" in e or " " in e or "." not in e:
            continue
        try:
            e = e.encode("idna").decode("ascii")
        except UnicodeError:
            continue
        out.add(e)
    return sorted(out)


def lev(a, b):
    if abs(len(a) - len(b)) > 2:
        return 9
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i]
        for j, cb in enumerate(b, 1):
            cur.append(min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca != cb)))
        prev = cur
    return prev[-1]


def main():
    version = importlib.metadata.version("pymispwarninglists")
    today = datetime.date.today().isoformat()
    lists_dir = data_dir()
    meta = []
    vendored = set()
    for name, (kind, why) in LISTS.items():
        data = json.loads((lists_dir / name / "list.json").read_text(encoding="utf-8"))
        values = entries(data["list"])
        vendored.update(values)
        header = [
            f"# {data['name']}: {data['description']}",
            f"# source: MISP warninglist '{name}' version {data['version']}, from PyPI pymispwarninglists {version}",
            f"# licence: {LICENCE}; vendored {today} by tools/refresh_benign_lists.py; do not edit",
        ]
        text = "\n".join(header + values) + "\n"
        path = OUT / f"{name}.txt"
        path.write_text(text, encoding="utf-8")
        meta.append({"name": name, "kind": kind, "use": why, "file": path.name,
                     "source": f"MISP warninglist {name} (https://github.com/MISP/misp-warninglists)",
                     "package": f"pymispwarninglists {version}", "listVersion": str(data["version"]),
                     "vendored": today, "licence": LICENCE, "entries": len(values),
                     "bytes": len(text.encode("utf-8"))})
    (OUT / "lists.json").write_text(json.dumps({"lists": meta}, indent=2) + "\n", encoding="utf-8")

    brands = json.loads(BRANDS.read_text(encoding="utf-8"))["brands"]
    names = [n for b in brands for n in b["names"]]
    official = {d for b in brands for d in b["officialDomains"]}
    near = set()
    for source in CORPUS_SOURCES:
        data = json.loads((lists_dir / source / "list.json").read_text(encoding="utf-8"))
        for e in entries(h.split("://")[-1].split("/")[0] for h in data["list"]):
            e = e[4:] if e.startswith("www.") else e
            labels = e.split(".")
            if source != "google-chrome-crux-1million":
                # DNS-popularity and link lists: any label may carry the name
                if any(any(n in label or lev(label, n) <= 2 for n in names) for label in labels[:-1]):
                    near.add((e, source))
            elif len(labels) <= 3 and any(n in labels[0] or (len(labels[0]) >= 4 and lev(labels[0], n) <= 1)
                                          for n in names):
                near.add((e, source))
    lines = [f"# Popular domains near the protected brands' names, from MISP warninglists {', '.join(CORPUS_SOURCES)}",
             f"# (pymispwarninglists {version}, {LICENCE}); generated {today} by tools/refresh_benign_lists.py.",
             "# host<TAB>source; the test drops the brands' own; it reports on the Chrome UX Report rows, asserts on the others."]
    lines += [f"{h}\t{s}" for h, s in sorted(near) if not any(h == d or h.endswith("." + d) for d in official)]
    CORPUS.parent.mkdir(parents=True, exist_ok=True)
    CORPUS.write_text("\n".join(lines) + "\n", encoding="utf-8")
    for m in meta:
        print(f"{m['name']:14} {m['kind']:12} v{m['listVersion']:9} {m['entries']:6} entries {m['bytes']:7} bytes")
    print(f"corpus {CORPUS.relative_to(ROOT)}: {len(lines) - 3} hosts")
    return 0



# --- rented networks: published cloud and VPN ranges, one network each list (NetworkFingerprint) ---
# Read from a clone of https://github.com/MISP/misp-warninglists at a pinned commit (the PyPI package
# lags behind the lists): a refresh is a deliberate change of RENTED_COMMIT, reviewed with the diff
# of rented-networks.json. Usage:
#   git clone https://github.com/MISP/misp-warninglists /tmp/misp-warninglists
#   python3 tools/refresh_benign_lists.py rented-networks /tmp/misp-warninglists
RENTED_COMMIT = "84f0610aaf3b32159285c9b85510d0f415ea6b27"
RENTED_OUT = ROOT / "functions/domain/src/main/resources/io/scamsignal/domain/report"
# warninglist -> the network its addresses count on. Order is precedence where lists overlap (a
# provider's own list before the VPN lists, which also hold data-centre ranges); the two VPN lists
# are one list split by address family.
RENTED_LISTS = {
    "amazon-aws": "amazon-aws",
    "microsoft-azure": "microsoft-azure",
    "google-gcp": "google-gcp",
    "ovh-cluster": "ovh-cluster",
    "akamai": "akamai",
    "cloudflare": "cloudflare",
    "fastly": "fastly",
    "vpn-ipv4": "vpn",
    "vpn-ipv6": "vpn",
}


def _varint(n):
    out = bytearray()
    while True:
        b = n & 0x7F
        n >>= 7
        if n:
            out.append(b | 0x80)
        else:
            out.append(b)
            return bytes(out)


def _disjoint(intervals):
    """[(first, last, priority)] -> sorted disjoint [(first, last, priority)], the lowest priority
    winning where intervals overlap, neighbours of one priority joined."""
    events = {}
    for first, last, prio in intervals:
        events.setdefault(first, []).append((prio, 1))
        events.setdefault(last + 1, []).append((prio, -1))
    active = [0] * (max(p for _, _, p in intervals) + 1)
    out = []
    points = sorted(events)
    for i, point in enumerate(points):
        for prio, delta in events[point]:
            active[prio] += delta
        best = next((p for p, n in enumerate(active) if n > 0), None)
        if best is None or i + 1 == len(points):
            continue
        end = points[i + 1] - 1
        if out and out[-1][2] == best and out[-1][1] + 1 == point:
            out[-1] = (out[-1][0], end, best)
        else:
            out.append((point, end, best))
    return out


def refresh_rented_networks(checkout, commit=RENTED_COMMIT):
    """Writes rented-networks.bin (ranges) and rented-networks.json (source, version, date, licence)."""
    import ipaddress
    import subprocess

    def git(*args):
        return subprocess.run(["git", "-C", checkout, *args], check=True, capture_output=True,
                              text=True).stdout

    commit = git("rev-parse", commit + "^{commit}").strip()
    committed = git("show", "-s", "--format=%cI", commit).strip()
    networks = list(dict.fromkeys(RENTED_LISTS.values()))
    v4, v6, meta = [], [], []
    for prio, (name, network) in enumerate(RENTED_LISTS.items()):
        data = json.loads(git("show", f"{commit}:lists/{name}/list.json"))
        counts = {4: 0, 6: 0}
        for entry in data["list"]:
            net = ipaddress.ip_network(entry.strip(), strict=False)
            counts[net.version] += 1
            first, last = int(net.network_address), int(net.broadcast_address)
            if net.version == 4:
                v4.append((first, last, prio))
            else:
                # IPv6 in /64 units: a longer prefix counts as its whole /64 (one subscriber's at most)
                v6.append((first >> 64, last >> 64, prio))
        meta.append({"list": name, "network": network, "description": data["description"],
                     "listVersion": str(data["version"]), "ipv4": counts[4], "ipv6": counts[6]})
    body = bytearray(b"SSRN\x01")
    body += bytes([len(networks)])
    for network in networks:
        encoded = network.encode("ascii")
        body += bytes([len(encoded)]) + encoded
    ranges = {}
    for family, intervals in ((4, v4), (6, v6)):
        merged = _disjoint(intervals)
        ranges[family] = len(merged)
        body += len(merged).to_bytes(4, "big")
        previous = 0
        for first, last, prio in merged:
            # gap from the end of the previous range, size - 1, the network's index
            body += _varint(first - previous) + _varint(last - first) + bytes([networks.index(RENTED_LISTS[list(RENTED_LISTS)[prio]])])
            previous = last + 1
    (RENTED_OUT / "rented-networks.bin").write_bytes(bytes(body))
    today = datetime.date.today().isoformat()
    doc = {"source": "MISP warninglists (https://github.com/MISP/misp-warninglists)",
           "commit": commit, "committed": committed, "vendored": today, "licence": LICENCE,
           "generator": "tools/refresh_benign_lists.py rented-networks; do not edit",
           "file": "rented-networks.bin", "bytes": len(body),
           "ipv4Ranges": ranges[4], "ipv6Ranges64": ranges[6], "networks": networks, "lists": meta}
    (RENTED_OUT / "rented-networks.json").write_text(json.dumps(doc, indent=2) + "\n", encoding="utf-8")
    for m in meta:
        print(f"{m['list']:16} -> {m['network']:16} v{m['listVersion']:9} {m['ipv4']:6} IPv4 {m['ipv6']:5} IPv6")
    print(f"rented-networks.bin: {ranges[4]} IPv4 ranges, {ranges[6]} IPv6 /64 ranges, {len(body)} bytes")
    return 0


if __name__ == "__main__" and sys.argv[1:2] == ["rented-networks"]:
    sys.exit(refresh_rented_networks(*sys.argv[2:]))

if __name__ == "__main__":
    sys.exit(main())

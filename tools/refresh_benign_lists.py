#!/usr/bin/env python3
"""Vendors the benign-indicator lists of the domain module from the MISP warninglists.

The lists come from PyPI's pymispwarninglists (pinned in tools/benign-requirements.txt), which
ships the MISP/misp-warninglists data; MISP licenses the warninglists CC0 1.0 (README, "License").
Each chosen list is written as one entry a line under
functions/domain/src/main/resources/io/scamsignal/domain/benign/<name>.txt with a header naming
source, version, date and licence, and lists.json records the same per list plus entries and bytes.
The hand-curated files (curated-*.tsv, user-content-hosts.tsv, search-engines.tsv) are not touched
here: each of their lines cites its own official source.

Tranco's top 1,000,000 (MISP warninglist 'tranco') is vendored compactly as popular-domains.bin:
the top 44 bits of SHA-256 of each registrable domain, sorted and Elias-Fano coded (the top 20 bits
in unary, the low 24 packed: 26 bits a domain); PopularDomains reads it. A fingerprint can be collided with
a name of one's choosing in about 2^24 SHA-256 evaluations, so it does not vouch for a lookalike:
the names of the million that the Java LookalikeDetector flags are vendored in plain text as
popular-lookalikes.txt (the script builds the domain module's test classes with Maven and runs
PopularLookalikesGenerator over the million). The remote-access
vendors' sites come from the LOLRMM catalogue (magicsword-io/LOLRMM, Apache-2.0) at a pinned
commit: the Website of every tool of category RMM, as rmm-vendors.tsv.

It also writes a test resource of real, popular domains near the protected brands' names from
Tranco's top 10k (its million is vendored, as hashes) and from lists that are NOT vendored (Cisco Umbrella top 10k, Majestic
top 10k), for LookalikeCorpusTest's false-alarm count, and from the Chrome UX Report top 1M, which
the test only reports on (it holds scam and gambling sites named after brands as well as
legitimate ones): hosts whose first label contains a brand's name or is one edit from it.

Usage: python3 -m venv .venv-benign && .venv-benign/bin/pip install -r tools/benign-requirements.txt
       .venv-benign/bin/python tools/refresh_benign_lists.py [--lolrmm DIR] [--popular-only]
(--lolrmm: a checkout or bare git directory of magicsword-io/LOLRMM holding LOLRMM_COMMIT;
without it the archive of that commit is downloaded from GitHub.)
"""
import argparse
import datetime
import hashlib
import importlib.metadata
import io
import json
import pathlib
import struct
import subprocess
import sys
import tarfile
import urllib.request

ROOT = pathlib.Path(__file__).resolve().parent.parent
OUT = ROOT / "functions/domain/src/main/resources/io/scamsignal/domain/benign"
BRANDS = ROOT / "functions/domain/src/main/resources/io/scamsignal/domain/brand/brands.json"
CORPUS = ROOT / "functions/domain/src/test/resources/lookalike/near-brand-domains.txt"
LICENCE = "CC0-1.0 (MISP warninglists README, section License)"

# name -> (kind, why). kind "domains": the registrable domains of the entries are benign;
# "user-content": the domains are benign but pages on them are anyone's (shorteners, link-in-bio).
# Tranco's million is vendored apart, as hashes (POPULAR below).
LISTS = {
    "bank-website": ("domains", "banks' own websites"),
    "google": ("domains", "Google's domains (brand registry completion)"),
    "microsoft": ("domains", "Microsoft's domains (brand registry completion)"),
    "url-shortener": ("user-content", "URL shorteners: the shortener is benign, a short link is anyone's"),
    "link-in-bio": ("user-content", "link-in-bio pages: the service is benign, a page is anyone's"),
}
CORPUS_SOURCES = ["tranco10k", "cisco_top10k", "majestic_million", "google-chrome-crux-1million"]
# pymispwarninglists 1.7.0 ships lists/ of this MISP/misp-warninglists commit (2025-12-23): all 119
# list.json files are byte-identical to it (git hash-object against the commit's blobs).
MISP_COMMIT = "f40ada7702a61a38dbe5e2c9c4a77047bca8251f"
POPULAR = "tranco"
POPULAR_FILE = "popular-domains.bin"
POPULAR_LOOKALIKES_FILE = "popular-lookalikes.txt"
# 44-bit fingerprints: a domain off the list passes for popular with probability n / 2^44 (5.7e-8
# for the million); the top 20 bits are held in unary (about 2 bits a domain), the low 24 packed.
FINGERPRINT_BITS = 44
HIGH_BITS = 20
SAMPLE_BITS = 8
LOLRMM_REPO = "magicsword-io/LOLRMM"
LOLRMM_COMMIT = "3c75cf091b10bf7e8ecd576055c44d172b35ff21"  # 2026-08-21
LOLRMM_LICENCE = "Apache-2.0 (LOLRMM LICENSE)"


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


def fingerprint(domain):
    """The first 8 bytes of SHA-256 of the domain's ASCII form, as an unsigned 64-bit number."""
    return int.from_bytes(hashlib.sha256(domain.encode("ascii")).digest()[:8], "big")


class BitWriter:
    """Bits appended least significant first into little-endian 64-bit words (PopularDomains reads them so)."""

    def __init__(self):
        self.out = bytearray()
        self.acc = 0
        self.bits = 0

    def write(self, value, width):
        self.acc |= value << self.bits
        self.bits += width
        while self.bits >= 64:
            self.out += (self.acc & 0xFFFFFFFFFFFFFFFF).to_bytes(8, "little")
            self.acc >>= 64
            self.bits -= 64

    def words(self, extra=0):
        """The words written, the last one padded with zeros, and `extra` zero words after them."""
        if self.bits:
            self.out += self.acc.to_bytes(8, "little")
            self.acc, self.bits = 0, 0
        return bytes(self.out) + bytes(8 * extra)


def encode_popular(prints, bits=FINGERPRINT_BITS, high=HIGH_BITS, sample=SAMPLE_BITS):
    """Sorted distinct `bits`-bit fingerprints, Elias-Fano coded (PopularDomains' format "SSP2").

    The top `high` bits of each fingerprint are stored in unary: per bucket of that value, a 1 per
    fingerprint and a 0 closing the bucket (n + 2^high bits); every 2^sample-th bucket's starting
    bit is sampled; the low bits - high bits of each follow, packed. All little-endian."""
    low = bits - high
    buckets = 1 << high
    unary, lows = BitWriter(), BitWriter()
    samples = []
    position = 0
    i = 0
    for bucket in range(buckets):
        if bucket % (1 << sample) == 0:
            samples.append(position)
        start = i
        while i < len(prints) and prints[i] >> low == bucket:
            lows.write(prints[i] & ((1 << low) - 1), low)
            i += 1
        count = i - start
        unary.write((1 << count) - 1, count + 1)
        position += count + 1
    assert i == len(prints), "fingerprints wider than the given bits"
    samples.append(position)
    high_words = unary.words()
    low_words = lows.words(extra=1)  # a lookup may read one word past the last entry's
    header = b"SSP2" + struct.pack("<iBBBxiii", len(prints), bits, high, sample, len(samples),
                                   len(high_words) // 8, len(low_words) // 8)
    table = struct.pack(f"<{len(samples)}i", *samples)
    pad = bytes(-(len(header) + len(table)) % 8)
    return header + table + pad + high_words + low_words


def write_popular(lists_dir, version, today):
    """Tranco's top 1M as sorted 44-bit fingerprints, Elias-Fano coded (encode_popular)."""
    data = json.loads((lists_dir / POPULAR / "list.json").read_text(encoding="utf-8"))
    prints = sorted({fingerprint(d) >> (64 - FINGERPRINT_BITS) for d in entries(data["list"])})
    out = encode_popular(prints)
    path = OUT / POPULAR_FILE
    path.write_bytes(out)
    return {"name": "tranco1m", "kind": "popular", "use": data["description"], "file": POPULAR_FILE,
            "source": f"MISP warninglist {POPULAR} (https://github.com/MISP/misp-warninglists at {MISP_COMMIT})",
            "package": f"pymispwarninglists {version}", "listVersion": str(data["version"]), "vendored": today,
            "licence": LICENCE + "; Tranco: cite Le Pochat et al., NDSS 2019", "entries": len(prints),
            "bytes": len(out),
            "format": f"SHA-256 of the registrable domain, its top {FINGERPRINT_BITS} bits, sorted and Elias-Fano "
                      f"coded: the top {HIGH_BITS} in unary (a sampled start every {1 << SAMPLE_BITS} buckets), "
                      f"the low {FINGERPRINT_BITS - HIGH_BITS} packed (PopularDomains, format SSP2)"}


def detector_flags(domains):
    """The domains the domain module's LookalikeDetector flags (PopularLookalikesGenerator, run
    from the module's test classes with the JDK and Maven of the build)."""
    import os
    import tempfile
    module = ROOT / "functions/domain"
    java_home = os.environ.get("JAVA_HOME")
    java = str(pathlib.Path(java_home) / "bin/java") if java_home else "java"
    subprocess.run(["mvn", "-B", "-ntp", "-q", "-pl", "functions/domain", "test-compile",
                    "dependency:build-classpath", "-Dmdep.includeScope=test",
                    "-Dmdep.outputFile=target/classpath.txt"], check=True, cwd=ROOT, stdout=sys.stderr)
    classpath = ":".join([str(module / "target/test-classes"), str(module / "target/classes"),
                          (module / "target/classpath.txt").read_text(encoding="utf-8").strip()])
    with tempfile.NamedTemporaryFile("w", suffix=".txt", encoding="utf-8", delete=False) as f:
        f.write("\n".join(domains) + "\n")
    try:
        out = subprocess.run([java, "-cp", classpath, "io.scamsignal.domain.benign.PopularLookalikesGenerator",
                              f.name], check=True, capture_output=True, text=True).stdout
    finally:
        os.unlink(f.name)
    return sorted(set(out.split()))


def write_popular_lookalikes(lists_dir, version, today):
    """The names of Tranco's million that LookalikeDetector flags, in plain text: for such a name the
    popular list's fingerprint is not enough (BenignIndicators.popular)."""
    data = json.loads((lists_dir / POPULAR / "list.json").read_text(encoding="utf-8"))
    flagged = detector_flags(entries(data["list"]))
    header = [
        f"# {data['name']}: the names of the list that LookalikeDetector flags (PopularLookalikesGenerator),",
        "# the only lookalikes the popular list's fingerprints (popular-domains.bin) vouch for",
        f"# source: MISP warninglist '{POPULAR}' version {data['version']}, from PyPI pymispwarninglists {version}"
        f" (MISP/misp-warninglists {MISP_COMMIT})",
        f"# licence: {LICENCE}; Tranco: cite Le Pochat et al., NDSS 2019; vendored {today} by"
        " tools/refresh_benign_lists.py; do not edit",
    ]
    text = "\n".join(header + flagged) + "\n"
    (OUT / POPULAR_LOOKALIKES_FILE).write_text(text, encoding="utf-8")
    return {"name": "tranco1m-lookalikes", "kind": "popular-lookalikes",
            "use": "the names of Tranco's million the lookalike detector flags: only these lookalikes are popular",
            "file": POPULAR_LOOKALIKES_FILE,
            "source": f"MISP warninglist {POPULAR} (https://github.com/MISP/misp-warninglists at {MISP_COMMIT}), "
                      "filtered by LookalikeDetector (PopularLookalikesGenerator)",
            "package": f"pymispwarninglists {version}", "listVersion": str(data["version"]), "vendored": today,
            "licence": LICENCE + "; Tranco: cite Le Pochat et al., NDSS 2019", "entries": len(flagged),
            "bytes": len(text.encode("utf-8"))}


def lolrmm_files(local):
    """(path, text) of every yaml/*.yaml of LOLRMM at LOLRMM_COMMIT."""
    if local:
        git = ["git", "--git-dir", str(local if (pathlib.Path(local) / "HEAD").exists() else pathlib.Path(local) / ".git")]
        names = subprocess.run(git + ["ls-tree", "--name-only", LOLRMM_COMMIT, "yaml/"], check=True,
                               capture_output=True, text=True).stdout.split()
        return [(n, subprocess.run(git + ["show", f"{LOLRMM_COMMIT}:{n}"], check=True, capture_output=True,
                                   text=True).stdout) for n in names if n.endswith(".yaml")]
    url = f"https://codeload.github.com/{LOLRMM_REPO}/tar.gz/{LOLRMM_COMMIT}"
    with urllib.request.urlopen(url, timeout=60) as r:
        archive = tarfile.open(fileobj=io.BytesIO(r.read()), mode="r:gz")
    return [(m.name.split("/", 1)[1], archive.extractfile(m).read().decode("utf-8")) for m in archive.getmembers()
            if m.isfile() and m.name.split("/", 1)[1].startswith("yaml/") and m.name.endswith(".yaml")]


def write_rmm(local, today):
    """The Website host of every LOLRMM tool of category RMM (not RAT: that category holds malware's tools).

    Only the vendor's own site: the catalogue's network domains include infrastructure seen in
    attacks and shared cloud hosts, so they are left out."""
    import yaml
    rows = {}
    for name, text in lolrmm_files(local):
        tool = yaml.safe_load(text)
        if (tool.get("Category") or "").strip() != "RMM":
            continue
        site = ((tool.get("Details") or {}).get("Website") or "").strip()
        if not site.startswith("http"):
            continue
        host = site.split("://", 1)[1].split("/")[0].split(":")[0].lower()
        if host in ("github.com", "gitlab.com", "sourceforge.net") or "." not in host:
            continue  # a project page on a code host is anyone's
        rows.setdefault(host, (tool["Name"].replace("\t", " "), f"https://github.com/{LOLRMM_REPO}/blob/{LOLRMM_COMMIT}/{name}"))
    lines = ["# Remote monitoring and management vendors' own sites: the Website of every tool of category RMM",
             f"# in the LOLRMM catalogue (https://github.com/{LOLRMM_REPO}) at commit {LOLRMM_COMMIT};",
             f"# licence {LOLRMM_LICENCE}; vendored {today} by tools/refresh_benign_lists.py; do not edit.",
             "# host<TAB>tool<TAB>source (the catalogue entry)"]
    lines += [f"{h}\t{t}\t{src}" for h, (t, src) in sorted(rows.items())]
    text = "\n".join(lines) + "\n"
    (OUT / "rmm-vendors.tsv").write_text(text, encoding="utf-8")
    return {"name": "rmm-vendors", "kind": "domains", "use": "remote monitoring and management vendors' sites",
            "file": "rmm-vendors.tsv", "source": f"LOLRMM (https://github.com/{LOLRMM_REPO} at {LOLRMM_COMMIT})",
            "package": "-", "listVersion": LOLRMM_COMMIT[:12], "vendored": today, "licence": LOLRMM_LICENCE,
            "entries": len(rows), "bytes": len(text.encode("utf-8"))}


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
    parser = argparse.ArgumentParser(description="Vendors the benign-indicator lists.")
    parser.add_argument("--lolrmm", help="a checkout or git directory of magicsword-io/LOLRMM")
    parser.add_argument("--popular-only", action="store_true",
                        help="rewrite only popular-domains.bin, popular-lookalikes.txt and their entries in lists.json")
    args = parser.parse_args()
    version = importlib.metadata.version("pymispwarninglists")
    today = datetime.date.today().isoformat()
    lists_dir = data_dir()
    if args.popular_only:
        listed = json.loads((OUT / "lists.json").read_text(encoding="utf-8"))
        fresh = {m["name"]: m for m in (write_popular(lists_dir, version, today),
                                        write_popular_lookalikes(lists_dir, version, today))}
        listed["lists"] = [fresh.pop(m["name"], m) for m in listed["lists"]]
        listed["lists"] += [m for m in fresh.values()]
        (OUT / "lists.json").write_text(json.dumps(listed, indent=2) + "\n", encoding="utf-8")
        return
    meta = []
    vendored = set()
    for name, (kind, why) in LISTS.items():
        data = json.loads((lists_dir / name / "list.json").read_text(encoding="utf-8"))
        values = entries(data["list"])
        vendored.update(values)
        header = [
            f"# {data['name']}: {data['description']}",
            f"# source: MISP warninglist '{name}' version {data['version']}, from PyPI pymispwarninglists {version}"
            f" (MISP/misp-warninglists {MISP_COMMIT})",
            f"# licence: {LICENCE}; vendored {today} by tools/refresh_benign_lists.py; do not edit",
        ]
        text = "\n".join(header + values) + "\n"
        path = OUT / f"{name}.txt"
        path.write_text(text, encoding="utf-8")
        meta.append({"name": name, "kind": kind, "use": why, "file": path.name,
                     "source": f"MISP warninglist {name} (https://github.com/MISP/misp-warninglists at {MISP_COMMIT})",
                     "package": f"pymispwarninglists {version}", "listVersion": str(data["version"]),
                     "vendored": today, "licence": LICENCE, "entries": len(values),
                     "bytes": len(text.encode("utf-8"))})
    meta.append(write_popular(lists_dir, version, today))
    meta.append(write_popular_lookalikes(lists_dir, version, today))
    meta.append(write_rmm(args.lolrmm, today))
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

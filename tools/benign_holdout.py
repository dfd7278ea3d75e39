#!/usr/bin/env python3
"""Held-out sets for the benign lists, from sources the lists are NOT built from.

Writes functions/domain/src/test/resources/benign/holdout.tsv (category<TAB>host), which
BenignHoldoutTest reads to count, per category, how many legitimate indicators a plain "three reporters
on three networks" would still alert on:
  popular-cisco      4,000 of the Cisco Umbrella top 20k hosts (MISP warninglist cisco_top20k; DNS popularity)
  popular-majestic   4,000 of the Majestic top 10k (MISP warninglist majestic_million; link popularity)
                     (a seeded sample, to keep the file small)
  brand-country      Chrome UX Report top 1M hosts that are a brand's name under a public suffix
                     (amazon.com.mx, www.paypal.co.il); the test keeps those whose registrable domain it is
  rmm-network        the literal network domains LOLRMM lists for its RMM tools (only their Websites are vendored)
It also prints, for dnstwist's permutations of the protected brands' main domains, how many are in
Tranco's top 1M and so exempt from alerting whatever the lookalike detector says.

Usage (the venv of tools/refresh_benign_lists.py): .venv-benign/bin/python tools/benign_holdout.py [--lolrmm DIR]
"""
import argparse
import collections
import json
import pathlib
import random
import sys

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent))
import refresh_benign_lists as refresh  # noqa: E402

OUT = refresh.ROOT / "functions/domain/src/test/resources/benign/holdout.tsv"
SOURCES = {"popular-cisco": "cisco_top20k", "popular-majestic": "majestic_million"}
SAMPLE = 4000


def host(raw):
    h = raw.strip().lower().split("://")[-1].split("/")[0].split(":")[0]
    return h if h and "*" not in h and "[" not in h and " " not in h and "." in h and "<" not in h else None


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--lolrmm", help="a checkout or git directory of magicsword-io/LOLRMM")
    args = parser.parse_args()
    lists = refresh.data_dir()
    rows = set()
    for category, name in SOURCES.items():
        hosts = sorted({h for raw in json.loads((lists / name / "list.json").read_text(encoding="utf-8"))["list"]
                        if (h := host(raw)) is not None})
        rows.update((category, h) for h in random.Random(21).sample(hosts, SAMPLE))
    brands = json.loads(refresh.BRANDS.read_text(encoding="utf-8"))["brands"]
    names = {n for b in brands for n in b["names"]}
    crux = "google-chrome-crux-1million"
    for raw in json.loads((lists / crux / "list.json").read_text(encoding="utf-8"))["list"]:
        h = host(raw)
        if h is None:
            continue
        labels = (h[4:] if h.startswith("www.") else h).split(".")
        if labels[0] in names and 2 <= len(labels) <= 4:
            rows.add(("brand-country", h))
    import yaml
    for name, text in refresh.lolrmm_files(args.lolrmm):
        tool = yaml.safe_load(text)
        if (tool.get("Category") or "").strip() != "RMM":
            continue
        for net in (tool.get("Artifacts") or {}).get("Network") or []:
            for raw in net.get("Domains") or []:
                if (h := host(str(raw))) is not None:
                    rows.add(("rmm-network", h))
    lines = ["# Held-out legitimate hosts by category, from sources the benign lists are not built from: MISP",
             f"# warninglists {', '.join(SOURCES.values())}, {crux} at {refresh.MISP_COMMIT} (CC0-1.0), LOLRMM at",
             f"# {refresh.LOLRMM_COMMIT} (Apache-2.0); written by tools/benign_holdout.py. category<TAB>host"]
    lines += ["\t".join(r) for r in sorted(rows)]
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"{OUT.relative_to(refresh.ROOT)}: " + ", ".join(
        f"{c} {n}" for c, n in sorted(collections.Counter(r[0] for r in rows).items())))

    import dnstwist
    top = set(json.loads((lists / refresh.POPULAR / "list.json").read_text(encoding="utf-8"))["list"])
    mains = [b["officialDomains"][0] for b in brands]
    per, popular = collections.Counter(), collections.defaultdict(list)
    for main_domain in mains:
        fuzzer = dnstwist.Fuzzer(main_domain)
        fuzzer.generate()
        for p in fuzzer.domains:
            if p["fuzzer"] != "*original":
                per[p["fuzzer"]] += 1
                if p["domain"] in top:
                    popular[p["fuzzer"]].append(p["domain"])
    total, exempt = sum(per.values()), sum(len(v) for v in popular.values())
    print(f"dnstwist {dnstwist.__version__} permutations of {', '.join(mains)}: {total}; in Tranco's top 1M "
          f"(never alert): {exempt} ({exempt / total:.2%})")
    for f in sorted(per):
        print(f"  {f:13} {per[f]:6}  in the top 1M {len(popular[f]):3} ({len(popular[f]) / per[f]:6.2%})  "
              + " ".join(popular[f]))
    return 0


if __name__ == "__main__":
    sys.exit(main())

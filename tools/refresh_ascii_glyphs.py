#!/usr/bin/env python3
"""Vendors the ASCII look-alikes the lookalike detector weighs as half an edit (ascii-glyphs.tsv).

Unicode's confusables (UTS #39) hold few pairs within ASCII (0/O, 1/l, I/l, rn/m); the pairs that
typosquatters type (c for e, q for g, nn for m, cl for d) come from dnstwist's table of ASCII
homoglyphs (Fuzzer.glyphs_ascii), pinned in tools/requirements.txt, Apache-2.0. Each unordered
pair is written once, sorted. LookalikeDnstwistIT scores the detector on dnstwist's own
permutations, so for the homoglyph fuzzer that score is not independent of this table.

Usage: .venv/bin/python tools/refresh_ascii_glyphs.py
"""
import datetime
import pathlib
from importlib.metadata import version

import dnstwist

ROOT = pathlib.Path(__file__).resolve().parent.parent
OUT = ROOT / "functions/domain/src/main/resources/io/scamsignal/domain/brand/ascii-glyphs.tsv"


def main():
    pairs = set()
    for letters, glyphs in dnstwist.Fuzzer.glyphs_ascii.items():
        for glyph in glyphs:
            if glyph != letters:
                pairs.add(tuple(sorted((letters, glyph), key=lambda s: (len(s), s))))
    lines = [f"# ASCII look-alikes: dnstwist {version('dnstwist')} Fuzzer.glyphs_ascii"
             " (https://github.com/elceef/dnstwist), licence Apache-2.0;",
             f"# vendored {datetime.date.today().isoformat()} by tools/refresh_ascii_glyphs.py; do not edit.",
             "# one unordered pair a line: text<TAB>text"]
    lines += [f"{a}\t{b}" for a, b in sorted(pairs)]
    OUT.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"wrote {OUT.relative_to(ROOT)}: {len(pairs)} pairs")


if __name__ == "__main__":
    main()

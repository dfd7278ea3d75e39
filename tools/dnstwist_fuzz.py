"""Lookalikes of domains as dnstwist's fuzzers generate them: a corpus this project did not write.

Usage: .venv/bin/python tools/dnstwist_fuzz.py DOMAIN...

Prints a header line `# dnstwist <version>`, then one line per generated domain:
`fuzzer<TAB>original<TAB>domain` (the domain in Unicode, as dnstwist writes it). Generation only:
no DNS look-up, no network. The dictionary and TLD fuzzers are off (they need word lists).
"""

import sys
from importlib.metadata import version

import dnstwist


def main(domains: list[str]) -> int:
    if not domains:
        print(__doc__, file=sys.stderr)
        return 2
    print(f"# dnstwist {version('dnstwist')}")
    for original in domains:
        fuzzer = dnstwist.Fuzzer(original)
        fuzzer.generate()
        for permutation in fuzzer.permutations():
            if permutation["fuzzer"] != "*original":
                print(f"{permutation['fuzzer']}\t{original}\t{permutation['domain']}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

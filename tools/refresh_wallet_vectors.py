#!/usr/bin/env python3
"""Vendors published valid wallet addresses for the report API's positive fuzz cases (SchemathesisIT).

Sources, each pinned to a commit and read with `git show` from a clone of its repository:
  * bitcoin/bips BIP-350 (bech32m; BSD-2-Clause): its list of valid segwit addresses, mainnet
    (human-readable part "bc") only, the contract accepting Bitcoin addresses;
  * bitcoin/bips, every BIP: the mainnet base58check addresses (P2PKH, P2SH) quoted in its text
    whose checksum holds (no BIP lists base58 vectors as such), each BIP's licence recorded;
  * ethereum/EIPs EIP-55 (CC0-1.0, the EIPs' copyright waiver), at the last commit before ERCs
    moved to ethereum/ercs: its test cases (all caps, all lower, mixed-case checksummed).
Each address is checked here, independently of the project's Java code, against its own rules
(bech32/bech32m checksum and segwit program, base58check double-SHA-256, EIP-55 Keccak case rule
where pycryptodome is present, else only its form): a candidate that fails is left out and reported.

Writes e2e/schemathesis/valid-wallets.json: the sources (URL, commit, commit date, licence), the
date of this run, and the addresses with their kind and source.

TRON addresses (base58check with version 0x41) have no published vectors and are left to the unit tests.

Usage: git clone https://github.com/bitcoin/bips /tmp/bips; git clone https://github.com/ethereum/EIPs /tmp/eips
       python3 tools/refresh_wallet_vectors.py /tmp/bips /tmp/eips
"""
import datetime
import hashlib
import json
import pathlib
import re
import subprocess
import sys

ROOT = pathlib.Path(__file__).resolve().parent.parent
OUT = ROOT / "e2e/schemathesis/valid-wallets.json"
BIPS_COMMIT = "7fe0b034ec967b52a5a28276419117326df93263"
EIPS_COMMIT = "939395ba7e6eeadf9decd2e46e63639828f07367"

CHARSET = "qpzry9x8gf2tvdw0s3jn54khce6mua7l"
BASE58 = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz"


def git_show(repo, commit, path):
    return subprocess.run(["git", "-C", repo, "show", f"{commit}:{path}"], check=True, capture_output=True,
                          text=True, timeout=60).stdout


def commit_date(repo, commit):
    return subprocess.run(["git", "-C", repo, "show", "-s", "--format=%cI", commit], check=True,
                          capture_output=True, text=True, timeout=60).stdout.strip()


def _polymod(values):
    gen = [0x3b6a57b2, 0x26508e6d, 0x1ea119fa, 0x3d4233dd, 0x2a1462b3]
    chk = 1
    for v in values:
        top = chk >> 25
        chk = (chk & 0x1ffffff) << 5 ^ v
        for i in range(5):
            chk ^= gen[i] if ((top >> i) & 1) else 0
    return chk


def segwit_valid(address):
    """BIP-173/350 decoding: the right checksum constant for the witness version, and a valid program."""
    if address.lower() != address and address.upper() != address:
        return False
    a = address.lower()
    pos = a.rfind("1")
    hrp, data = a[:pos], a[pos + 1:]
    if hrp != "bc" or len(data) < 6 or any(c not in CHARSET for c in data):
        return False
    values = [CHARSET.find(c) for c in data]
    const = _polymod([ord(c) >> 5 for c in hrp] + [0] + [ord(c) & 31 for c in hrp] + values)
    version = values[0]
    if version > 16 or const != (1 if version == 0 else 0x2bc830a3):
        return False
    acc, bits, program = 0, 0, []
    for v in values[1:-6]:
        acc = (acc << 5) | v
        bits += 5
        while bits >= 8:
            bits -= 8
            program.append((acc >> bits) & 0xff)
    if bits >= 5 or (acc << (8 - bits)) & 0xff:
        return False
    return 2 <= len(program) <= 40 and (version != 0 or len(program) in (20, 32))


def base58check_valid(address):
    n = 0
    for c in address:
        if c not in BASE58:
            return False
        n = n * 58 + BASE58.index(c)
    raw = n.to_bytes((n.bit_length() + 7) // 8, "big")
    raw = b"\0" * (len(address) - len(address.lstrip("1"))) + raw
    payload, checksum = raw[:-4], raw[-4:]
    return hashlib.sha256(hashlib.sha256(payload).digest()).digest()[:4] == checksum and len(payload) == 21 \
        and payload[0] in (0x00, 0x05)


def eip55_valid(address):
    hexpart = address[2:]
    if not re.fullmatch(r"0x[0-9a-fA-F]{40}", address):
        return False
    if hexpart in (hexpart.lower(), hexpart.upper()):
        return True
    try:
        from Crypto.Hash import keccak  # pycryptodome, if present
    except ImportError:
        return True  # the form holds; the checksum is the EIP's own test case
    digest = keccak.new(digest_bits=256, data=hexpart.lower().encode()).hexdigest()
    return all((c.upper() if int(d, 16) >= 8 else c.lower()) == c for c, d in zip(hexpart, digest))


def main(bips, eips):
    wallets, rejected = [], []

    def add(address, kind, source, valid):
        (wallets if valid(address) else rejected).append({"address": address, "kind": kind, "source": source})

    bip350 = git_show(bips, BIPS_COMMIT, "bip-0350.mediawiki")
    section = bip350.split("valid segwit addresses", 1)[1].split("invalid segwit addresses", 1)[0]
    for address in re.findall(r"\* <tt>([A-Za-z0-9]+)</tt>:", section):
        if address.lower().startswith("bc1"):
            add(address, "segwit (bech32 v0, bech32m v1+)", "BIP-350", segwit_valid)
    # base58check: every mainnet P2PKH/P2SH address quoted in a BIP whose checksum holds (no BIP
    # lists base58 vectors; BIP-21's own example fails its checksum and is left out)
    licences = {}
    files = subprocess.run(["git", "-C", bips, "ls-tree", "-r", "--name-only", BIPS_COMMIT], check=True,
                           capture_output=True, text=True, timeout=60).stdout.split()
    for path in sorted(f for f in files if re.fullmatch(r"bip-\d{4}\.(mediawiki|md)", f)):
        text = git_show(bips, BIPS_COMMIT, path)
        bip = "BIP-" + str(int(path[4:8]))
        licence = re.search(r"^\s*License:\s*(.+)$", text, re.MULTILINE)
        for address in dict.fromkeys(re.findall(r"(?<![A-Za-z0-9])[13][1-9A-HJ-NP-Za-km-z]{25,34}(?![A-Za-z0-9])", text)):
            if base58check_valid(address):
                licences[bip] = (path, licence.group(1).strip() if licence else "see the BIP's Copyright section")
                if address not in {w["address"] for w in wallets}:
                    add(address, "base58check P2PKH/P2SH", bip, base58check_valid)
    eip55 = git_show(eips, EIPS_COMMIT, "EIPS/eip-55.md")
    cases = eip55.split("# Test Cases", 1)[-1] if "# Test Cases" in eip55 else eip55
    for address in dict.fromkeys(re.findall(r"\b0x[0-9a-fA-F]{40}\b", cases)):
        add(address, "Ethereum (EIP-55)", "EIP-55", eip55_valid)

    document = {
        "about": "Published valid wallet addresses (test vectors), for positive fuzz cases; written by "
                 "tools/refresh_wallet_vectors.py, do not edit.",
        "generated": datetime.date.today().isoformat(),
        "sources": {
            "BIP-350": {"url": "https://github.com/bitcoin/bips/blob/master/bip-0350.mediawiki",
                        "commit": BIPS_COMMIT, "date": commit_date(bips, BIPS_COMMIT), "licence": "BSD-2-Clause"},
            **{bip: {"url": "https://github.com/bitcoin/bips/blob/master/" + path, "commit": BIPS_COMMIT,
                     "date": commit_date(bips, BIPS_COMMIT), "licence": licence}
               for bip, (path, licence) in sorted(licences.items())},
            "EIP-55": {"url": "https://github.com/ethereum/EIPs/blob/" + EIPS_COMMIT + "/EIPS/eip-55.md",
                       "commit": EIPS_COMMIT, "date": commit_date(eips, EIPS_COMMIT),
                       "licence": "CC0-1.0 (copyright waived, EIPs repository)"},
        },
        "wallets": wallets,
    }
    OUT.write_text(json.dumps(document, indent=2) + "\n", encoding="utf-8")
    print(f"{len(wallets)} addresses written to {OUT.relative_to(ROOT)}; {len(rejected)} left out: {rejected}")
    return 0 if wallets else 1


if __name__ == "__main__":
    if len(sys.argv) != 3:
        print(__doc__, file=sys.stderr)
        sys.exit(2)
    sys.exit(main(sys.argv[1], sys.argv[2]))

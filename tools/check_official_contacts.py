#!/usr/bin/env python3
"""Checks the vendored official contacts used for a reporter's next steps.

functions/domain/src/main/resources/io/scamsignal/domain/nextsteps/official-contacts.tsv holds,
one a line, where to report a scam in each country and the fraud lines of gift card issuers and
money transfer providers, each line citing the official page it comes from. The Java code reads
only this file: no address or number is typed in code.

Offline (the default) every line is checked for its form: seven tab-separated columns, a unique
id, an ISO 3166-1 country or "*", a known step, an https: or tel: address, an https: source and
a checked date or "-". With --online each source page is fetched and must name the line's
address (its host and path) or number (its digits, in any grouping); a line that passes gets
today's date in "checked" and the file is rewritten. A line that fails is reported and keeps its
date, and the script exits 1: a human then looks at the source page and edits the line.

Usage: python3 tools/check_official_contacts.py [--online]
"""
import datetime
import pathlib
import re
import sys
import urllib.parse
import urllib.request

ROOT = pathlib.Path(__file__).resolve().parent.parent
FILE = ROOT / "functions/domain/src/main/resources/io/scamsignal/domain/nextsteps/official-contacts.tsv"
HEADER = ["id", "country", "step", "label", "url", "source", "checked"]
STEPS = {"report_official", "gift_card", "money_transfer"}
URL = re.compile(r"https://[a-z0-9.-]+\.[a-z]{2,}/\S*|tel:\+?[0-9]{3,15}")


def read():
    comments, rows = [], []
    for line in FILE.read_text(encoding="utf-8").splitlines():
        if line.startswith("#") or not line.strip():
            comments.append(line)
        else:
            rows.append(line.split("\t"))
    return comments, rows


def problems_of(rows):
    problems = []
    if not rows or rows[0] != HEADER:
        return ["the first line after the comments must be the header " + "\t".join(HEADER)]
    seen = set()
    for row in rows[1:]:
        if len(row) != len(HEADER):
            problems.append(f"{row[0]}: {len(row)} columns, {len(HEADER)} expected")
            continue
        entry = dict(zip(HEADER, row))
        if entry["id"] in seen:
            problems.append(f"{entry['id']}: id used twice")
        seen.add(entry["id"])
        if not re.fullmatch(r"[A-Z]{2}|\*", entry["country"]):
            problems.append(f"{entry['id']}: country {entry['country']!r} is not ISO 3166-1 alpha-2 or *")
        if entry["step"] not in STEPS:
            problems.append(f"{entry['id']}: unknown step {entry['step']!r}")
        if not URL.fullmatch(entry["url"]):
            problems.append(f"{entry['id']}: url {entry['url']!r} is neither https: nor tel:")
        if not entry["source"].startswith("https://"):
            problems.append(f"{entry['id']}: source {entry['source']!r} is not https:")
        if not re.fullmatch(r"-|\d{4}-\d{2}-\d{2}", entry["checked"]):
            problems.append(f"{entry['id']}: checked {entry['checked']!r} is neither a date nor -")
        if not entry["label"].strip():
            problems.append(f"{entry['id']}: empty label")
    return problems


def named_on(page, url):
    """Whether the source page names the address (host and path) or the number (its digits)."""
    if url.startswith("tel:"):
        digits = url[4:].lstrip("+")
        text = re.sub(r"[^0-9]", "", page)
        return digits in text or digits[1:] in text or digits[2:] in text
    parts = urllib.parse.urlsplit(url)
    needle = (parts.netloc + parts.path).rstrip("/")
    return needle.lower() in page.lower() or (parts.path in ("", "/") and parts.netloc.lower() in page.lower())


def fetch(url):
    request = urllib.request.Request(url, headers={"User-Agent": "ScamSignal contacts check (+https://github.com/)"})
    with urllib.request.urlopen(request, timeout=30) as response:
        return response.read(4_000_000).decode("utf-8", errors="replace"), response.geturl()


def main():
    comments, rows = read()
    problems = problems_of(rows)
    if problems:
        print("\n".join(problems), file=sys.stderr)
        return 1
    if "--online" not in sys.argv[1:]:
        print(f"{FILE.relative_to(ROOT)}: {len(rows) - 1} lines, all well-formed")
        return 0
    today = datetime.date.today().isoformat()
    failed = 0
    pages = {}
    for row in rows[1:]:
        entry = dict(zip(HEADER, row))
        try:
            if entry["source"] not in pages:
                pages[entry["source"]] = fetch(entry["source"])
            page, final_url = pages[entry["source"]]
        except Exception as e:  # noqa: BLE001 - every failure is reported the same way
            print(f"{entry['id']}: {entry['source']} not reachable: {e}", file=sys.stderr)
            failed += 1
            continue
        # a page that is its own source names itself by being reached
        if entry["url"].rstrip("/") == entry["source"].rstrip("/") or named_on(page, entry["url"]):
            row[HEADER.index("checked")] = today
        else:
            print(f"{entry['id']}: {entry['source']} (reached as {final_url}) does not name {entry['url']}",
                  file=sys.stderr)
            failed += 1
    FILE.write_text("\n".join(comments + ["\t".join(r) for r in rows]) + "\n", encoding="utf-8")
    print(f"{len(rows) - 1 - failed} lines confirmed on {today}, {failed} not")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())

#!/usr/bin/env python3
"""Writes DynamoDB's reserved words, which an expression may not use as a bare attribute name.

Source: "Reserved words in DynamoDB", Amazon DynamoDB Developer Guide,
https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/ReservedWords.html . The list is
taken from the pinned MiniStack package (MIT licence; `ministack/services/_dynamodb_keywords.py`,
`AWS_KEYWORDS`, a copy of that page), so the refresh needs no network beyond PyPI:

    make venv-ministack && .venv-ministack/bin/python tools/refresh_dynamodb_reserved_words.py

ReservedWordsTest (functions/domain) and the integration tests' ReservedWordGuard read the output.
"""
import datetime
import importlib.metadata
import pathlib

from ministack.services._dynamodb_keywords import AWS_KEYWORDS

OUT = pathlib.Path(__file__).resolve().parent.parent / "functions/domain/src/test/resources/dynamodb/reserved-words.txt"


def main():
    version = importlib.metadata.version("ministack")
    words = sorted(AWS_KEYWORDS)
    header = [
        "# DynamoDB reserved words: an expression must alias these (#name) to use them as attribute names.",
        "# source: https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/ReservedWords.html",
        f"# taken from: MiniStack {version} (PyPI, MIT licence), ministack/services/_dynamodb_keywords.py AWS_KEYWORDS",
        f"# refreshed: {datetime.date.today().isoformat()} by tools/refresh_dynamodb_reserved_words.py; {len(words)} words",
    ]
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text("\n".join(header + words) + "\n", encoding="utf-8")
    print(f"{len(words)} reserved words written to {OUT}")


if __name__ == "__main__":
    main()

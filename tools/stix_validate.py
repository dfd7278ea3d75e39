"""Validates STIX 2.1 files with OASIS's validator (stix2-validator), strictly (warnings count as errors).

Usage: .venv/bin/python tools/stix_validate.py SCHEMAS_DIR FILE...

SCHEMAS_DIR is the vendored copy of OASIS's cti-stix2-json-schemas `schemas/` directory; it is
installed into stix2validator/schemas-2.1/schemas first, so the validator never fetches schemas over
the network and always checks against the pinned commit. Prints one line per file and every
message; exits 1 if any file is invalid, 2 on a usage error.
"""

import filecmp
import pathlib
import shutil
import sys

import stix2validator
from stix2validator import ValidationOptions, validate_file


def install_schemas(source: pathlib.Path) -> None:
    target = pathlib.Path(stix2validator.__file__).parent / "schemas-2.1" / "schemas"
    if target.exists() and not filecmp.dircmp(source, target).diff_files and _same_tree(source, target):
        return
    if target.exists():
        shutil.rmtree(target)
    shutil.copytree(source, target)


def _same_tree(a: pathlib.Path, b: pathlib.Path) -> bool:
    files_a = sorted(p.relative_to(a) for p in a.rglob("*.json"))
    files_b = sorted(p.relative_to(b) for p in b.rglob("*.json"))
    return files_a == files_b and all(filecmp.cmp(a / f, b / f, shallow=False) for f in files_a)


def main(argv: list[str]) -> int:
    if len(argv) < 3:
        print(__doc__, file=sys.stderr)
        return 2
    schemas = pathlib.Path(argv[1])
    if not (schemas / "common" / "core.json").is_file():
        print(f"not a STIX 2.1 schema directory: {schemas}", file=sys.stderr)
        return 2
    install_schemas(schemas)
    # strict: every warning is an error. Not strict_types: it flags each type outside the spec's list of
    # SDOs, even standard observables such as domain-name, and so every extension-defined type.
    options = ValidationOptions(version="2.1", strict=True, strict_types=False, strict_properties=False)
    invalid = 0
    for name in argv[2:]:
        result = validate_file(name, options)
        messages = [f"  error: {e}" for obj in result.object_results for e in obj.errors]
        messages += [f"  warning: {w}" for obj in result.object_results for w in obj.warnings]
        messages += [f"  error: {e}" for e in getattr(result, "fatal", None) and [result.fatal] or []]
        ok = result.is_valid and not messages
        invalid += 0 if ok else 1
        print(("VALID " if ok else "INVALID ") + name)
        for m in messages:
            print(m)
    return 1 if invalid else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))

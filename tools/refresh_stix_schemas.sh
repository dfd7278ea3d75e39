#!/usr/bin/env bash
# Refreshes contracts/vendor/cti-stix2-json-schemas from OASIS's repository (BSD-3-Clause).
# Usage: tools/refresh_stix_schemas.sh [commit-or-branch]   (default: master)
# Then update the commit and date in contracts/vendor/cti-stix2-json-schemas/README.md and run
# the STIX validation test (mvn -pl functions/domain verify -Dit.test=StixValidationIT).
set -euo pipefail
ref="${1:-master}"
root="$(cd "$(dirname "$0")/.." && pwd)"
dest="$root/contracts/vendor/cti-stix2-json-schemas"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
git clone --quiet https://github.com/oasis-open/cti-stix2-json-schemas.git "$tmp/repo"
git -C "$tmp/repo" checkout --quiet "$ref"
rm -rf "$dest/schemas"
cp -r "$tmp/repo/schemas" "$dest/schemas"
cp "$tmp/repo/LICENSE" "$dest/LICENSE"
echo "vendored commit $(git -C "$tmp/repo" rev-parse HEAD) ($(git -C "$tmp/repo" log -1 --format=%cs)) into $dest"

#!/usr/bin/env bash
# Debian's Chromium and ChromeDriver for the reference form's end-to-end tests (make test), and the
# pinned axe-core (npm, e2e/axe/package-lock.json) that the accessibility test runs in the page.
set -euo pipefail
cd "$(dirname "$0")/.."
if [[ ! -x /usr/bin/chromium || ! -x /usr/bin/chromedriver ]]; then
  if [[ $(id -u) -ne 0 ]] || ! command -v apt-get >/dev/null; then
    echo "The form's browser test needs Debian's chromium and chromium-driver: run as root, or install them:" >&2
    echo "  apt-get install chromium chromium-driver" >&2
    exit 1
  fi
  echo "installing chromium and chromium-driver (Debian packages) for the browser test" >&2
  apt-get update -qq >&2
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver >&2
fi
if [[ ! -f e2e/axe/node_modules/.package-lock.json || e2e/axe/package-lock.json -nt e2e/axe/node_modules/.package-lock.json ]]; then
  if ! command -v npm >/dev/null; then
    if [[ $(id -u) -ne 0 ]] || ! command -v apt-get >/dev/null; then
      echo "The form's accessibility test needs npm for axe-core: install Debian's npm" >&2
      exit 1
    fi
    apt-get update -qq >&2
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq npm >&2
  fi
  echo "installing axe-core (npm, pinned in e2e/axe/package-lock.json) for the accessibility test" >&2
  npm ci --prefix e2e/axe --no-audit --no-fund --ignore-scripts --loglevel=error >&2
fi

#!/usr/bin/env bash
# Debian's Chromium and ChromeDriver for the reference form's end-to-end test (make test).
set -euo pipefail
if [[ -x /usr/bin/chromium && -x /usr/bin/chromedriver ]]; then exit 0; fi
if [[ $(id -u) -ne 0 ]] || ! command -v apt-get >/dev/null; then
  echo "The form's browser test needs Debian's chromium and chromium-driver: run as root, or install them:" >&2
  echo "  apt-get install chromium chromium-driver" >&2
  exit 1
fi
echo "installing chromium and chromium-driver (Debian packages) for the browser test" >&2
apt-get update -qq >&2
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver >&2

#!/usr/bin/env bash
# Prints the home of a JDK >= 21: JAVA_HOME if it is one, else the default java's, else the newest
# under /usr/lib/jvm. Exits 1 with a clear message when there is none.
set -euo pipefail

major() { # the major version of the JDK at $1, or 0
  local v
  v=$("$1/bin/java" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p' | head -n1)
  [[ "$v" =~ ^[0-9]+$ ]] && echo "$v" || echo 0
}

is_jdk21() { [[ -x "$1/bin/java" && -x "$1/bin/javac" ]] && (( $(major "$1") >= 21 )); }

if [[ -n "${JAVA_HOME:-}" ]] && is_jdk21 "$JAVA_HOME"; then echo "$JAVA_HOME"; exit 0; fi

if command -v javac >/dev/null 2>&1; then
  home=$(dirname "$(dirname "$(readlink -f "$(command -v javac)")")")
  if is_jdk21 "$home"; then echo "$home"; exit 0; fi
fi

best=""; best_major=0
for home in /usr/lib/jvm/*/ /opt/java/*/ /opt/jdk*/; do
  home=${home%/}
  [[ -d "$home" ]] || continue
  if is_jdk21 "$home"; then
    m=$(major "$home")
    if (( m > best_major )); then best=$home; best_major=$m; fi
  fi
done
if [[ -n "$best" ]]; then echo "$best"; exit 0; fi

echo "ScamSignal needs a JDK 21 or newer, and found none (JAVA_HOME, the default java, /usr/lib/jvm)." >&2
echo "Install one, e.g. 'apt-get install openjdk-21-jdk-headless' or a Temurin 21, or set JAVA_HOME." >&2
exit 1

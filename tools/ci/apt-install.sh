#!/usr/bin/env bash
# Installs the Debian packages listed in apt-packages.txt (one per line,
# '#' comments). Already-installed packages cost nothing.
set -euo pipefail
list="$(dirname "$0")/apt-packages.txt"
mapfile -t packages < <(sed -e 's/#.*//' -e 's/[[:space:]]//g' "$list" | grep -v '^$')
missing=()
for p in "${packages[@]}"; do dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p"); done
if [ "${#missing[@]}" -gt 0 ]; then
  echo "installing: ${missing[*]}"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi
echo "apt packages present: ${packages[*]}"

#!/usr/bin/env bash
# Installs the Debian packages listed in apt-packages.txt (one per line,
# '#' comments). Already-installed packages cost nothing. Runs apt-get as root, or through
# passwordless sudo (a GitHub-hosted runner, a developer machine set up that way).
set -euo pipefail
list="$(dirname "$0")/apt-packages.txt"
mapfile -t packages < <(sed -e 's/#.*//' -e 's/[[:space:]]//g' "$list" | grep -v '^$')
missing=()
for p in "${packages[@]}"; do dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p"); done
if [ "${#missing[@]}" -gt 0 ]; then
  echo "installing: ${missing[*]}"
  as_root=()
  if [ "$(id -u)" -ne 0 ]; then
    if ! sudo -n true 2>/dev/null; then
      echo "installing Debian packages needs root: run  sudo bash tools/ci/apt-install.sh" >&2
      exit 1
    fi
    as_root=(sudo -n)
  fi
  "${as_root[@]}" apt-get update -qq
  "${as_root[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi
echo "apt packages present: ${packages[*]}"

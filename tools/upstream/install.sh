#!/usr/bin/env bash
# Fetches and builds the pinned upstream verifiers into $SUGARKUBE_CACHE.
# Each tool has its own script beside this one; this runs them all.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
for script in "$here"/tools/*.sh; do
  [ -e "$script" ] || continue
  bash "$script"
done

#!/usr/bin/env bash
# zizmor: static security analysis of GitHub Actions workflows. The pinned release's
# wheel from PyPI carries the same Rust binary `cargo install zizmor` builds (a cold
# cargo build takes many minutes on 2 cores; the wheel installs in seconds).
# Bump: change VERSION (see `pip index versions zizmor`).
set -euo pipefail
TOOL_NAME=zizmor
. "$(dirname "$0")/../lib.sh"
VERSION=1.32.0
dest="$SUGARKUBE_CACHE/zizmor-$VERSION"
if ! is_done "$dest"; then
  rm -rf "$dest" && mkdir -p "$dest"
  log "pip install zizmor==$VERSION"
  python_venv "$dest" "zizmor==$VERSION"
  "$dest/venv/bin/zizmor" --version >/dev/null
  date -u +%FT%TZ >"$dest/.done"
fi
link zizmor "$dest/venv/bin/zizmor"
log "$VERSION ready"

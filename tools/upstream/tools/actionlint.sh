#!/usr/bin/env bash
# actionlint: GitHub Actions workflow linter, built from the Go module proxy.
# Bump: change VERSION (see `go list -m -versions github.com/rhysd/actionlint`).
set -euo pipefail
TOOL_NAME=actionlint
. "$(dirname "$0")/../lib.sh"
VERSION=v1.7.12
dest="$SUGARKUBE_CACHE/actionlint-$VERSION"
if ! is_done "$dest"; then
  staging="$(start_build "$dest")"
  go_install_into "$staging" "github.com/rhysd/actionlint/cmd/actionlint@$VERSION"
  "$staging/bin/actionlint" -version >/dev/null
  finish_build "$staging" "$dest"
fi
link actionlint "$dest/bin/actionlint"
log "$VERSION ready"

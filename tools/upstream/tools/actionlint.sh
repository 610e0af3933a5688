#!/usr/bin/env bash
# actionlint: GitHub Actions workflow linter, built from the Go module proxy.
# Bump: change VERSION (see `go list -m -versions github.com/rhysd/actionlint`).
set -euo pipefail
TOOL_NAME=actionlint
. "$(dirname "$0")/../lib.sh"
VERSION=v1.7.12
install_go_command actionlint "$SUGARKUBE_CACHE/actionlint-$VERSION" "github.com/rhysd/actionlint/cmd/actionlint@$VERSION" -version
log "$VERSION ready"

#!/usr/bin/env bash
# Flux source-controller (GitRepository, HelmRepository, OCIRepository, HelmChart, …) for
# the live cluster: `$SUGARKUBE_CACHE/current/source-controller` and `source-controller-crds/`.
# The version Flux 2.9.5 pins. Two fixes make it build from the module proxy, which refuses
# github.com/fluxcd/pkg/artifact v0.18.3 (v0.18.0 is served and builds) and some test-only
# dependencies: the replace below, then `go mod tidy -e` (tolerates what cannot be loaded).
# Bump: change VERSION (and try without the artifact replace).
set -euo pipefail
TOOL_NAME=source-controller
. "$(dirname "$0")/lib.sh"
VERSION=v1.9.5

fixup() {
  (cd "$1" && go mod edit -replace=github.com/fluxcd/pkg/artifact=github.com/fluxcd/pkg/artifact@v0.18.0 &&
    go mod tidy -e >/dev/null 2>&1) || die "source-controller: go mod tidy -e failed"
}
flux_controller source-controller "$VERSION" proxy fixup

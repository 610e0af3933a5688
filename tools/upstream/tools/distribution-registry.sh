#!/usr/bin/env bash
# distribution-registry: the CNCF Distribution registry v3 (`registry serve CONFIG`),
# built from the Go module proxy at the pinned VERSION. `$SUGARKUBE_CACHE/current/distribution-registry`.
#
# Why a second registry beside Debian's docker-registry (distribution 2.8): 2.8 ignores
# the `n` parameter of GET /v2/<name>/tags/list and returns every tag in one page, so
# it never sends a `Link` header. v3 pages tags/list (and answers `n`), as GHCR does,
# which is what @sugarkube/image-policy's pagination test needs.
# Bump: change VERSION (see https://proxy.golang.org/github.com/distribution/distribution/v3/@v/list).
set -euo pipefail
TOOL_NAME=distribution-registry
. "$(dirname "$0")/../lib.sh"
VERSION=v3.1.2

install_go_command distribution-registry "$SUGARKUBE_CACHE/distribution-registry-$VERSION" \
  "github.com/distribution/distribution/v3/cmd/registry@$VERSION" --version \
  "-X github.com/distribution/distribution/v3/version.version=$VERSION"
log "$VERSION ready"

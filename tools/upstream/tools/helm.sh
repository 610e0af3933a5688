#!/usr/bin/env bash
# helm: renders the charts the cluster tree installs (`helm template` with the values of the
# generated HelmReleases; a chart's values.schema.json is enforced), `$SUGARKUBE_CACHE/current/helm`.
# Pinned to the Helm library Flux's helm-controller v1.6.4 (Flux 2.9) links: helm.sh/helm/v4 v4.2.4
# (its go.mod), so charts render here as the cluster's controller renders them.
# Bump: with helm-controller (see `go list -m -versions helm.sh/helm/v4`).
set -euo pipefail
TOOL_NAME=helm
. "$(dirname "$0")/../lib.sh"
VERSION=v4.2.4

install_go_command helm "$SUGARKUBE_CACHE/helm-$VERSION" "helm.sh/helm/v4/cmd/helm@$VERSION" version \
  "-X helm.sh/helm/v4/internal/version.version=$VERSION"
log "$VERSION ready"

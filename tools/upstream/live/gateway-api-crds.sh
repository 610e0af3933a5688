#!/usr/bin/env bash
# The Gateway API CRDs (standard channel: Gateway, GatewayClass, HTTPRoute, GRPCRoute,
# ReferenceGrant) for the live cluster's API server, whose CEL rules then validate the
# generated routes: `$SUGARKUBE_CACHE/current/gateway-api-crds/`.
# The same module and version as tools/upstream/tools/crd-schemas.sh's row: bump both.
set -euo pipefail
TOOL_NAME=gateway-api-crds
. "$(dirname "$0")/lib.sh"
VERSION=v1.3.0
MODULE=sigs.k8s.io/gateway-api

dest="$SUGARKUBE_CACHE/gateway-api-crds-$VERSION"
if ! is_done "$dest"; then
  dir="$(go_module_dir "$MODULE@$VERSION")"
  fetch_done && exit 0
  staging="$(start_build "$dest")"
  cp "$dir"/config/crd/standard/*.yaml "$staging/"
  grep -l '^  name: httproutes.gateway.networking.k8s.io$' "$staging"/*.yaml >/dev/null || die "no HTTPRoute CRD in $MODULE@$VERSION"
  finish_build "$staging" "$dest"
fi
fetch_done && exit 0
link gateway-api-crds "$dest"
log "$VERSION ready"

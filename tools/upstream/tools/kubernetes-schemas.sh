#!/usr/bin/env bash
# Kubernetes JSON schemas for kubeconform, in the layout of kubernetes-json-schema
# (`{kind}-{group}-{version}.json`, standalone, strict), converted from the OpenAPI
# spec inside the k8s.io/kubernetes module zip (api/openapi-spec/swagger.json), fetched
# through the Go module proxy, with openapi2jsonschema from PyPI:
#   openapi2jsonschema --expanded --kubernetes --stand-alone --strict swagger.json
# Known gap (upstream too): CustomResourceDefinition has no schema (recursive types).
# Bump: change VERSION to another k8s.io/kubernetes tag (the clusters' minor).
set -euo pipefail
TOOL_NAME=kubernetes-schemas
. "$(dirname "$0")/../lib.sh"
VERSION=v1.33.13
dest="$SUGARKUBE_CACHE/kubernetes-schemas-$VERSION"
if ! is_done "$dest"; then
  bin="$(schema_venv)"
  log "downloading k8s.io/kubernetes@$VERSION from the Go module proxy"
  src="$(go_module_dir "k8s.io/kubernetes@$VERSION")"
  staging="$(start_build "$dest")"
  log "converting swagger.json to standalone strict JSON schemas (about 2 minutes)"
  (cd "$staging" && "$bin/openapi2jsonschema" -o . --expanded --kubernetes --stand-alone --strict \
    "$src/api/openapi-spec/swagger.json" 2>&1 | grep -v '^Processing\|^Generating' | grep -v 'not currently supported' >&2 || true)
  [ -s "$staging/deployment-apps-v1.json" ] || die "conversion produced no deployment-apps-v1.json"
  rm -f "$staging/all.json" "$staging/_definitions.json"
  log "$(find "$staging" -name '*.json' | wc -l) schemas"
  finish_build "$staging" "$dest"
fi
link kubernetes-schemas "$dest"
log "$VERSION ready"

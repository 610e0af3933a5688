#!/usr/bin/env bash
# The two OpenAPI inputs of @sugarkube/manifests' strategic merge table
# (packages/manifests/scripts/generate-patch-strategies.ts):
# - kubernetes-openapi.json: api/openapi-spec/swagger.json of the k8s.io/kubernetes version
#   kubernetes-schemas.sh pins (the merge keys and patch strategies of every field);
# - kustomize-openapi.json: the fields and kinds kustomize knows. kustomize merges with the
#   OpenAPI snapshot compiled into kyaml (Kubernetes v1.21.2 for every kustomize v5 so far), so a
#   kind or field added since is merged by kustomize as if it had no strategy (lists replaced).
#   Dumped by a small Go program linked against the kyaml of the pinned kustomize (kustomize.sh).
# Bump: follows the pins of kubernetes-schemas.sh and kustomize.sh.
set -euo pipefail
TOOL_NAME=kubernetes-openapi
here="$(cd "$(dirname "$0")" && pwd)"
. "$here/../lib.sh"
pin() { sed -n 's/^VERSION=//p' "$here/$1.sh"; }
K8S_VERSION="$(pin kubernetes-schemas)"
KUSTOMIZE_VERSION="$(pin kustomize)"
[ -n "$K8S_VERSION" ] && [ -n "$KUSTOMIZE_VERSION" ] || die "no VERSION= in kubernetes-schemas.sh or kustomize.sh"
dest="$SUGARKUBE_CACHE/kubernetes-openapi-$K8S_VERSION-kustomize-$KUSTOMIZE_VERSION"
if ! is_done "$dest"; then
  staging="$(start_build "$dest")"
  src="$(go_module_dir "k8s.io/kubernetes@$K8S_VERSION")"
  cp "$src/api/openapi-spec/swagger.json" "$staging/kubernetes-openapi.json"
  chmod u+w "$staging/kubernetes-openapi.json"
  mkdir -p "$staging/dump"
  cat >"$staging/dump/main.go" <<'GO'
// Prints, as JSON, the kinds, field types and patch extensions of every definition in kyaml's embedded
// Kubernetes OpenAPI schema: what kustomize's strategic merge consults.
package main

import (
	"encoding/json"
	"os"

	"sigs.k8s.io/kustomize/kyaml/openapi"
)

func main() {
	type field struct {
		Ref        string                 `json:"$ref,omitempty"`
		Extensions map[string]interface{} `json:"extensions,omitempty"`
	}
	type definition struct {
		Kinds      interface{}      `json:"x-kubernetes-group-version-kind,omitempty"`
		Properties map[string]field `json:"properties"`
	}
	out := map[string]definition{}
	for name, d := range openapi.Schema().Definitions {
		props := map[string]field{}
		for p, v := range d.Properties {
			ref := v.Ref.String()
			if v.Items != nil && v.Items.Schema != nil {
				ref = v.Items.Schema.Ref.String() // a list: the type of its elements
			} else if v.AdditionalProperties != nil && v.AdditionalProperties.Schema != nil {
				ref = v.AdditionalProperties.Schema.Ref.String() // a map: the type of its values
			}
			props[p] = field{Ref: ref, Extensions: v.Extensions}
		}
		out[name] = definition{Kinds: d.Extensions["x-kubernetes-group-version-kind"], Properties: props}
	}
	if err := json.NewEncoder(os.Stdout).Encode(map[string]interface{}{"definitions": out}); err != nil {
		panic(err)
	}
}
GO
  log "dumping kyaml's embedded OpenAPI schema (kustomize $KUSTOMIZE_VERSION)"
  (cd "$staging/dump" && go mod init dump >/dev/null 2>&1 &&
    go get "sigs.k8s.io/kustomize/kustomize/v5@$KUSTOMIZE_VERSION" >/dev/null 2>&1 &&
    go run . >"$staging/kustomize-openapi.json") || die "the kyaml schema dump failed"
  grep -q '"io.k8s.api.core.v1.PodSpec"' "$staging/kustomize-openapi.json" || die "the kyaml dump has no PodSpec"
  rm -rf "$staging/dump"
  finish_build "$staging" "$dest"
fi
link kubernetes-openapi.json "$dest/kubernetes-openapi.json"
link kustomize-openapi.json "$dest/kustomize-openapi.json"
log "Kubernetes $K8S_VERSION, kustomize $KUSTOMIZE_VERSION ready"

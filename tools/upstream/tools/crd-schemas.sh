#!/usr/bin/env bash
# JSON schemas for the custom resources Sugarkube emits or configures, converted
# from the projects' own CRD YAML with kubeconform's scripts/openapi2jsonschema.py
# (taken from the kubeconform module zip at the pinned kubeconform version).
# Output: $SUGARKUBE_CACHE/current/crd-schemas/{group}_{kind}_{version}.json (lower case),
# strict: additionalProperties false on every object with properties, the root included.
#
# Every source comes from the Go module proxy at a pinned version: the rows come from the
# components (their `crds`); any edit to this file or to a row rebuilds the set (the cache key
# hashes this file, the rows and the venv pins).
set -euo pipefail
TOOL_NAME=crd-schemas
. "$(dirname "$0")/../lib.sh"

# The CRD sources of the components in packages/cluster (through tools/upstream/pins.json):
#   MODULE@VERSION GLOB...     CRD YAML inside the module zip
rows="$(pins_rows crd-files)"
mapfile -t CRD_SOURCES <<<"$rows"
# The root modules of some Flux controllers are not served by the module proxy; their api
# modules are. Their CRDs are generated from the Go types with the controller-gen version Flux
# itself uses, for the packages listed (the GA ones):
#   MODULE@VERSION PACKAGE...
rows="$(pins_rows crd-go-types)"
mapfile -t CRD_GO_APIS <<<"$rows"
CONTROLLER_GEN_VERSION=v0.21.0
KUBECONFORM_VERSION=v0.8.0 # the converter script's source; keep equal to kubeconform.sh

key="$( (cat "$0"; printf '%s\n' "${SCHEMA_VENV_PINS[@]}" "${CRD_SOURCES[@]}" "${CRD_GO_APIS[@]}") | sha256sum | cut -c1-12)"
dest="$SUGARKUBE_CACHE/crd-schemas-$key"
if ! is_done "$dest"; then
  bin="$(schema_venv)"
  converter="$(go_module_dir "github.com/yannh/kubeconform@$KUBECONFORM_VERSION")/scripts/openapi2jsonschema.py"
  staging="$(start_build "$dest")"
  work="$(mktemp -d)"
  trap 'rm -rf "$work"' EXIT
  mkdir -p "$work/yaml"

  for row in "${CRD_SOURCES[@]}"; do
    read -r mod globs <<<"$row"
    log "$mod"
    dir="$(go_module_dir "$mod")"
    n=0
    for g in $globs; do
      for f in "$dir"/$g; do
        [ -f "$f" ] || die "$mod: no file matches $g"
        # Some CRD files are chart templates (Longhorn's labels line): drop {{ ... }}.
        sed -e 's/{{[^}]*}}//g' "$f" >"$work/yaml/$(echo "$mod" | tr '/@' '__')_$(basename "$f")"
        n=$((n + 1))
      done
    done
    log "  $n CRD file(s)"
  done

  cg="$SUGARKUBE_CACHE/controller-gen-$CONTROLLER_GEN_VERSION"
  if ! is_done "$cg"; then
    cgs="$(start_build "$cg")"
    go_install_into "$cgs" "sigs.k8s.io/controller-tools/cmd/controller-gen@$CONTROLLER_GEN_VERSION"
    finish_build "$cgs" "$cg"
  fi
  for row in "${CRD_GO_APIS[@]}"; do
    read -r mod pkgs <<<"$row"
    log "$mod: controller-gen for $pkgs"
    src="$work/src/$(echo "$mod" | tr '/@' '__')"
    mkdir -p "$src"
    cp -r "$(go_module_dir "$mod")/." "$src/"
    chmod -R u+w "$src"
    paths=()
    for p in $pkgs; do paths+=("paths=./$p"); done
    (cd "$src" && go mod download && "$cg/bin/controller-gen" crd:crdVersions=v1 "${paths[@]}" \
      "output:crd:dir=$work/yaml/gen_$(basename "$src")") >&2
  done

  log "converting $(find "$work/yaml" -name '*.y*ml' | wc -l) CRD files"
  (cd "$staging" && FILENAME_FORMAT='{fullgroup}_{kind}_{version}' DENY_ROOT_ADDITIONAL_PROPERTIES=1 \
    "$bin/python" "$converter" $(find "$work/yaml" -name '*.y*ml' | sort) >/dev/null)
  for must in kustomize.toolkit.fluxcd.io_kustomization_v1 helm.toolkit.fluxcd.io_helmrelease_v2 \
    notification.toolkit.fluxcd.io_alert_v1beta3 image.toolkit.fluxcd.io_imagepolicy_v1 \
    gateway.networking.k8s.io_httproute_v1 cert-manager.io_certificate_v1 bitnami.com_sealedsecret_v1alpha1 \
    monitoring.coreos.com_servicemonitor_v1 helm.cattle.io_helmchartconfig_v1; do
    [ -s "$staging/$must.json" ] || die "missing $must.json after conversion"
  done
  log "$(find "$staging" -name '*.json' | wc -l) schemas"
  finish_build "$staging" "$dest"
fi
link crd-schemas "$dest"
log "ready ($dest)"

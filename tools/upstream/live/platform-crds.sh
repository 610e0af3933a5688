#!/usr/bin/env bash
# The CRDs a Sugarkube cluster has before Flux applies its tree and that no chart of the live run
# installs: k3s' own (helm-controller's HelmChart and HelmChartConfig, Traefik's from the
# traefik-crd chart k3s bundles) and the Flux Operator's FluxInstance (its chart cannot be had
# offline): `$SUGARKUBE_CACHE/current/platform-crds/`.
# The rows are those of tools/upstream/pins.json (`crds`) for the components whose chart the run
# cannot install (Traefik: bundled with k3s; flux-operator: an OCI chart on ghcr.io), minus the
# Gateway API set, which gateway-api-crds.sh installs for every live cluster. The charts the run
# does install (cert-manager, kube-prometheus-stack, Longhorn, sealed-secrets) bring their own.
# Bump: the component (packages/cluster/src/components/) and pins.json; the cache key follows.
set -euo pipefail
TOOL_NAME=platform-crds
. "$(dirname "$0")/lib.sh"

need python3 "apt-get install python3"
rows="$(python3 - "$PINS_FILE" <<'PY'
import json, sys
pins = json.load(open(sys.argv[1]))
wanted = {'traefik', 'flux-operator'}
rows = [f"{c['module']}@{c['version']} {' '.join(c['paths'])}" for c in pins['crds']
        if c['component'] in wanted and c['kind'] == 'files' and c['module'] != 'sigs.k8s.io/gateway-api']
if not rows:
    sys.exit(f'no CRD rows for {sorted(wanted)} in {sys.argv[1]}')
print('\n'.join(rows))
PY
)"
mapfile -t SOURCES <<<"$rows"
key="$( (cat "$0"; printf '%s\n' "${SOURCES[@]}") | sha256sum | cut -c1-12)"
dest="$SUGARKUBE_CACHE/platform-crds-$key"
if ! is_done "$dest"; then
  dirs=()
  for row in "${SOURCES[@]}"; do
    read -r mod _ <<<"$row"
    dirs+=("$(go_module_dir "$mod")")
  done
  fetch_done && exit 0
  staging="$(start_build "$dest")"
  i=0
  for row in "${SOURCES[@]}"; do
    read -r mod globs <<<"$row"
    n=0
    for g in $globs; do
      for f in "${dirs[$i]}"/$g; do
        [ -f "$f" ] || die "$mod: no file matches $g"
        out="$staging/$(echo "${mod%@*}" | tr '/' '_')_$(basename "$f")"
        cp "$f" "$out" && chmod u+w "$out"
        n=$((n + 1))
      done
    done
    log "$mod: $n CRD file(s)"
    i=$((i + 1))
  done
  for must in helmchartconfigs.helm.cattle.io helmcharts.helm.cattle.io fluxinstances.fluxcd.controlplane.io; do
    grep -l "^  name: $must$" "$staging"/* >/dev/null || die "no CRD $must among ${SOURCES[*]}"
  done
  finish_build "$staging" "$dest"
fi
fetch_done && exit 0
link platform-crds "$dest"
log "ready ($dest)"

#!/usr/bin/env bash
# helm-charts: the source of the Helm charts the cluster tree installs, at the chart versions its
# components pin, for `helm template` in tests: `$SUGARKUBE_CACHE/current/helm-charts/<chart>/`.
#
# No chart repository is reachable here, but these projects keep their chart in their Go module,
# so each comes from the module proxy (checksum-verified) at the release whose tree holds that
# chart version (a component's `chart.sourceModule`). kube-prometheus-stack (subcharts from other
# repositories), Longhorn (its release is not served) and Traefik (bundled by k3s) are not among them.
# Any edit to this file or to the rows rebuilds the set (the cache key hashes both).
set -euo pipefail
TOOL_NAME=helm-charts
. "$(dirname "$0")/../lib.sh"

# One row per chart whose source a module release holds: CHART MODULE@VERSION CHART_DIR CHART_VERSION,
# from the components in packages/cluster (through tools/upstream/pins.json).
rows="$(pins_rows helm-charts)"
mapfile -t CHARTS <<<"$rows"

key="$( (cat "$0"; printf '%s\n' "${CHARTS[@]}") | sha256sum | cut -c1-12)"
dest="$SUGARKUBE_CACHE/helm-charts-$key"
if ! is_done "$dest"; then
  staging="$(start_build "$dest")"
  for row in "${CHARTS[@]}"; do
    read -r chart mod dir version <<<"$row"
    src="$(go_module_dir "$mod")/$dir"
    [ -f "$src/Chart.yaml" ] || die "$mod: no chart at $dir"
    cp -r "$src" "$staging/$chart"
    chmod -R u+w "$staging/$chart"
    # cert-manager's tree carries v0.0.0 placeholders its release build replaces with the tag.
    if grep -q '^version: v0.0.0$' "$staging/$chart/Chart.yaml"; then
      sed -i -e "s/^version: v0.0.0$/version: $version/" -e "s/^appVersion: v0.0.0$/appVersion: $version/" "$staging/$chart/Chart.yaml"
    fi
    got="$(sed -n 's/^version: *//p' "$staging/$chart/Chart.yaml")"
    [ "$got" = "$version" ] || die "$mod $dir holds chart version $got, not $version"
    log "$chart $version (from $mod)"
  done
  finish_build "$staging" "$dest"
fi
link helm-charts "$dest"
log "ready ($dest)"

#!/usr/bin/env bash
# helm-charts: the source of the Helm charts the cluster tree installs, at the chart versions its
# chart table pins, for `helm template` in tests: `$SUGARKUBE_CACHE/current/helm-charts/<chart>/`.
#
# No chart repository is reachable here, but these projects keep their chart in their Go module,
# so each comes from the module proxy (checksum-verified) at the release whose tree holds that
# chart version. kube-prometheus-stack (subcharts from other repositories), Longhorn (no module)
# and Traefik (bundled by k3s) are not among them.
# Any edit to this file rebuilds the set (the cache key hashes it).
set -euo pipefail
TOOL_NAME=helm-charts
. "$(dirname "$0")/../lib.sh"

#  chart          module@version                        chart directory in the module   chart version
CHARTS=(
  "cert-manager   github.com/cert-manager/cert-manager@v1.21.2  deploy/charts/cert-manager      v1.21.2"
  "sealed-secrets github.com/bitnami-labs/sealed-secrets@v0.40.0 helm/sealed-secrets          2.19.3"
  "external-dns   sigs.k8s.io/external-dns@v0.22.0              charts/external-dns             1.21.1"
  "metallb        go.universe.tf/metallb@v0.15.3                charts/metallb                  0.15.3"
)

key="$(sha256sum "$0" | cut -c1-12)"
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

#!/usr/bin/env bash
# The chart archives of the components whose chart no Go module release holds (so helm-charts.sh
# cannot fetch them): kube-prometheus-stack and Longhorn, at the versions tools/upstream/pins.json
# pins (`components` with a `helm` source and no `sourceModule`), for the live run's chart
# repository: `$SUGARKUBE_CACHE/current/upstream-charts/<chart>-<version>.tgz`.
#
# Setting: SUGARKUBE_CHART_ARCHIVES, a folder holding `<chart>-<version>.tgz`, each checked
# against the sha256 pinned below (on the 2-core machine: /work/shared/charts, packaged from the
# projects' repositories at their release tags; see its README). Unset, `helm pull` fetches each
# chart from the repository URL its component names (the published archive: Helm checks no
# digest without a provenance file; the script checks the chart's name and version).
# Bump: the component and pins.json, and (for the folder) the sha256 line of the new archive.
set -euo pipefail
TOOL_NAME=upstream-charts
. "$(dirname "$0")/lib.sh"

# sha256 of the archives in SUGARKUBE_CHART_ARCHIVES, by file name.
declare -A SHA256=(
  [kube-prometheus-stack-88.1.3.tgz]=125d63ef8721b6e50970cd18e479c21855949490a944a854c64ee4f266e8737f
  [longhorn-1.12.1.tgz]=9f9691032515f7a239350ac728cb9a955b102fd44aec8c3092537eb88d6e8b48
)

need python3 "apt-get install python3"
rows="$(python3 - "$PINS_FILE" <<'PY'
import json, sys
pins = json.load(open(sys.argv[1]))
rows = [f"{c['chart']} {c['version']} {c['source']['url']}" for c in pins['components']
        if c.get('source', {}).get('kind') == 'helm' and 'sourceModule' not in c]
if not rows:
    sys.exit(f'no helm components without a sourceModule in {sys.argv[1]}')
print('\n'.join(rows))
PY
)"
mapfile -t CHARTS <<<"$rows"
# Either source gives the same chart versions: a warm cache is kept whichever the next run names.
key="$( (cat "$0"; printf '%s\n' "${CHARTS[@]}") | sha256sum | cut -c1-12)"
dest="$SUGARKUBE_CACHE/upstream-charts-$key"
if ! is_done "$dest"; then
  fetch_done && exit 0 # copies or one small download per chart: done in the build phase
  staging="$(start_build "$dest")"
  for row in "${CHARTS[@]}"; do
    read -r chart version url <<<"$row"
    file="$chart-$version.tgz"
    if [ -n "${SUGARKUBE_CHART_ARCHIVES:-}" ]; then
      [ -f "$SUGARKUBE_CHART_ARCHIVES/$file" ] || die "SUGARKUBE_CHART_ARCHIVES=$SUGARKUBE_CHART_ARCHIVES: expected $file there, found: $(find "$SUGARKUBE_CHART_ARCHIVES" -maxdepth 1 -name '*.tgz' -printf '%f ')"
      [ -n "${SHA256[$file]:-}" ] || die "$file: no sha256 pinned in $0 (add the archive's sha256 to SHA256)"
      got="$(sha256sum "$SUGARKUBE_CHART_ARCHIVES/$file" | cut -d' ' -f1)"
      [ "$got" = "${SHA256[$file]}" ] || die "$SUGARKUBE_CHART_ARCHIVES/$file: expected sha256 ${SHA256[$file]}, received $got"
      cp "$SUGARKUBE_CHART_ARCHIVES/$file" "$staging/$file"
    else
      [ -x "$CURRENT/helm" ] || die "$CURRENT/helm is missing: run bash tools/upstream/install.sh first"
      "$CURRENT/helm" pull "$chart" --repo "$url" --version "$version" --destination "$staging" >&2 ||
        die "helm pull $chart $version from $url failed; offline, set SUGARKUBE_CHART_ARCHIVES to a folder holding $file"
      [ -f "$staging/$file" ] || die "helm pull $chart $version wrote $(ls "$staging"), not $file"
    fi
    meta="$(tar -xzOf "$staging/$file" "$chart/Chart.yaml")" || die "$file holds no $chart/Chart.yaml"
    printf '%s\n' "$meta" | grep -qx "name: $chart" || die "$file: Chart.yaml does not name $chart"
    printf '%s\n' "$meta" | grep -qE "^version: \"?$version\"?$" || die "$file: Chart.yaml is not version $version"
    log "$file (from ${SUGARKUBE_CHART_ARCHIVES:-$url})"
  done
  finish_build "$staging" "$dest"
fi
fetch_done && exit 0
link upstream-charts "$dest"
log "ready ($dest)"

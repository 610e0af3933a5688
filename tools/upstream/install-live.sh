#!/usr/bin/env bash
# Builds the live cluster's binaries and CRDs (tools/upstream/live/*.sh) into $SUGARKUBE_CACHE:
# etcd, kube-apiserver, kube-controller-manager, kube-scheduler, kubectl, kwok and its stages,
# the six Flux controllers with their CRDs, the Gateway API CRDs, the platform CRDs (k3s',
# the Flux Operator's) and the chart archives no module holds (kube-prometheus-stack, Longhorn).
# Run after install.sh (kwok's stages are rendered with its kustomize entry point; the charts
# use its helm).
#
# Scheduling, for a 2-core machine: every script's fetch phase (module downloads: network)
# starts at once in the background, while the build phases (compiles: CPU) run one after the
# other in ORDER. Each `go build` already uses every core (-p defaults to GOMAXPROCS), so two
# builds at once only split the cores, double the peak memory (kube-apiserver's link takes
# about 2 GiB) and make each build's time unreadable; downloads meanwhile overlap the compiles.
# A warm cache is a no-op (each script checks .done first).
#
# Settings: SUGARKUBE_FLUX_SOURCES, a folder of `git archive` tarballs of the Flux controllers
# the module proxy refuses (default: clone their tags from GitHub; see live/lib.sh);
# SUGARKUBE_CHART_ARCHIVES, a folder of chart archives (default: `helm pull` from the charts'
# repositories; see live/upstream-charts.sh).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
# Biggest first: kubernetes pays the shared k8s.io compile; the Flux controllers reuse part
# of it (same client-go/apimachinery versions compile once).
ORDER=(etcd kubernetes kwok gateway-api-crds platform-crds upstream-charts source-controller kustomize-controller
  helm-controller image-reflector-controller image-automation-controller notification-controller)
for s in "$here"/live/*.sh; do
  name="$(basename "$s" .sh)"
  [ "$name" = lib ] || [[ " ${ORDER[*]} " == *" $name "* ]] || { echo "[live] $name.sh is not in ORDER" >&2; exit 1; }
done

start=$SECONDS
logdir="$(mktemp -d)"
trap 'rm -rf "$logdir"' EXIT
declare -A fetches=()
for name in "${ORDER[@]}"; do
  bash "$here/live/$name.sh" fetch >"$logdir/$name.fetch.log" 2>&1 &
  fetches[$name]=$!
done
failed=()
times=()
for name in "${ORDER[@]}"; do
  t0=$SECONDS
  if bash "$here/live/$name.sh" build; then
    times+=("$name $((SECONDS - t0)) s")
  else
    failed+=("$name")
  fi
done
for name in "${!fetches[@]}"; do
  # A failed fetch shows again in its build; print its log for the cause.
  wait "${fetches[$name]}" || { echo "[live] fetch of $name failed:" >&2; cat "$logdir/$name.fetch.log" >&2; }
done
echo "[live] build phase per script: ${times[*]/%/,}" >&2
if [ "${#failed[@]}" -gt 0 ]; then
  echo "[live] FAILED: ${failed[*]} (see the lines above)" >&2
  exit 1
fi
echo "[live] all live-cluster binaries ready in $((SECONDS - start)) s" >&2

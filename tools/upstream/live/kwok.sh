#!/usr/bin/env bash
# kwok (simulated kubelets: Node objects that heartbeat, pods that become Running and Ready)
# and its stage definitions: `$SUGARKUBE_CACHE/current/kwok` and `current/kwok-stages.yaml`.
# The stages are kwok's own `kustomize/stage/fast` set (node initialize + heartbeat with a
# lease, pod create → ready → delete), rendered from the same module version with the
# repo's kustomize entry point (tools/upstream/tools/kustomize.sh: run install.sh first).
# Bump: change VERSION (see `go list -m -versions sigs.k8s.io/kwok`).
set -euo pipefail
TOOL_NAME=kwok
. "$(dirname "$0")/lib.sh"
VERSION=v0.8.0
MODULE=sigs.k8s.io/kwok

dest="$SUGARKUBE_CACHE/kwok-$VERSION"
prepare() { wrapper_go_mod "$1" "$MODULE" "$VERSION"; }
if ! is_done "$dest"; then
  src="$(prepared_module "kwok-$VERSION" prepare "$MODULE/cmd/kwok")"
  fetch_done && exit 0
  [ -x "$CURRENT/kustomize" ] || die "$CURRENT/kustomize is missing: run bash tools/upstream/install.sh first"
  staging="$(start_build "$dest")"
  go_build_into "$staging" "$src" "$MODULE/cmd/kwok" "-X $MODULE/pkg/consts.Version=${VERSION#v}"
  smoke "$staging/bin/kwok" --version "${VERSION#v}"
  "$CURRENT/kustomize" build "$(go_module_dir "$MODULE@$VERSION")/kustomize/stage/fast" >"$staging/stages.yaml"
  for stage in node-initialize node-heartbeat-with-lease pod-ready pod-delete; do
    grep -q "^  name: $stage$" "$staging/stages.yaml" || die "stage $stage missing from kustomize/stage/fast"
  done
  finish_build "$staging" "$dest"
fi
fetch_done && exit 0
link kwok "$dest/bin/kwok"
link kwok-stages.yaml "$dest/stages.yaml"
log "$VERSION ready"

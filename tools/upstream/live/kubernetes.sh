#!/usr/bin/env bash
# The Kubernetes control plane for the live cluster, and the kubectl of the same release:
# `$SUGARKUBE_CACHE/current/{kube-apiserver,kube-controller-manager,kube-scheduler,kubectl}`.
#
# k8s.io/kubernetes cannot be `go install`ed: its go.mod replaces every k8s.io staging module
# with ./staging/src/k8s.io/<name>, which a module zip does not carry. A wrapper module
# requires k8s.io/kubernetes at VERSION and replaces each staging module with its published
# copy (v0.<minor>.<patch>); the staging list is read from k8s.io/kubernetes' own go.mod.
# The version is stamped as Kubernetes' release build does (hack/lib/version.sh), or the
# binaries would report v0.0.0-master. The four commands share one Go build cache, so the
# first pays for most of the compile and the others reuse it.
# Bump: change VERSION (see `go list -m -versions k8s.io/kubernetes`; the staging modules
# must be served at the matching v0.x.y).
set -euo pipefail
TOOL_NAME=kubernetes
. "$(dirname "$0")/lib.sh"
VERSION=v1.35.4
COMMANDS=(kube-apiserver kube-controller-manager kube-scheduler kubectl)

dest="$SUGARKUBE_CACHE/kubernetes-$VERSION"
staging_version="v0.${VERSION#v1.}"
prepare() {
  local gomod
  wrapper_go_mod "$1" k8s.io/kubernetes "$VERSION"
  gomod="$(json_field GoMod "$(cd "$NOMOD" && go mod download -json "k8s.io/kubernetes@$VERSION")")"
  mapfile -t staged < <(sed -n 's#^[[:space:]]*\(k8s\.io/[a-z0-9-]*\) => \./staging/src/k8s\.io/.*#\1#p' "$gomod")
  [ "${#staged[@]}" -gt 20 ] || die "k8s.io/kubernetes@$VERSION: expected its staging replace lines, found ${#staged[@]}"
  for m in "${staged[@]}"; do printf 'replace %s => %s %s\n' "$m" "$m" "$staging_version"; done >>"$1/go.mod"
}
if ! is_done "$dest"; then
  pkgs=()
  for c in "${COMMANDS[@]}"; do pkgs+=("k8s.io/kubernetes/cmd/$c"); done
  src="$(prepared_module "kubernetes-$VERSION" prepare "${pkgs[@]}")"
  fetch_done && exit 0
  minor="${VERSION#v1.}"
  minor="${minor%%.*}"
  v=k8s.io/component-base/version
  c=k8s.io/client-go/pkg/version
  stamp="-X $v.gitVersion=$VERSION -X $v.gitMajor=1 -X $v.gitMinor=$minor -X $v.gitTreeState=clean"
  stamp+=" -X $c.gitVersion=$VERSION -X $c.gitMajor=1 -X $c.gitMinor=$minor -X $c.gitTreeState=clean"
  staging="$(start_build "$dest")"
  for cmd in "${COMMANDS[@]}"; do
    go_build_into "$staging" "$src" "k8s.io/kubernetes/cmd/$cmd" "$stamp"
  done
  for cmd in kube-apiserver kube-controller-manager kube-scheduler; do
    smoke "$staging/bin/$cmd" --version "^Kubernetes $VERSION$"
  done
  smoke "$staging/bin/kubectl" version --client "Client Version: $VERSION"
  finish_build "$staging" "$dest"
fi
fetch_done && exit 0
for cmd in "${COMMANDS[@]}"; do link "$cmd" "$dest/bin/$cmd"; done
log "$VERSION ready"

#!/usr/bin/env bash
# kubeconform: Kubernetes manifest validator, built from the Go module proxy.
# Bump: change VERSION (see `go list -m -versions github.com/yannh/kubeconform`).
set -euo pipefail
TOOL_NAME=kubeconform
. "$(dirname "$0")/../lib.sh"
VERSION=v0.8.0
dest="$SUGARKUBE_CACHE/kubeconform-$VERSION-2" # -2: the build stamps its version
if ! is_done "$dest"; then
  staging="$(start_build "$dest")"
  go_install_into "$staging" "github.com/yannh/kubeconform/cmd/kubeconform@$VERSION" "-X main.version=$VERSION"
  [ "$("$staging/bin/kubeconform" -v)" = "$VERSION" ] || die "kubeconform -v does not print $VERSION"
  finish_build "$staging" "$dest"
fi
link kubeconform "$dest/bin/kubeconform"
log "$VERSION ready"

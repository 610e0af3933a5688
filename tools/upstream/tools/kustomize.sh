#!/usr/bin/env bash
# kustomize: one entry point, `$SUGARKUBE_CACHE/current/kustomize build DIR`.
# Uses `kubectl kustomize` when kubectl (with kustomize v5 inside) is on PATH, else
# builds sigs.k8s.io/kustomize/kustomize/v5 at the pinned VERSION from the Go module proxy.
# SUGARKUBE_KUSTOMIZE=build forces the pinned build even when kubectl exists.
# Bump: change VERSION (see `go list -m -versions sigs.k8s.io/kustomize/kustomize/v5`).
set -euo pipefail
TOOL_NAME=kustomize
. "$(dirname "$0")/../lib.sh"
VERSION=v5.8.1

kubectl_kustomize_version() {
  command -v kubectl >/dev/null 2>&1 || return 1
  kubectl version --client 2>/dev/null | sed -n 's/^Kustomize Version: \(v5\.[0-9.]*\).*/\1/p' | grep . || return 1
}

if [ "${SUGARKUBE_KUSTOMIZE:-auto}" != build ] && kv="$(kubectl_kustomize_version)"; then
  kubectl="$(command -v kubectl)"
  dest="$SUGARKUBE_CACHE/kustomize-kubectl-$kv"
  if ! is_done "$dest"; then
    staging="$(start_build "$dest")"
    mkdir -p "$staging/bin"
    cat >"$staging/bin/kustomize" <<WRAP
#!/usr/bin/env bash
# kustomize entry point backed by kubectl's built-in kustomize $kv.
case "\${1:-}" in
  build) shift; exec "$kubectl" kustomize "\$@" ;;
  version) echo "$kv (kubectl kustomize)"; exit 0 ;;
  *) echo "this kustomize entry point supports: build DIR, version" >&2; exit 2 ;;
esac
WRAP
    chmod +x "$staging/bin/kustomize"
    finish_build "$staging" "$dest"
  fi
  link kustomize "$dest/bin/kustomize"
  log "kubectl kustomize $kv ready"
else
  dest="$SUGARKUBE_CACHE/kustomize-$VERSION"
  if ! is_done "$dest"; then
    staging="$(start_build "$dest")"
    go_install_into "$staging" "sigs.k8s.io/kustomize/kustomize/v5@$VERSION"
    "$staging/bin/kustomize" version >/dev/null
    finish_build "$staging" "$dest"
  fi
  link kustomize "$dest/bin/kustomize"
  log "$VERSION ready"
fi

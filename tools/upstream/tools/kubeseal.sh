#!/usr/bin/env bash
# kubeseal: the sealed-secrets client, `$SUGARKUBE_CACHE/current/kubeseal`. The tests use
# `kubeseal --recovery-unseal --recovery-private-key KEY` to prove that what `sugarkube secret
# seal` produced is exactly what the controller would decrypt.
# The module proxy serves the release as github.com/bitnami-labs/sealed-secrets, but its go.mod
# declares github.com/bitnami/sealed-secrets, so `go install PKG@VERSION` refuses it ("module
# declares its path as …"). Instead: download the module (checksum-verified), copy it (the module
# cache is read-only) and `go build ./cmd/kubeseal` inside the copy, as the main module.
# Bump: change VERSION (see `go list -m -versions github.com/bitnami-labs/sealed-secrets`).
set -euo pipefail
TOOL_NAME=kubeseal
. "$(dirname "$0")/../lib.sh"
MODULE=github.com/bitnami-labs/sealed-secrets
VERSION=v0.40.0

dest="$SUGARKUBE_CACHE/kubeseal-$VERSION"
if ! is_done "$dest"; then
  src="$(go_module_dir "$MODULE@$VERSION")"
  staging="$(start_build "$dest")"
  cp -r "$src" "$staging/src"
  chmod -R u+w "$staging/src"
  log "go build ./cmd/kubeseal in a copy of $MODULE@$VERSION"
  # -X stamps the version the release Makefile would (kubeseal --version prints it).
  (cd "$staging/src" && go build -trimpath -ldflags="-s -w -X main.VERSION=$VERSION" -o "$staging/bin/kubeseal" ./cmd/kubeseal)
  rm -rf "$staging/src"
  "$staging/bin/kubeseal" --version | grep -qF "$VERSION" || die "kubeseal --version does not say $VERSION"
  finish_build "$staging" "$dest"
fi
link kubeseal "$dest/bin/kubeseal"
log "$VERSION ready"

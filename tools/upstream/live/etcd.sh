#!/usr/bin/env bash
# etcd for the live cluster: `$SUGARKUBE_CACHE/current/etcd`.
# The etcd server module's go.mod has `replace` directives (../api, …), so `go install
# go.etcd.io/etcd/server/v3@VERSION` is refused; a two-line wrapper main calling
# etcdmain.Main (what etcd's own main does) builds it from the module proxy.
# Bump: change VERSION (see `go list -m -versions go.etcd.io/etcd/server/v3`).
set -euo pipefail
TOOL_NAME=etcd
. "$(dirname "$0")/lib.sh"
VERSION=v3.6.16
MODULE=go.etcd.io/etcd/server/v3

dest="$SUGARKUBE_CACHE/etcd-$VERSION"
prepare() {
  wrapper_go_mod "$1" "$MODULE" "$VERSION"
  mkdir -p "$1/etcd"
  printf '%s\n' 'package main' '' 'import (' '	"os"' '' '	"go.etcd.io/etcd/server/v3/etcdmain"' ')' '' \
    'func main() { etcdmain.Main(os.Args) }' >"$1/etcd/main.go"
}
if ! is_done "$dest"; then
  src="$(prepared_module "etcd-$VERSION" prepare ./etcd)"
  fetch_done && exit 0
  staging="$(start_build "$dest")"
  go_build_into "$staging" "$src" ./etcd
  smoke "$staging/bin/etcd" --version "etcd Version: ${VERSION#v}"
  finish_build "$staging" "$dest"
fi
fetch_done && exit 0
link etcd "$dest/bin/etcd"
log "$VERSION ready"

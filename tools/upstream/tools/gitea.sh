#!/usr/bin/env bash
# gitea: a forge with GitHub's REST shape (`/api/v1`), on which `sugarkube promote`'s tests push a
# branch and open a pull request through @octokit/rest. `$SUGARKUBE_CACHE/current/gitea` (the
# binary) and `$SUGARKUBE_CACHE/current/gitea-static` (its templates, options and public files:
# STATIC_ROOT_PATH, since the build embeds none of them).
#
# Built from the Go module proxy: `go install` refuses the module (its go.mod has replace
# directives), so the verified module is copied (the module cache is read-only) and built inside
# the copy as the main module, with cgo and the SQLite tags the release uses. v1.27.3 does not
# build from the proxy (one of its dependencies is refused); v1.26.0 does.
# Bump: change VERSION (see `go list -m -versions code.gitea.io/gitea`).
set -euo pipefail
TOOL_NAME=gitea
. "$(dirname "$0")/../lib.sh"
MODULE=code.gitea.io/gitea
VERSION=v1.26.0
TAGS="sqlite sqlite_unlock_notify"

dest="$SUGARKUBE_CACHE/gitea-$VERSION"
if ! is_done "$dest"; then
  need gcc "gitea's SQLite driver needs cgo: apt-get install gcc"
  src="$(go_module_dir "$MODULE@$VERSION")"
  staging="$(start_build "$dest")"
  cp -r "$src" "$staging/src"
  chmod -R u+w "$staging/src"
  log "go build in a copy of $MODULE@$VERSION (cgo, tags: $TAGS)"
  # -X stamps the version the release Makefile would (gitea --version prints it).
  (cd "$staging/src" && CGO_ENABLED=1 go build -trimpath -tags "$TAGS" \
    -ldflags="-s -w -X main.Version=${VERSION#v} -X 'main.Tags=$TAGS'" -o "$staging/bin/gitea" .)
  # What gitea reads from STATIC_ROOT_PATH at run time; the rest of the source is not needed.
  mkdir -p "$staging/static"
  for part in options templates public; do cp -r "$staging/src/$part" "$staging/static/$part"; done
  rm -rf "$staging/src"
  "$staging/bin/gitea" --version | grep -qF "${VERSION#v}" || die "gitea --version does not say ${VERSION#v}"
  finish_build "$staging" "$dest"
fi
link gitea "$dest/bin/gitea"
link gitea-static "$dest/static"
log "$VERSION ready"

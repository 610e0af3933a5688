#!/usr/bin/env bash
# Builds BuildKit's Dockerfile linter (the checks `docker build --check` runs, including
# `# check=skip=` directives) from the Go module proxy at the version pinned in
# dockerfile-lint/go.mod, into ${SUGARKUBE_CACHE:-~/.cache/sugarkube}/bin/dockerfile-lint.
# Idempotent: rebuilds only when go.mod/go.sum/main.go change. Prints the binary's path.
# A cold build downloads the buildkit module graph and takes a few minutes on 2 cores.
set -euo pipefail
here="$(cd "$(dirname "$0")/dockerfile-lint" && pwd)"
CACHE="${SUGARKUBE_CACHE:-$HOME/.cache/sugarkube}"
bin="$CACHE/bin/dockerfile-lint"
stamp="$CACHE/bin/.dockerfile-lint.sum"
sum="$(cat "$here/go.mod" "$here/go.sum" "$here/main.go" | sha256sum | cut -d' ' -f1)"
if [ ! -x "$bin" ] || [ "$(cat "$stamp" 2>/dev/null)" != "$sum" ]; then
  command -v go >/dev/null || { echo "go is missing: install Go >= 1.24 (the module proxy serves buildkit)" >&2; exit 1; }
  mkdir -p "$CACHE/bin"
  (cd "$here" && GOFLAGS=-mod=readonly GOPATH="${GOPATH:-$CACHE/go}" GOCACHE="${GOCACHE:-$CACHE/go-build}" go build -trimpath -o "$bin" .) >&2
  echo "$sum" >"$stamp"
fi
echo "$bin"

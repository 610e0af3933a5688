#!/usr/bin/env bash
# Shared helpers for tools/upstream/live/*.sh (sourced, never run): the live cluster's
# binaries (etcd, the Kubernetes control plane, kwok, the six Flux controllers) and CRDs.
#
# Each script runs in one of two phases, given as its first argument:
#   fetch  prepares its Go module directory and downloads every module its build needs
#          (network-bound: install-live.sh runs all fetches at once, in the background)
#   build  (default) fetches if not done yet, then compiles, smoke-tests and links
#          (CPU-bound: install-live.sh runs the builds one at a time, each `go build` uses
#          every core through its own -p)
# The tool's lock (lib.sh) is held for the whole script, so a build waits for its own
# fetch and never races it.
#
# Layout, on top of lib.sh's: $SUGARKUBE_CACHE/.live-src/<name>/ holds the prepared Go
# module (a wrapper module, or a copy of the upstream module with go.mod fixed), marked
# complete by .fetched. It is only needed to rebuild and can be deleted.
. "$(dirname "${BASH_SOURCE[0]}")/../lib.sh"

PHASE="${1:-build}"
case "$PHASE" in fetch | build) ;; *) die "usage: $0 [fetch|build], received: $PHASE" ;; esac
LIVE_SRC="$SUGARKUBE_CACHE/.live-src"

# Every Go command of these scripts shares Go's one build cache (GOCACHE, Go's default
# unless set) and module cache (GOMODCACHE): the control-plane binaries compile the
# same k8s.io packages once, and a warm machine rebuilds a bumped pin incrementally.

# prepared_module NAME PREPARE PKG...: prints $LIVE_SRC/NAME, a Go module directory written
# by the function `PREPARE DIR`, with every module the packages PKG... need downloaded (go
# list resolves and downloads them without compiling; -mod=mod, from lib.sh, writes go.sum).
prepared_module() {
  local name="$1" prepare="$2" dir
  shift 2
  dir="$LIVE_SRC/$name"
  if [ ! -f "$dir/.fetched" ]; then
    log "fetching $name"
    rm -rf "$dir" "$dir.tmp" && mkdir -p "$dir.tmp"
    "$prepare" "$dir.tmp"
    (cd "$dir.tmp" && go list -deps "$@" >/dev/null) || die "$name: downloading the modules of $* failed"
    touch "$dir.tmp/.fetched"
    mv "$dir.tmp" "$dir"
  fi
  echo "$dir"
}

# wrapper_go_mod DIR MODULE VERSION: a main module requiring MODULE at VERSION, with the
# go and godebug lines of MODULE's own go.mod (so its commands build under the language
# version and GODEBUG defaults upstream releases them with).
wrapper_go_mod() {
  local dir="$1" module="$2" version="$3" gomod
  gomod="$(json_field GoMod "$(cd "$NOMOD" && go mod download -json "$module@$version")")"
  [ -f "$gomod" ] || die "$module@$version: no go.mod from the module proxy"
  {
    printf 'module sugarkube.local/live/%s\n\n' "${module##*/}"
    grep -E '^(go|godebug) ' "$gomod"
    printf '\nrequire %s %s\n' "$module" "$version"
  } >"$dir/go.mod"
}

# module_copy DIR MODULE@VERSION: a writable copy of a module's source from the proxy (to
# build a main module whose go.mod needs fixing before it builds outside its repository).
module_copy() {
  cp -r "$(go_module_dir "$2")/." "$1/"
  chmod -R u+w "$1"
}

# go_build_into DEST SRC PKG [LDFLAGS]: compiles the command PKG of the prepared module SRC
# into DEST/bin/, stripped and without local paths, and logs the time it took.
go_build_into() {
  local dest="$1" src="$2" pkg="$3" ldflags="${4:-}" t0=$SECONDS
  log "go build $pkg"
  mkdir -p "$dest/bin"
  (cd "$src" && go build -trimpath -ldflags="-s -w $ldflags" -o "$dest/bin/" "$pkg") || die "go build $pkg failed"
  if [ "$pkg" = . ]; then pkg="$TOOL_NAME"; fi
  log "built $(basename "$pkg") in $((SECONDS - t0)) s"
}

# fetch_done: true (and the script should stop) when this run is only the fetch phase.
fetch_done() { [ "$PHASE" = fetch ]; }

# smoke DEST/bin/CMD ARGS... PATTERN: the fresh binary runs and its output (stdout and
# stderr, whatever the exit code: some print help and exit 2) matches PATTERN.
smoke() {
  local pattern="${*: -1}" out
  out="$("${@:1:$#-1}" 2>&1)" || true
  printf '%s' "$out" | grep -qE -- "$pattern" || die "$* : expected output matching /$pattern/, received: $(printf '%s' "$out" | head -5)"
}

# Flux controllers ------------------------------------------------------------------------
# flux_controller NAME VERSION proxy [FIXUP]
# flux_controller NAME VERSION tarball SHA256 COMMIT [FIXUP]
#   builds fluxcd/NAME at VERSION into $SUGARKUBE_CACHE/NAME-VERSION/{bin/NAME,crds/*.yaml}
# and links current/NAME and current/NAME-crds (the CRDs come from the same source:
# config/crd/bases). `proxy`: the module proxy serves the root module; `tarball`: it does
# not, the source comes from flux_source. FIXUP DIR, when given, edits the copied
# module before its modules are fetched. Every controller's go.mod replaces its api module
# with ./api, a nested module the proxy's zip leaves out: that replace is dropped, so the
# published api module at the version its require line names is used.
flux_controller() {
  FLUX_NAME="$1" FLUX_VERSION="$2" FLUX_FROM="$3" FLUX_SHA="${4:-}" FLUX_COMMIT="${5:-}" FLUX_FIXUP="${6:-}"
  if [ "$FLUX_FROM" = proxy ]; then FLUX_FIXUP="${4:-}"; fi
  local name="$1" version="$2" dest src staging
  dest="$SUGARKUBE_CACHE/$name-$version"
  if ! is_done "$dest"; then
    src="$(prepared_module "$name-$version" prepare_flux_source .)"
    fetch_done && return 0
    staging="$(start_build "$dest")"
    go_build_into "$staging" "$src" .
    smoke "$staging/bin/$name" --help 'metrics-addr'
    mkdir -p "$staging/crds"
    cp "$src"/config/crd/bases/*.yaml "$staging/crds/"
    finish_build "$staging" "$dest"
  fi
  fetch_done && return 0
  link "$name" "$dest/bin/$name"
  link "$name-crds" "$dest/crds"
  log "$version ready"
}
# prepare_flux_source DIR: the source of the controller flux_controller was called for.
prepare_flux_source() {
  if [ "$FLUX_FROM" = proxy ]; then
    module_copy "$1" "github.com/fluxcd/$FLUX_NAME@$FLUX_VERSION"
    (cd "$1" && go mod edit -dropreplace="github.com/fluxcd/$FLUX_NAME/api")
  else
    flux_source "$1" "$FLUX_NAME" "$FLUX_VERSION" "$FLUX_SHA" "$FLUX_COMMIT"
  fi
  if [ -n "$FLUX_FIXUP" ]; then "$FLUX_FIXUP" "$1"; fi
}

# flux_source DIR NAME TAG SHA256 COMMIT: the source of fluxcd/NAME at TAG, for the
# controllers the module proxy does not serve. With SUGARKUBE_FLUX_SOURCES set, from the
# `git archive` tarball $SUGARKUBE_FLUX_SOURCES/NAME-TAG.tar.gz (checked against SHA256);
# otherwise a shallow clone of the release tag from GitHub (checked against COMMIT).
flux_source() {
  local dir="$1" name="$2" tag="$3" sha="$4" commit="$5" tarball got
  if [ -n "${SUGARKUBE_FLUX_SOURCES:-}" ]; then
    tarball="$SUGARKUBE_FLUX_SOURCES/$name-$tag.tar.gz"
    [ -f "$tarball" ] || die "SUGARKUBE_FLUX_SOURCES=$SUGARKUBE_FLUX_SOURCES: expected $name-$tag.tar.gz there, found: $(find "$SUGARKUBE_FLUX_SOURCES" -maxdepth 1 -name '*.tar.gz' -printf '%f ')"
    got="$(sha256sum "$tarball" | cut -d' ' -f1)"
    [ "$got" = "$sha" ] || die "$tarball: expected sha256 $sha, received $got"
    tar xzf "$tarball" -C "$dir" --strip-components=1
  else
    need git
    log "cloning github.com/fluxcd/$name at $tag (set SUGARKUBE_FLUX_SOURCES to a folder of tarballs instead)"
    git clone --quiet --depth 1 --branch "$tag" "https://github.com/fluxcd/$name.git" "$dir" >&2 ||
      die "git clone of github.com/fluxcd/$name $tag failed; offline, set SUGARKUBE_FLUX_SOURCES to a folder holding $name-$tag.tar.gz"
    got="$(git -C "$dir" rev-parse HEAD)"
    [ "$got" = "$commit" ] || die "github.com/fluxcd/$name $tag: expected commit $commit, received $got"
    rm -rf "$dir/.git"
  fi
}

#!/usr/bin/env bash
# Shared helpers for tools/upstream/tools/*.sh (sourced, never run).
#
# Layout of the cache (never inside the repo):
#   $SUGARKUBE_CACHE/<tool>-<version>/     one directory per pinned tool, written
#                                          atomically, marked complete by .done
#   $SUGARKUBE_CACHE/current/<entry>       symlinks @sugarkube/verify resolves
# A warm cache is a no-op: each script checks .done before doing anything.
set -euo pipefail

SUGARKUBE_CACHE="${SUGARKUBE_CACHE:-$HOME/.cache/sugarkube}"
export SUGARKUBE_CACHE
CURRENT="$SUGARKUBE_CACHE/current"
mkdir -p "$CURRENT"

# One installer per tool at a time (helpers and CI may run install.sh concurrently):
# the lock is held until the script exits; a second run waits, then finds .done.
lock() {
  local fd
  exec {fd}>"$SUGARKUBE_CACHE/.lock-$1"
  flock "$fd"
}
if [ -n "${TOOL_NAME:-}" ]; then lock "$TOOL_NAME"; fi

# Go builds and module downloads: module mode, the configured proxy, no VCS stamping.
export GOFLAGS="${GOFLAGS:--mod=mod} -buildvcs=false"
export CGO_ENABLED=0 GOWORK=off
# Go commands run outside any module: from an empty directory of the cache.
NOMOD="$SUGARKUBE_CACHE/.nomod"
mkdir -p "$NOMOD"

log() { printf '[upstream %s] %s\n' "${TOOL_NAME:-?}" "$*" >&2; }
die() { log "ERROR: $*"; exit 1; }

need() { command -v "$1" >/dev/null 2>&1 || die "$1 is required (${2:-install it first})"; }

# is_done DIR: the directory was completely built before.
is_done() { [ -f "$1/.done" ]; }

# start_build DIR: prints a fresh staging dir beside DIR (same filesystem, so the
# final mv is atomic). finish_build STAGING DIR marks it complete and moves it in.
start_build() {
  local dest="$1"
  mkdir -p "$(dirname "$dest")"
  rm -rf "$dest".tmp.* # left by an interrupted run (this tool's lock is held)
  mkdir -p "$dest.tmp.$$"
  echo "$dest.tmp.$$"
}
finish_build() {
  local staging="$1" dest="$2"
  date -u +%FT%TZ >"$staging/.done"
  rm -rf "$dest"
  mv "$staging" "$dest"
}

# link ENTRY TARGET: points $CURRENT/ENTRY at TARGET (re-pointed on every run, cheap).
link() { ln -sfn "$2" "$CURRENT/$1"; }

# The pins of what the cluster runs and the repo builds with (charts, CRD sources, Flux, base
# images, action SHAs), generated from the code (tools/repo-checks/src/upstream-pins.ts) and
# checked in, so these scripts run on a fresh machine before any TypeScript is built;
# tools/repo-checks' test fails when the file and the code differ.
PINS_FILE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/pins.json"

# pins_rows SECTION: one line per entry of a section of the pins file, fields separated by spaces:
#   helm-charts   CHART MODULE@VERSION CHART_DIR CHART_VERSION  (charts whose source a module release holds)
#   crd-files     MODULE@VERSION GLOB...                         (CRD YAML inside the module zip)
#   crd-go-types  MODULE@VERSION PACKAGE...                      (Go API packages for controller-gen)
pins_rows() {
  need python3 "apt-get install python3"
  python3 - "$PINS_FILE" "$1" <<'PY'
import json, sys
pins = json.load(open(sys.argv[1]))
section = sys.argv[2]
if section == 'helm-charts':
    rows = [[c['chart'], f"{c['sourceModule']['module']}@{c['sourceModule']['version']}", c['sourceModule']['path'], c['version']]
            for c in pins['components'] if 'sourceModule' in c]
elif section in ('crd-files', 'crd-go-types'):
    rows = [[f"{c['module']}@{c['version']}", *c['paths']] for c in pins['crds'] if c['kind'] == section[len('crd-'):]]
else:
    sys.exit(f'pins_rows: no section {section!r} (helm-charts, crd-files, crd-go-types)')
if not rows:
    sys.exit(f'pins_rows: no {section} rows in {sys.argv[1]}')
for row in rows:
    print(' '.join(row))
PY
}

# go_module_dir MODULE@VERSION: downloads a module zip through the Go module proxy
# (checksum-verified against the sum database) and prints its extracted directory.
#
# A module whose go.mod asks for a newer Go than this machine's (GOTOOLCHAIN=local) is
# still downloaded and verified, but go refuses to extract it ("requires go >= X"). We
# only read files from such modules (CRD YAML), never build them, so its verified zip
# is extracted into $SUGARKUBE_CACHE/.modsrc instead.
go_module_dir() {
  need go "Go is preinstalled on this machine kind"
  local json dir zip
  json="$(cd "$NOMOD" && go mod download -json "$1")" && dir="$(json_field Dir "$json")" || dir=""
  if [ -z "$dir" ] && printf '%s' "$json" | grep -q '"Error": ".* requires go \\u003e= '; then
    zip="$(json_field Zip "$json")"
    [ -n "$zip" ] && [ -f "$zip" ] || die "go mod download $1: no verified zip: $json"
    dir="$SUGARKUBE_CACHE/.modsrc/$1"
    if [ ! -f "$dir.done" ]; then
      rm -rf "$dir" "$dir.tmp" && mkdir -p "$dir.tmp"
      python3 -c 'import sys, zipfile; zipfile.ZipFile(sys.argv[1]).extractall(sys.argv[2])' "$zip" "$dir.tmp"
      mv "$dir.tmp/$1" "$dir" && rm -rf "$dir.tmp" && touch "$dir.done"
    fi
  fi
  [ -n "$dir" ] && [ -d "$dir" ] || die "go mod download $1 gave no directory: $json"
  echo "$dir"
}
# json_field NAME JSON: a string field of `go mod download -json` output.
json_field() { printf '%s' "$2" | sed -n 's/^[[:space:]]*"'"$1"'": "\(.*\)",\{0,1\}$/\1/p'; }

# go_install_into DIR PACKAGE@VERSION [LDFLAGS]: builds a Go command into DIR/bin
# (extra LDFLAGS, e.g. -X main.version=..., stamp the version goreleaser would).
go_install_into() {
  need go "Go is preinstalled on this machine kind"
  log "go install $2"
  (cd "$NOMOD" && GOBIN="$1/bin" go install -trimpath -ldflags="-s -w ${3:-}" "$2")
}

# install_go_command ENTRY DEST PACKAGE@VERSION "CHECK ARGS" [LDFLAGS]: builds a Go command once
# into the cache directory DEST, runs `<command> CHECK ARGS` on the build as a smoke test, and
# links $CURRENT/ENTRY to it. A warm DEST (marked .done) skips straight to the link.
install_go_command() {
  local entry="$1" dest="$2" pkg="$3" check="$4" ldflags="${5:-}" command staging
  command="${pkg%@*}"
  command="${command##*/}"
  if ! is_done "$dest"; then
    staging="$(start_build "$dest")"
    go_install_into "$staging" "$pkg" "$ldflags"
    # shellcheck disable=SC2086 # CHECK ARGS is a word list
    "$staging/bin/$command" $check >/dev/null || die "$command $check failed on the fresh build"
    finish_build "$staging" "$dest"
  fi
  link "$entry" "$dest/bin/$command"
}

# python_venv DIR REQUIREMENT...: a venv in DIR/venv (built in place: venv scripts
# embed their absolute path, so it is not moved; the caller writes DIR/.done last) with exactly these pinned
# requirements (installed with --no-deps: every dependency is pinned by the caller).
python_venv() {
  local dir="$1"; shift
  need python3 "apt-get install python3 python3-venv"
  python3 -m venv "$dir/venv" || die "python3 -m venv failed (Debian: apt-get install python3-venv)"
  "$dir/venv/bin/pip" install --quiet --disable-pip-version-check --no-deps --prefer-binary "$@"
}

# schema_venv: prints the bin dir of the pinned Python venv used for schema
# conversion: openapi2jsonschema (instrumenta, the converter behind
# kubernetes-json-schema) and PyYAML for kubeconform's CRD converter.
# openapi2jsonschema 0.9.1 declares pyyaml<6 and jsonref<0.3; PyYAML 5 no longer
# builds on current Python, and 6 keeps the SafeLoader API it uses.
SCHEMA_VENV_PINS=(openapi2jsonschema==0.9.1 jsonref==0.2 click==7.1.2 colorama==0.4.6 pyyaml==6.0.3)
schema_venv() {
  local dir="$SUGARKUBE_CACHE/schema-python-$(printf '%s ' "${SCHEMA_VENV_PINS[@]}" | sha256sum | cut -c1-12)"
  lock schema-python
  if ! is_done "$dir"; then
    log "python venv for schema conversion: ${SCHEMA_VENV_PINS[*]}"
    rm -rf "$dir" && mkdir -p "$dir"
    python_venv "$dir" "${SCHEMA_VENV_PINS[@]}"
    date -u +%FT%TZ >"$dir/.done"
  fi
  echo "$dir/venv/bin"
}

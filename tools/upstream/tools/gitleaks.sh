#!/usr/bin/env bash
# gitleaks: secret scanner, built from the Go module proxy. The tests scan the generated app
# trees and examples/ with it (zero findings, and a planted secret must be found), and
# @sugarkube/manifests ports the rules of this release (src/descriptor/gitleaks-rules.ts, generated
# from the release's own config/gitleaks.toml, installed beside the binary as TOML and JSON).
# Bump: change VERSION (see `go list -m -versions github.com/zricethezav/gitleaks/v8`), then
# regenerate the ported rules: `node packages/manifests/scripts/generate-gitleaks-rules.ts`.
set -euo pipefail
TOOL_NAME=gitleaks
. "$(dirname "$0")/../lib.sh"
VERSION=v8.30.1
module=github.com/zricethezav/gitleaks/v8
dest="$SUGARKUBE_CACHE/gitleaks-$VERSION"
if ! is_done "$dest"; then
  need python3 "apt-get install python3"
  staging="$(start_build "$dest")"
  # -X stamps the version goreleaser would (a plain build prints "version is set by build process").
  go_install_into "$staging" "$module@$VERSION" "-X $module/version.Version=$VERSION"
  [ "$("$staging/bin/gitleaks" version)" = "$VERSION" ] || die "gitleaks version does not print $VERSION"
  # The release's default rules: the TOML (the wrapper passes it with --config, so a .gitleaks.toml
  # in a scanned tree cannot change them) and the same as JSON (Python's tomllib reads TOML; Node has none).
  src="$(go_module_dir "$module@$VERSION")"
  cp "$src/config/gitleaks.toml" "$staging/gitleaks-config.toml" && chmod u+w "$staging/gitleaks-config.toml"
  python3 -c 'import json, sys, tomllib; json.dump(tomllib.load(open(sys.argv[1], "rb")), open(sys.argv[2], "w"), indent=1)' \
    "$staging/gitleaks-config.toml" "$staging/gitleaks-config.json"
  finish_build "$staging" "$dest"
fi
link gitleaks "$dest/bin/gitleaks"
link gitleaks-config.toml "$dest/gitleaks-config.toml"
link gitleaks-config.json "$dest/gitleaks-config.json"
log "$VERSION ready"

#!/usr/bin/env bash
# The GitHub workflow JSON schema (SchemaStore's github-workflow.json) and a validator
# for it: check-jsonschema from PyPI vendors SchemaStore's schema at each release
# (builtin_schemas/vendor/github-workflows.json), so the pin of check-jsonschema pins
# the schema. Entries: current/check-jsonschema, current/github-workflow-schema.json.
# Bump: change VERSION and re-freeze PINS (pip install check-jsonschema==X; pip freeze).
set -euo pipefail
TOOL_NAME=workflow-schema
. "$(dirname "$0")/../lib.sh"
VERSION=0.39.0
PINS=(check-jsonschema==$VERSION attrs==26.1.0 certifi==2026.10.19.post1 charset-normalizer==3.5.3
  click==8.5.1 idna==3.20 jsonschema==4.26.0 jsonschema-specifications==2025.9.1 referencing==0.37.0
  regress==2026.9.1 requests==2.34.2 rpds-py==2026.9.1 ruamel.yaml==0.19.1 typing_extensions==4.16.0
  urllib3==2.8.0)
dest="$SUGARKUBE_CACHE/check-jsonschema-$VERSION"
if ! is_done "$dest"; then
  rm -rf "$dest" && mkdir -p "$dest"
  log "pip install check-jsonschema==$VERSION"
  python_venv "$dest" "${PINS[@]}"
  schema="$(find "$dest/venv" -path '*check_jsonschema/builtin_schemas/vendor/github-workflows.json' | head -1)"
  [ -s "$schema" ] || die "check-jsonschema $VERSION vendors no github-workflows.json"
  cp "$schema" "$dest/github-workflow.json"
  "$dest/venv/bin/check-jsonschema" --version >/dev/null
  date -u +%FT%TZ >"$dest/.done"
fi
link check-jsonschema "$dest/venv/bin/check-jsonschema"
link github-workflow-schema.json "$dest/github-workflow.json"
log "$VERSION ready"

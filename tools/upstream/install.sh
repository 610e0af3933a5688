#!/usr/bin/env bash
# Fetches and builds the pinned upstream verifiers into $SUGARKUBE_CACHE.
# Each tool has its own script in tools/; this runs them all, concurrently (the Go
# builds use the CPU while the PyPI and module downloads wait on the network), and
# fails if any fails. A warm cache makes every script a no-op (about a second in all).
# SUGARKUBE_UPSTREAM_SERIAL=1 runs them one after the other.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
start=$SECONDS
declare -A pids=()
for script in "$here"/tools/*.sh; do
  [ -e "$script" ] || continue
  name="$(basename "$script" .sh)"
  if [ -n "${SUGARKUBE_UPSTREAM_SERIAL:-}" ]; then
    bash "$script"
  else
    ( t0=$SECONDS; bash "$script"; echo "[upstream $name] done in $((SECONDS - t0)) s" >&2 ) &
    pids[$name]=$!
  fi
done
failed=()
for name in "${!pids[@]}"; do
  wait "${pids[$name]}" || failed+=("$name")
done
if [ "${#failed[@]}" -gt 0 ]; then
  echo "[upstream] FAILED: ${failed[*]} (see the lines above)" >&2
  exit 1
fi
echo "[upstream] all tools ready in $((SECONDS - start)) s" >&2

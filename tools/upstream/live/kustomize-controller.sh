#!/usr/bin/env bash
# Flux kustomize-controller (Kustomization) for the live cluster: `$SUGARKUBE_CACHE/current/
# kustomize-controller` and `kustomize-controller-crds/`. The version Flux 2.9.5 pins.
# Bump: change VERSION.
set -euo pipefail
TOOL_NAME=kustomize-controller
. "$(dirname "$0")/lib.sh"
VERSION=v1.9.5
flux_controller kustomize-controller "$VERSION" proxy

#!/usr/bin/env bash
# Flux helm-controller (HelmRelease) for the live cluster: `$SUGARKUBE_CACHE/current/
# helm-controller` and `helm-controller-crds/`. The version Flux 2.9.5 pins; it links the
# Helm library tools/upstream/tools/helm.sh builds (helm.sh/helm/v4 v4.2.4).
# Bump: change VERSION, with helm.sh.
set -euo pipefail
TOOL_NAME=helm-controller
. "$(dirname "$0")/lib.sh"
VERSION=v1.6.4
flux_controller helm-controller "$VERSION" proxy

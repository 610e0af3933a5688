#!/usr/bin/env bash
# Flux notification-controller (Alert, Provider, Receiver) for the live cluster:
# `$SUGARKUBE_CACHE/current/notification-controller` and `notification-controller-crds/`.
# Not served by the module proxy: the source comes from SUGARKUBE_FLUX_SOURCES or a clone
# of the tag. Flux 2.9.5 pins v1.9.4; v1.9.3 is at hand.
# Bump: change VERSION, SHA256 and COMMIT.
set -euo pipefail
TOOL_NAME=notification-controller
. "$(dirname "$0")/lib.sh"
VERSION=v1.9.3
SHA256=1141b198998a52d28ac9d6bbd8a9d62caae12a1b53fb6ba892a83ccf33505b86
COMMIT=0b6fcb118ea64a36d7ca7d29904e4f5075be87bc
flux_controller notification-controller "$VERSION" tarball "$SHA256" "$COMMIT"

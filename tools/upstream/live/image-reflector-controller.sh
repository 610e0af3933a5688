#!/usr/bin/env bash
# Flux image-reflector-controller (ImageRepository, ImagePolicy) for the live cluster:
# `$SUGARKUBE_CACHE/current/image-reflector-controller` and `image-reflector-controller-crds/`.
# The module proxy refuses this module: the source comes from SUGARKUBE_FLUX_SOURCES or a
# clone of the tag (lib.sh flux_source). Flux 2.9.5 pins v1.2.5; v1.2.0 is the newest tag
# whose source is at hand here.
# Bump: change VERSION, SHA256 (of `git archive --prefix=NAME-TAG/ TAG | gzip`) and COMMIT.
set -euo pipefail
TOOL_NAME=image-reflector-controller
. "$(dirname "$0")/lib.sh"
VERSION=v1.2.0
SHA256=8e45fdb72314e4b96330b2522fffb54013eaabb68682ac89f2841ff1310863f5
COMMIT=cf3258bac4120a481fecf24d24c5245a5901f9c3
flux_controller image-reflector-controller "$VERSION" tarball "$SHA256" "$COMMIT"

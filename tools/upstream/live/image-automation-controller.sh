#!/usr/bin/env bash
# Flux image-automation-controller (ImageUpdateAutomation: commits setter changes to git)
# for the live cluster: `$SUGARKUBE_CACHE/current/image-automation-controller` and
# `image-automation-controller-crds/`. Not served by the module proxy: the source comes from
# SUGARKUBE_FLUX_SOURCES or a clone of the tag. Flux 2.9.5 pins v1.2.5; v1.2.1 is at hand.
# Bump: change VERSION, SHA256 and COMMIT.
set -euo pipefail
TOOL_NAME=image-automation-controller
. "$(dirname "$0")/lib.sh"
VERSION=v1.2.1
SHA256=b2eef899184dbff2b81efe77e600698c7b3e3b22da8b93fa748143385eb4b059
COMMIT=aec086297d39dc23ece874cad38efcff0b9ac0f5
flux_controller image-automation-controller "$VERSION" tarball "$SHA256" "$COMMIT"

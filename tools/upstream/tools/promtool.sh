#!/usr/bin/env bash
# promtool: Prometheus' rule checker and rule unit-test runner, `$SUGARKUBE_CACHE/current/promtool`.
# Checks the PrometheusRules the cluster tree generates (`promtool check rules`) and runs
# unit tests that prove each alert fires, and stays quiet, on synthetic series (`promtool test rules`).
# Built from the Go module proxy: Prometheus 3.x publishes its Go module as v0.3XX.Y
# (v0.316.0 = Prometheus 3.16.0; the module proxy serves no v3 module path).
# Bump: change VERSION (see `go list -m -versions github.com/prometheus/prometheus`).
set -euo pipefail
TOOL_NAME=promtool
. "$(dirname "$0")/../lib.sh"
VERSION=v0.316.0

# remove_all_sd: Prometheus' own build tag that leaves out the service-discovery plugins
# (AWS, Azure, GCE, …): rule checks and unit tests need none, and the build is minutes shorter.
GOFLAGS="$GOFLAGS -tags=remove_all_sd" \
  install_go_command promtool "$SUGARKUBE_CACHE/promtool-$VERSION" "github.com/prometheus/prometheus/cmd/promtool@$VERSION" --version
log "$VERSION ready"

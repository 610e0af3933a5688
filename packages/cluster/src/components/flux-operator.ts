import type { InfraComponent } from './infra-component.js';
import { podResources } from './pod-resources.js';

/** The operator release; its chart version and its CRDs (FluxInstance) come from the same release. */
const release = '0.59.0';

/**
 * The Flux Operator: the bootstrap installs it once with Helm; from then on its own
 * HelmRelease in `clusters/<env>/flux-system` manages it, and it installs Flux (FluxInstance).
 * @see https://fluxcd.control-plane.io/operator/
 */
export const fluxOperator: InfraComponent = {
  id: 'flux-operator',
  namespace: { name: 'flux-system', podSecurity: 'existing' },
  bootstrap: true,
  chart: {
    version: release,
    source: { kind: 'oci', url: 'oci://ghcr.io/controlplaneio-fluxcd/charts/flux-operator' },
    pinnedBecause:
      'flux-operator v0.59.0 released 2026-08-31 (Go module proxy; the chart version follows the operator); installs Flux 2.9 through FluxInstance',
    values: () => ({ resources: podResources('50m', '64Mi', '256Mi') }),
    workloads: [{ name: 'flux-operator', replicas: 1, requestsPath: 'resources.requests' }],
  },
  crds: [
    {
      kind: 'files',
      module: 'github.com/controlplaneio-fluxcd/flux-operator',
      version: `v${release}`,
      paths: ['config/crd/bases/fluxcd.controlplane.io_fluxinstances.yaml'],
    },
  ],
  enabled: () => true,
};

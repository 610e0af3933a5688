import { kubeObject, managedByLabel } from '../plan/kube-object.js';
import type { ConfigFiles, InfraComponent } from './infra-component.js';
import { podResources } from './pod-resources.js';

/** The MetalLB release: its chart (in the module's tree) and CRDs come from it. */
const release = { module: 'go.universe.tf/metallb', version: 'v0.15.3' } as const;

/**
 * MetalLB in L2 mode: Traefik's LoadBalancer address from the environment's pool. Only where
 * the exposure is `metallb` (the tunnel needs no LAN address).
 * @see https://metallb.io/configuration/
 */
export const metallb: InfraComponent = {
  id: 'metallb',
  namespace: { name: 'metallb-system', podSecurity: 'privileged' },
  chart: {
    version: release.version.slice(1),
    source: { kind: 'helm', url: 'https://metallb.github.io/metallb' },
    pinnedBecause: 'MetalLB chart 0.15.3 seen current in public repos late 2026',
    values: () => ({
      controller: { resources: podResources('10m', '32Mi', '96Mi') },
      speaker: { resources: podResources('10m', '32Mi', '96Mi'), frr: { enabled: false } },
    }),
    workloads: [
      { name: 'controller', replicas: 1, requestsPath: 'controller.resources.requests' },
      { name: 'speaker', replicas: 'per-node', requestsPath: 'speaker.resources.requests' },
    ],
    sourceModule: { ...release, path: 'charts/metallb' },
  },
  // The address pool and its L2 advertisement.
  configs: ({ env }): ConfigFiles => {
    if (env.exposure.kind !== 'metallb') return {};
    const meta = (name: string) => ({ name, namespace: 'metallb-system', labels: { ...managedByLabel } });
    return {
      'metallb.yaml': [
        kubeObject('metallb.io/v1beta1', 'IPAddressPool', meta('sugarkube'), {
          spec: { addresses: [...env.exposure.addresses] },
        }),
        kubeObject('metallb.io/v1beta1', 'L2Advertisement', meta('sugarkube'), {
          spec: { ipAddressPools: ['sugarkube'] },
        }),
      ],
    };
  },
  crds: [{ kind: 'files', ...release, paths: ['config/crd/bases/*.yaml'] }],
  enabled: (_, env) => env.exposure.kind === 'metallb',
};

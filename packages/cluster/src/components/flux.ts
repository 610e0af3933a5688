import { planFluxNotifications } from './flux-notifications.js';
import type { InfraComponent } from './infra-component.js';

/** The Flux controllers the FluxInstance installs: the defaults plus image automation (staging follows builds). */
export const fluxControllers = [
  'source-controller',
  'kustomize-controller',
  'helm-controller',
  'notification-controller',
  'image-reflector-controller',
  'image-automation-controller',
] as const;

/**
 * Flux itself, installed and upgraded by the Flux Operator: the FluxInstance pins the minor
 * (2.9.x) and the operator follows its patch releases. Its notifications (GitHub commit status,
 * chat) are its configs.
 * @see https://fluxcd.control-plane.io/operator/fluxinstance/
 */
export const flux: InfraComponent = {
  id: 'flux',
  namespace: { name: 'flux-system', podSecurity: 'existing' },
  bootstrap: true,
  chart: {
    version: '2.9.x',
    source: { kind: 'flux-distribution', url: 'ghcr.io/fluxcd' },
    pinnedBecause: 'Flux 2.9 is current (BRIEF); the FluxInstance follows 2.9 patch releases',
    // Flux's own manifests request 100m / 64Mi per controller.
    workloads: [{ name: 'flux-controllers', replicas: fluxControllers.length, fixed: { cpu: '100m', memory: '64Mi' } }],
  },
  secrets: [
    {
      name: 'flux-github-token',
      keys: ['token'],
      purpose: 'GitHub token (commit statuses: write) for Flux commit status',
      neededWhen: (cluster) => cluster.notifications.githubCommitStatus,
    },
    {
      name: 'flux-chat-webhook',
      keys: ['address'],
      purpose: 'chat webhook URL for failed reconciliations',
      neededWhen: (cluster) => cluster.notifications.chat !== undefined,
    },
  ],
  configs: ({ cluster, helmReleaseNamespaces }) => ({
    'flux-notifications.yaml': planFluxNotifications(cluster, helmReleaseNamespaces),
  }),
  // The CRDs of the controllers Flux 2.9 ships (the flux2 v2.9.5 module's go.mod names these versions).
  // The notification and image controllers' root modules are not served by the proxy, their api
  // modules are: their CRDs are generated from the GA API packages only (v1beta1/v1beta2 are removed in 2.9).
  crds: [
    {
      kind: 'files',
      module: 'github.com/fluxcd/source-controller',
      version: 'v1.9.5',
      paths: ['config/crd/bases/*.yaml'],
    },
    {
      kind: 'files',
      module: 'github.com/fluxcd/kustomize-controller',
      version: 'v1.9.5',
      paths: ['config/crd/bases/*.yaml'],
    },
    {
      kind: 'files',
      module: 'github.com/fluxcd/helm-controller',
      version: 'v1.6.4',
      paths: ['config/crd/bases/*.yaml'],
    },
    {
      kind: 'go-types',
      module: 'github.com/fluxcd/notification-controller/api',
      version: 'v1.9.4',
      paths: ['v1', 'v1beta3'],
    },
    { kind: 'go-types', module: 'github.com/fluxcd/image-reflector-controller/api', version: 'v1.2.5', paths: ['v1'] },
    { kind: 'go-types', module: 'github.com/fluxcd/image-automation-controller/api', version: 'v1.2.5', paths: ['v1'] },
  ],
  enabled: () => true,
};

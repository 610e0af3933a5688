import { flux, fluxControllers } from '../components/flux.js';
import { fluxOperator } from '../components/flux-operator.js';
import { releaseObjects } from '../components/release-objects.js';
import { fluxApi } from './flux-api.js';
import { kubeObject, managedByLabel, type KubeObject } from './kube-object.js';
import type { ResolvedCluster, ResolvedEnvironment } from '../definition/resolve-cluster.js';

const meta = (name: string) => ({ name, namespace: 'flux-system', labels: { ...managedByLabel } });

/**
 * Flux itself, through the Flux Operator: the FluxInstance pins the Flux
 * minor (2.9.x) and the operator upgrades patch releases. Bootstrap installs
 * the operator once with Helm; from then on this HelmRelease manages it.
 * @see https://fluxcd.control-plane.io/operator/fluxinstance/
 */
export function planFluxSystem(cluster: ResolvedCluster, env: ResolvedEnvironment): Record<string, KubeObject[]> {
  const ssh = cluster.repository.url.startsWith('ssh://');
  return {
    'flux-operator.yaml': releaseObjects(fluxOperator, { cluster, env }),
    'flux-instance.yaml': [
      kubeObject(
        fluxApi.fluxInstance,
        'FluxInstance',
        { ...meta(flux.id), annotations: { 'fluxcd.controlplane.io/reconcileEvery': '1h' } },
        {
          spec: {
            distribution: { version: flux.chart.version, registry: flux.chart.source.url },
            components: [...fluxControllers],
            cluster: { type: 'kubernetes', multitenant: false, networkPolicy: true, domain: 'cluster.local' },
          },
        },
      ),
    ],
    'flux-sync.yaml': [
      kubeObject(fluxApi.source, 'GitRepository', meta('flux-system'), {
        spec: {
          interval: '1m',
          url: cluster.repository.url,
          ref: { branch: cluster.repository.branch },
          ...(ssh ? { secretRef: { name: 'flux-system' } } : {}),
        },
      }),
      kubeObject(fluxApi.kustomize, 'Kustomization', meta('flux-system'), {
        spec: {
          interval: '10m',
          retryInterval: '1m',
          timeout: '5m',
          sourceRef: { kind: 'GitRepository', name: 'flux-system' },
          path: `./clusters/${env.name}`,
          prune: true,
          wait: false,
        },
      }),
    ],
  };
}

/** A Flux Kustomization of this environment's tree. */
function kustomization(
  cluster: ResolvedCluster,
  name: string,
  path: string,
  options: { dependsOn?: string[]; timeout: string; decrypt: boolean },
): KubeObject {
  return kubeObject(fluxApi.kustomize, 'Kustomization', meta(name), {
    spec: {
      ...(options.dependsOn?.length ? { dependsOn: options.dependsOn.map((d) => ({ name: d })) } : {}),
      interval: '1h',
      retryInterval: '2m',
      timeout: options.timeout,
      sourceRef: { kind: 'GitRepository', name: 'flux-system' },
      path,
      prune: true,
      wait: true,
      ...(options.decrypt && cluster.secrets.kind === 'sops'
        ? { decryption: { provider: 'sops', secretRef: { name: cluster.secrets.ageKeySecret } } }
        : {}),
    },
  });
}

/** The ordered infrastructure layers: controllers (CRDs, charts) → configs (what needs the CRDs). Apps depend on `infra-configs`. */
export function planLayers(cluster: ResolvedCluster, env: ResolvedEnvironment): Record<string, KubeObject[]> {
  return {
    'infrastructure.yaml': [
      // CRDs and controllers first; a chart on a cold Pi cluster can take minutes.
      kustomization(cluster, 'infra-controllers', `./infrastructure/controllers/${env.name}`, {
        timeout: '30m',
        decrypt: false,
      }),
      kustomization(cluster, 'infra-configs', `./infrastructure/configs/${env.name}`, {
        dependsOn: ['infra-controllers'],
        timeout: '10m',
        decrypt: true,
      }),
    ],
  };
}

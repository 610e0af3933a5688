import { volumeNameOf } from '../descriptor/defaults.js';
import { auxContainer, mainContainer } from './container.js';
import type { k8s, TypedObject } from '@sugarkube/core';
import { appLabels, selectorLabels } from './labels.js';
import type { ResolvedEnvironment } from './resolve-environment.js';
import type { ResolvedService } from './resolve-service.js';

/** The PVC name of a service's volume. */
export function claimName(service: Pick<ResolvedService, 'name'>, volume: { name: string }): string {
  return `${service.name}-${volume.name}`;
}

function volumes(service: ResolvedService): k8s.Volume[] {
  return [
    ...(service.writablePaths ?? []).map((w) => {
      const options =
        typeof w === 'string'
          ? {}
          : { ...(w.medium ? { medium: w.medium } : {}), ...(w.sizeLimit ? { sizeLimit: w.sizeLimit } : {}) };
      return { name: volumeNameOf(w), emptyDir: options };
    }),
    ...(service.files ?? []).map((f) =>
      f.configMap !== undefined
        ? { name: f.name, configMap: { name: f.configMap } }
        : { name: f.name, secret: { secretName: f.secret } },
    ),
    ...(service.volumes ?? []).map((v) => ({
      name: v.name,
      persistentVolumeClaim: { claimName: claimName(service, v) },
    })),
  ];
}

/** Whether more than one pod may run: spread them and keep one up during disruptions. */
export function isReplicated(service: ResolvedService): boolean {
  return service.hpa ? service.hpa.minReplicas > 1 || service.hpa.maxReplicas > 1 : service.replicas > 1;
}

/** The Deployment of one service. */
export function planDeployment(
  env: ResolvedEnvironment,
  service: ResolvedService,
): TypedObject<'apps/v1', 'Deployment'> {
  const app = env.app.name;
  const selector = selectorLabels(app, service.name);
  const podVolumes = volumes(service);
  const initContainers = (service.initContainers ?? []).map((c) => auxContainer(service, c, 'init'));
  const sidecars = (service.sidecars ?? []).map((c) => auxContainer(service, c, 'sidecar'));
  const strategy: k8s.DeploymentStrategy =
    service.strategy === 'Recreate'
      ? { type: 'Recreate' }
      : { type: 'RollingUpdate', rollingUpdate: { maxSurge: 1, maxUnavailable: service.replicas > 1 ? 1 : 0 } };
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: service.name, namespace: env.namespace, labels: appLabels(app, service.name) },
    spec: {
      // With an HPA the replica count belongs to the autoscaler, not to Git.
      ...(service.hpa ? {} : { replicas: service.replicas }),
      revisionHistoryLimit: 3,
      selector: { matchLabels: selector },
      strategy,
      template: {
        metadata: { labels: appLabels(app, service.name) },
        spec: {
          automountServiceAccountToken: false,
          enableServiceLinks: false,
          securityContext: {
            fsGroup: service.runAsGroup,
            runAsGroup: service.runAsGroup,
            runAsNonRoot: true,
            runAsUser: service.runAsUser,
            seccompProfile: { type: 'RuntimeDefault' },
          },
          ...(initContainers.length ? { initContainers } : {}),
          containers: [mainContainer(service), ...sidecars],
          ...(isReplicated(service)
            ? {
                topologySpreadConstraints: [
                  {
                    maxSkew: 1,
                    topologyKey: 'kubernetes.io/hostname',
                    whenUnsatisfiable: 'ScheduleAnyway',
                    labelSelector: { matchLabels: selector },
                  },
                ],
              }
            : {}),
          ...(podVolumes.length ? { volumes: podVolumes } : {}),
        },
      },
    },
  };
}

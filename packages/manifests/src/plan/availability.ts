import { isReplicated } from './deployment.js';
import type { TypedObject } from '@sugarkube/core';
import { appLabels, selectorLabels } from './labels.js';
import type { ResolvedEnvironment } from './resolve-environment.js';
import type { ResolvedService } from './resolve-service.js';

/** A PodDisruptionBudget when more than one replica runs: node drains take one pod at a time. */
export function planPodDisruptionBudget(
  env: ResolvedEnvironment,
  service: ResolvedService,
): TypedObject<'policy/v1', 'PodDisruptionBudget'> | undefined {
  if (!isReplicated(service)) return undefined;
  return {
    apiVersion: 'policy/v1',
    kind: 'PodDisruptionBudget',
    metadata: { name: service.name, namespace: env.namespace, labels: appLabels(env.app.name, service.name) },
    spec: { maxUnavailable: 1, selector: { matchLabels: selectorLabels(env.app.name, service.name) } },
  };
}

/** A HorizontalPodAutoscaler on CPU, when enabled. */
export function planHorizontalPodAutoscaler(
  env: ResolvedEnvironment,
  service: ResolvedService,
): TypedObject<'autoscaling/v2', 'HorizontalPodAutoscaler'> | undefined {
  if (!service.hpa) return undefined;
  return {
    apiVersion: 'autoscaling/v2',
    kind: 'HorizontalPodAutoscaler',
    metadata: { name: service.name, namespace: env.namespace, labels: appLabels(env.app.name, service.name) },
    spec: {
      scaleTargetRef: { apiVersion: 'apps/v1', kind: 'Deployment', name: service.name },
      minReplicas: service.hpa.minReplicas,
      maxReplicas: service.hpa.maxReplicas,
      metrics: [
        {
          type: 'Resource',
          resource: {
            name: 'cpu',
            target: { type: 'Utilization', averageUtilization: service.hpa.cpuUtilization ?? 70 },
          },
        },
      ],
    },
  };
}

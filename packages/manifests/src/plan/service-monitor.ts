import { clusterConventions } from './conventions.js';
import type { TypedObject } from '@sugarkube/core';
import { appLabels, selectorLabels } from './labels.js';
import type { ResolvedEnvironment } from './resolve-environment.js';
import type { ResolvedService } from './resolve-service.js';

/** A ServiceMonitor that kube-prometheus-stack picks up, authenticating with the bearer-token Secret. */
export function planServiceMonitor(
  env: ResolvedEnvironment,
  service: ResolvedService,
): TypedObject<'monitoring.coreos.com/v1', 'ServiceMonitor'> | undefined {
  const metrics = service.metrics;
  if (!metrics) return undefined;
  const ownPort = metrics.port !== undefined && metrics.port !== service.port;
  return {
    apiVersion: 'monitoring.coreos.com/v1',
    kind: 'ServiceMonitor',
    metadata: {
      name: service.name,
      namespace: env.namespace,
      labels: { ...appLabels(env.app.name, service.name), ...clusterConventions.serviceMonitorLabels },
    },
    spec: {
      selector: { matchLabels: selectorLabels(env.app.name, service.name) },
      endpoints: [
        {
          port: ownPort ? 'metrics' : 'http',
          path: metrics.path ?? '/metrics',
          interval: metrics.interval ?? '30s',
          scheme: 'http',
          authorization: {
            type: 'Bearer',
            credentials: { name: metrics.tokenSecret.name, key: metrics.tokenSecret.key ?? 'token' },
          },
        },
      ],
    },
  };
}

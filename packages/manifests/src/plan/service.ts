import type { k8s, TypedObject } from '@sugarkube/core';
import { appLabels, selectorLabels } from './labels.js';
import type { ResolvedEnvironment } from './resolve-environment.js';
import type { ResolvedService } from './resolve-service.js';

/** The ClusterIP Service of one service: `http`, plus `metrics` when it has its own port. */
export function planService(env: ResolvedEnvironment, service: ResolvedService): TypedObject<'v1', 'Service'> {
  const ports: k8s.ServicePort[] = [{ name: 'http', port: service.servicePort, protocol: 'TCP', targetPort: 'http' }];
  if (service.metrics?.port !== undefined && service.metrics.port !== service.port) {
    ports.push({ name: 'metrics', port: service.metrics.port, protocol: 'TCP', targetPort: 'metrics' });
  }
  return {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { name: service.name, namespace: env.namespace, labels: appLabels(env.app.name, service.name) },
    spec: { type: 'ClusterIP', selector: selectorLabels(env.app.name, service.name), ports },
  };
}

import { describe, expect, it } from 'vitest';
import { countObjects, describeKinds, workloadRequests } from '../src/index.js';

describe('countObjects', () => {
  it('counts objects per kind across streams; kustomization files, empty documents and Lists are handled', () => {
    const count = countObjects([
      { name: 'a.yaml', content: 'apiVersion: v1\nkind: Service\n---\n---\napiVersion: apps/v1\nkind: Deployment\n' },
      {
        name: 'kustomization.yaml',
        content: 'apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\nresources: []\n',
      },
      { name: 'flux.yaml', content: 'apiVersion: kustomize.toolkit.fluxcd.io/v1\nkind: Kustomization\n' },
      {
        name: 'list.yaml',
        content:
          'apiVersion: v1\nkind: List\nitems:\n  - {apiVersion: v1, kind: Service}\n  - {apiVersion: v1, kind: ConfigMap}\n',
      },
    ]);
    expect(count).toEqual({ total: 5, byKind: { ConfigMap: 1, Deployment: 1, Kustomization: 1, Service: 2 } });
    expect(describeKinds(count)).toBe('ConfigMap 1, Deployment 1, Kustomization 1, Service 2');
  });
  it('names the stream that is not YAML', () => {
    expect(() => countObjects([{ name: 'broken.yaml', content: 'a: [1, 2\n' }])).toThrow(
      /^broken\.yaml: not valid YAML/,
    );
  });
});

describe('workloadRequests', () => {
  it('counts containers × replicas, DaemonSets × nodes, and operator-created Prometheus/Alertmanager pods with the reloader', () => {
    const yaml = [
      'apiVersion: apps/v1\nkind: Deployment\nspec:\n  replicas: 2\n  template:\n    spec:\n      containers:\n        - resources: {requests: {cpu: 100m, memory: 64Mi}}\n        - resources: {requests: {cpu: "0.5"}}',
      'apiVersion: apps/v1\nkind: DaemonSet\nspec:\n  template:\n    spec:\n      containers:\n        - resources: {requests: {cpu: 10m, memory: 24Mi}}',
      'apiVersion: apps/v1\nkind: Deployment\nspec:\n  template:\n    spec:\n      containers:\n        - args: ["--config-reloader-cpu-request=5m", "--config-reloader-memory-request=16Mi"]\n          resources: {requests: {cpu: 20m, memory: 48Mi}}',
      'apiVersion: monitoring.coreos.com/v1\nkind: Prometheus\nspec:\n  replicas: 1\n  resources: {requests: {cpu: 150m, memory: 384Mi}}',
      'apiVersion: monitoring.coreos.com/v1\nkind: Alertmanager\nspec:\n  resources: {requests: {cpu: 10m, memory: 32Mi}}',
      'apiVersion: v1\nkind: Service\nspec: {}',
    ].join('\n---\n');
    // By hand: 2 × (100m + 500m) + 3 × 10m + 20m + (150m + 5m) + (10m + 5m) = 1200 + 30 + 20 + 155 + 15 = 1420m;
    // 2 × 64 + 3 × 24 + 48 + (384 + 16) + (32 + 16) = 128 + 72 + 48 + 400 + 48 = 696 MiB; pods 2 + 3 + 1 + 1 + 1 = 8.
    expect(workloadRequests(yaml, 3)).toEqual({ cpuMillis: 1420, memoryBytes: 696 * 1024 ** 2, pods: 8 });
  });
});

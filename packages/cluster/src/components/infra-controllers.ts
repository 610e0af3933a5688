import { renderYaml } from '@sugarkube/core';
import { chartEntry, type ChartContext, type ChartEntry } from './chart-table.js';
import { helmRelease, helmRepository, ociChartRepository } from '../plan/flux-sources.js';
import { kubeObject, managedByLabel, namespaceObject, type KubeObject } from '../plan/kube-object.js';
import type { ResolvedCluster, ResolvedEnvironment } from '../definition/resolve-cluster.js';

/** The chart ids installed in one environment, in install order. */
export function controllerCharts(cluster: ResolvedCluster, env: ResolvedEnvironment): string[] {
  return [
    ...(cluster.storage.longhorn !== false ? ['longhorn'] : []),
    'kube-prometheus-stack',
    'cert-manager',
    ...(cluster.secrets.kind === 'sealed-secrets' ? ['sealed-secrets'] : []),
    ...(cluster.externalDns ? ['external-dns'] : []),
    ...(env.exposure.kind === 'metallb' ? ['metallb'] : []),
  ];
}

/** Namespaces infrastructure runs in, with the Pod Security level their pods need. */
export function infraNamespaces(cluster: ResolvedCluster, env: ResolvedEnvironment): KubeObject[] {
  return [
    namespaceObject('cert-manager'),
    // node-exporter needs the host's network and PID namespaces.
    namespaceObject('monitoring', 'privileged'),
    ...(cluster.storage.longhorn !== false ? [namespaceObject('longhorn-system', 'privileged')] : []),
    ...(cluster.externalDns ? [namespaceObject('external-dns')] : []),
    ...(env.exposure.kind === 'metallb' ? [namespaceObject('metallb-system', 'privileged')] : []),
    ...(env.exposure.kind === 'cloudflare-tunnel' ? [namespaceObject('cloudflared')] : []),
  ];
}

/** What each chart waits for: CRDs (ServiceMonitor) and storage (Prometheus' volume). */
function dependsOnOf(id: string, charts: readonly string[]): { name: string; namespace: string }[] {
  const needs: Record<string, string[]> = {
    'kube-prometheus-stack': ['longhorn'],
    'cert-manager': ['kube-prometheus-stack'],
    'sealed-secrets': ['kube-prometheus-stack'],
    'external-dns': ['kube-prometheus-stack'],
  };
  return (needs[id] ?? []).filter((dep) => charts.includes(dep)).map((dep) => {
    const entry = chartEntry(dep);
    return { name: entry.releaseName, namespace: entry.namespace };
  });
}

function chartObjects(entry: ChartEntry, ctx: ChartContext, charts: readonly string[]): KubeObject[] {
  const dependsOn = dependsOnOf(entry.id, charts);
  if (entry.source.kind === 'oci') {
    return [
      ociChartRepository(entry.id, entry.source.url, entry.version, entry.namespace),
      helmRelease({ name: entry.releaseName, namespace: entry.namespace, chart: { kind: 'OCIRepository', source: entry.id }, values: entry.values(ctx), dependsOn }),
    ];
  }
  return [
    helmRelease({
      name: entry.releaseName,
      namespace: entry.namespace,
      chart: { kind: 'HelmRepository', chart: entry.chart, version: entry.version, source: entry.id, sourceNamespace: 'flux-system' },
      values: entry.values(ctx),
      dependsOn,
      // Prometheus on a fresh Longhorn volume takes a while on a Pi.
      timeout: entry.id === 'kube-prometheus-stack' ? '20m' : '10m',
    }),
  ];
}

/** k3s installs Traefik; a HelmChartConfig overrides its values. @see https://docs.k3s.io/helm#customizing-packaged-components-with-helmchartconfig */
export function traefikConfig(ctx: ChartContext): KubeObject {
  const entry = chartEntry('traefik');
  return kubeObject('helm.cattle.io/v1', 'HelmChartConfig', { name: 'traefik', namespace: 'kube-system', labels: { ...managedByLabel } }, {
    spec: { valuesContent: renderYaml([entry.values(ctx)]) },
  });
}

/** The objects of `infrastructure/controllers/<env>`, grouped by file name. */
export function planControllers(cluster: ResolvedCluster, env: ResolvedEnvironment): Record<string, KubeObject[]> {
  const ctx: ChartContext = { cluster, env };
  const charts = controllerCharts(cluster, env);
  const entries = charts.map(chartEntry);
  const files: Record<string, KubeObject[]> = {
    'namespaces.yaml': infraNamespaces(cluster, env),
    'helm-repositories.yaml': entries.filter((e) => e.source.kind === 'helm').map((e) => helmRepository(e.id, e.source.url)),
  };
  for (const entry of entries) files[`${entry.id}.yaml`] = chartObjects(entry, ctx, charts);
  files['traefik.yaml'] = [traefikConfig(ctx)];
  return files;
}

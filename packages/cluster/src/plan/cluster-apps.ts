import type { App } from '@sugarkube/manifests';
import { planNamespace } from '@sugarkube/manifests';
import { environmentsOf, resolveEnvironment } from '@sugarkube/manifests';
import type { GeneratedFile } from '@sugarkube/core';
import { renderAppTree } from '@sugarkube/manifests';
import type { HelmDeploy } from '../definition/cluster-definition.js';
import { helmRelease, ociChartRepository } from './flux-sources.js';
import { gatewayHosts, planReferenceGrant } from './gateway.js';
import { withSetterMarker } from '@sugarkube/core';
import type { KubeObject } from './kube-object.js';
import { renderObjects } from '../render/render-objects.js';
import type { ResolvedCluster, ResolvedEnvironment } from '../definition/resolve-cluster.js';

/** Sets a dotted path (`image.tag`) in a values object, creating maps on the way. */
function setPath(values: Record<string, unknown>, dotted: string, value: unknown): void {
  const keys = dotted.split('.');
  let node = values;
  keys.slice(0, -1).forEach((key) => {
    if (typeof node[key] !== 'object' || node[key] === null) node[key] = {};
    node = node[key] as Record<string, unknown>;
  });
  node[keys[keys.length - 1]!] = value;
}

/** Deep merge of plain maps; `over` wins, lists are replaced. */
function merge(base: Record<string, unknown>, over: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = { ...base };
  for (const [key, value] of Object.entries(over)) {
    const current = out[key];
    const bothMaps = [current, value].every((v) => typeof v === 'object' && v !== null && !Array.isArray(v));
    out[key] = bothMaps ? merge(current as Record<string, unknown>, value as Record<string, unknown>) : value;
  }
  return out;
}

/**
 * The zero-change migration step: the app's own chart from
 * `oci://ghcr.io/<owner>/charts/<chart>` as a HelmRelease with this
 * environment's values, the image tag carrying the Flux setter marker.
 */
export function planHelmApp(cluster: ResolvedCluster, app: App, helm: HelmDeploy, envName: string): KubeObject[] {
  const env = resolveEnvironment(app.descriptor, envName);
  const service = env.services[0]!;
  const chart = helm.chart ?? app.descriptor.name;
  const version = typeof helm.version === 'string' ? helm.version : helm.version[envName]!;
  const values: Record<string, unknown> = {};
  setPath(values, helm.repositoryPath ?? 'image.repository', service.image.repository);
  const tag = service.image.tag;
  setPath(values, helm.tagPath ?? 'image.tag', service.image.policy ? withSetterMarker(tag, service.image.policy) : tag);
  const host = env.routes[0]?.host;
  if (host) setPath(values, helm.hostPath ?? 'ingress.host', host);
  const source = `${chart}-chart`;
  return [
    planNamespace(env),
    ociChartRepository(source, `oci://ghcr.io/${helm.owner ?? cluster.owner}/charts/${chart}`, version, env.namespace),
    helmRelease({
      name: app.descriptor.name,
      namespace: env.namespace,
      chart: { kind: 'OCIRepository', source },
      values: merge(values, (helm.values?.[envName] ?? {}) as Record<string, unknown>),
    }),
  ];
}

const kustomizationFile = (path: string, resources: readonly string[]): GeneratedFile => ({
  path,
  content: renderObjects([{ apiVersion: 'kustomize.config.k8s.io/v1beta1', kind: 'Kustomization', resources: [...resources] }]),
});

/** `apps/<env>/<app>/`: the app's rendered overlay (or its HelmRelease), one directory per app. */
export function planAppFiles(cluster: ResolvedCluster, env: ResolvedEnvironment): { files: GeneratedFile[]; appNames: string[] } {
  const files: GeneratedFile[] = [];
  const appNames: string[] = [];
  for (const entry of cluster.apps) {
    const { descriptor } = entry.app;
    if (!(env.name in environmentsOf(descriptor))) continue;
    const dir = `apps/${env.name}/${descriptor.name}`;
    appNames.push(descriptor.name);
    if (entry.helm) {
      files.push(kustomizationFile(`${dir}/kustomization.yaml`, ['helm-release.yaml']));
      files.push({ path: `${dir}/helm-release.yaml`, content: renderObjects(planHelmApp(cluster, entry.app, entry.helm, env.name)) });
      continue;
    }
    files.push(...renderAppTree(entry.app, { directory: dir, environments: [env.name] }));
    const needsGrant = gatewayHosts([descriptor], env.name).length > 0;
    files.push(kustomizationFile(`${dir}/kustomization.yaml`, [`overlays/${env.name}`, ...(needsGrant ? ['reference-grant.yaml'] : [])]));
    if (needsGrant) {
      files.push({ path: `${dir}/reference-grant.yaml`, content: renderObjects([planReferenceGrant(resolveEnvironment(descriptor, env.name).namespace)]) });
    }
  }
  return { files, appNames };
}

import { checkArguments } from '@sugarkube/core';
import { resolvedClusterArgument } from '../definition/arguments.js';
import { sortFiles, type GeneratedFile } from '@sugarkube/core';
import { planEnvironmentApps } from '../plan/cluster-apps.js';
import { planFluxSystem, planLayers } from '../plan/flux-sync.js';
import { planImageAutomation } from '../plan/image-automation.js';
import { planConfigs } from '../components/infra-configs.js';
import { planControllers } from '../components/infra-controllers.js';
import type { KubeObject } from '../plan/kube-object.js';
import { renderObjectsFile } from './render-objects.js';
import type { ResolvedCluster } from '../definition/resolve-cluster.js';
import { renderClusterReadme } from './cluster-readme.js';

/** A directory of object files plus the kustomization.yaml that lists them (and any subdirectories). */
function directory(
  dir: string,
  files: Record<string, KubeObject[]>,
  subdirectories: readonly string[] = [],
): GeneratedFile[] {
  const names = Object.keys(files).sort();
  return [
    renderObjectsFile(`${dir}/kustomization.yaml`, [
      {
        apiVersion: 'kustomize.config.k8s.io/v1beta1',
        kind: 'Kustomization',
        resources: [...subdirectories, ...names],
      },
    ]),
    ...names.map((name) => renderObjectsFile(`${dir}/${name}`, files[name]!)),
  ];
}

function withImageAutomation(
  files: Record<string, KubeObject[]>,
  automation: KubeObject[],
): Record<string, KubeObject[]> {
  return automation.length > 0 ? { ...files, 'image-automation.yaml': automation } : files;
}

/**
 * The whole GitOps tree of a (validated) cluster, at the paths its GitRepository and
 * Kustomizations name, for the root of the cluster repo: per environment `clusters/<env>/`
 * (Flux, the ordered layers and one file per app, which takes the app from its own repo),
 * `infrastructure/controllers/<env>/`, `infrastructure/configs/<env>/`, and `apps/<env>/<app>/`
 * for apps deployed from their chart. Pure and deterministic: the same cluster gives the same bytes.
 */
export function synthesizeClusterTree(cluster: ResolvedCluster): GeneratedFile[] {
  checkArguments('synthesizeClusterTree argument', [[[], resolvedClusterArgument, cluster]]);
  const out: GeneratedFile[] = [{ path: 'clusters/README.md', content: renderClusterReadme(cluster) }];
  for (const env of cluster.environments) {
    const apps = planEnvironmentApps(cluster, env);
    const controllers = planControllers(cluster, env);
    const helmNamespaces = Object.values(controllers)
      .flat()
      .filter((o) => o.kind === 'HelmRelease')
      .map((o) => o.metadata.namespace!);
    const appHelmNamespaces = cluster.apps
      .filter((a) => a.helm && apps.appNames.includes(a.app.descriptor.name))
      .map((a) => a.app.descriptor.namespace ?? a.app.descriptor.name);
    out.push(
      ...directory(`clusters/${env.name}/flux-system`, planFluxSystem(cluster, env)),
      ...directory(
        `clusters/${env.name}`,
        withImageAutomation({ ...planLayers(cluster, env), ...apps.fluxFiles }, planImageAutomation(cluster, env)),
        ['flux-system'],
      ),
      ...directory(`infrastructure/controllers/${env.name}`, controllers),
      ...directory(
        `infrastructure/configs/${env.name}`,
        planConfigs(cluster, env, [...helmNamespaces, ...appHelmNamespaces, 'flux-system']),
      ),
      ...apps.files,
    );
  }
  return sortFiles(out);
}

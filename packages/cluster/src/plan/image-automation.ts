import { followBranchBuilds, imagePolicy, imageRepository, imageUpdateAutomation } from '@sugarkube/image-policy';
import { environmentsOf, resolveEnvironment } from '@sugarkube/manifests';
import { managedByLabel, type KubeObject } from './kube-object.js';
import type { ResolvedCluster, ResolvedEnvironment } from '../definition/resolve-cluster.js';

const labelled = <T extends { metadata: { name: string; namespace: string } }>(object: T): KubeObject =>
  ({ ...object, metadata: { ...object.metadata, labels: { ...managedByLabel } } }) as unknown as KubeObject;

/**
 * What the setter markers in `apps/<env>/` name: one ImageRepository and
 * ImagePolicy per followed image (newest `main-<unix-ts>-<sha7>` build), and
 * one ImageUpdateAutomation that commits the new tags to this environment's
 * directory. Environments without followed images (prod: promotion by pull request) get none.
 * @see https://fluxcd.io/flux/guides/image-update/
 */
export function planImageAutomation(cluster: ResolvedCluster, env: ResolvedEnvironment): KubeObject[] {
  const followed = new Map<string, { namespace: string; name: string; image: string }>();
  for (const { app } of cluster.apps) {
    if (!(env.name in environmentsOf(app.descriptor))) continue;
    for (const service of resolveEnvironment(app.descriptor, env.name).services) {
      const policy = service.image.policy;
      if (policy && !service.image.digest) followed.set(`${policy.namespace}/${policy.name}`, { ...policy, image: service.image.repository });
    }
  }
  if (followed.size === 0) return [];
  const objects: KubeObject[] = [];
  for (const key of [...followed.keys()].sort()) {
    const { namespace, name, image } = followed.get(key)!;
    objects.push(
      labelled(imageRepository({ name, namespace, image })),
      labelled(imagePolicy({ name, namespace, imageRepositoryRef: { name }, ...followBranchBuilds('main') })),
    );
  }
  objects.push(labelled(imageUpdateAutomation({
    name: `apps-${env.name}`,
    namespace: 'flux-system',
    sourceRef: { name: 'flux-system' },
    checkoutBranch: cluster.repository.branch,
    path: `./apps/${env.name}`,
  })));
  return objects;
}

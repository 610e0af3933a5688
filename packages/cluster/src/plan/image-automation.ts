import { imageUpdateAutomation } from '@sugarkube/image-policy';
import { planImageAutomation as planAppImageObjects, resolveEnvironment } from '@sugarkube/manifests';
import type { ResolvedCluster, ResolvedEnvironment } from '../definition/resolve-cluster.js';
import { managedByLabel, type KubeObject } from './kube-object.js';

const labelled = (object: { metadata: { name: string; namespace?: string } }): KubeObject =>
  ({ ...object, metadata: { ...object.metadata, labels: { ...managedByLabel } } }) as unknown as KubeObject;

/**
 * Where this environment follows builds: one ImageUpdateAutomation that commits the tags the
 * apps' ImagePolicies pick to the setter-marked lines under `clusters/<env>/apps/` of this repo.
 * Apps from a repo bring their ImageRepository and ImagePolicy themselves; chart apps get theirs
 * here. Environments that follow nothing (prod: promotion by pull request) get none.
 * @see https://fluxcd.io/flux/guides/image-update/
 */
export function planImageAutomation(cluster: ResolvedCluster, env: ResolvedEnvironment): KubeObject[] {
  const objects: KubeObject[] = [];
  let followed = false;
  for (const entry of cluster.apps) {
    if (!entry.environments.includes(env.name)) continue;
    const follows = resolveEnvironment(entry.app.descriptor, env.name).services.some((s) => s.image.policy);
    if (!follows) continue;
    followed = true;
    if (entry.helm) objects.push(...planAppImageObjects(entry.app).map(labelled));
  }
  if (!followed) return [];
  objects.push(
    labelled(
      imageUpdateAutomation({
        name: `apps-${env.name}`,
        namespace: 'flux-system',
        sourceRef: { name: 'flux-system' },
        checkoutBranch: cluster.repository.branch,
        path: `./clusters/${env.name}/apps`,
      }),
    ),
  );
  return objects;
}

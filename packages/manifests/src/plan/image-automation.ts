import { imagePolicy, imageRepository, followBranchBuilds } from '@sugarkube/image-policy';
import { checkArguments } from '@sugarkube/core';
import type { App } from '../descriptor/app.js';
import { appArgument } from '../validate/arguments.js';
import type { KubeObject } from './kube-object.js';
import { appLabels } from './labels.js';
import { imagePolicyRef } from './resolve-service.js';

/**
 * The app's Flux image objects: per service an ImageRepository that scans its image and an
 * ImagePolicy that picks the newest default-branch build (`<branch>-<unix-ts>-<sha7>`, ordered
 * by the timestamp). They live in the app repo because the app's workflow defines that tag
 * scheme; the cluster applies them where an environment follows builds, and its setter markers
 * name them (`imagePolicyRef`).
 * @see https://fluxcd.io/flux/guides/image-update/
 */
export function planImageAutomation(app: App): KubeObject[] {
  checkArguments('planImageAutomation argument', [[[], appArgument, app]]);
  const { descriptor } = app;
  const branch = descriptor.defaultBranch ?? 'main';
  const labels = appLabels(descriptor.name);
  const objects: KubeObject[] = [];
  for (const service of descriptor.services) {
    const ref = imagePolicyRef(descriptor, service);
    const repository = imageRepository({ name: ref.name, namespace: ref.namespace, image: service.image.repository });
    const policy = imagePolicy({
      name: ref.name,
      namespace: ref.namespace,
      imageRepositoryRef: { name: ref.name },
      ...followBranchBuilds(branch),
    });
    objects.push(
      { ...repository, metadata: { ...repository.metadata, labels } },
      { ...policy, metadata: { ...policy.metadata, labels } },
    );
  }
  return objects;
}

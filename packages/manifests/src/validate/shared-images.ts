import type { ValidatedAppDescriptor } from '../descriptor/app-schema.js';
import { issue, type Issue } from '@sugarkube/core';
import { environmentsOf, resolveEnvironment } from '../plan/resolve-environment.js';

/**
 * Services may share an image repository only with the same tag and digest in
 * every environment: an overlay's `images:` entry sets one tag per repository.
 */
export function checkSharedImages(app: ValidatedAppDescriptor): Issue[] {
  const out: Issue[] = [];
  for (const env of [undefined, ...Object.keys(environmentsOf(app))]) {
    const seen = new Map<string, { index: number; ref: string }>();
    resolveEnvironment(app, env).services.forEach((service, index) => {
      const ref = `${service.image.tag}@${service.image.digest ?? ''}`;
      const first = seen.get(service.image.repository);
      if (!first) seen.set(service.image.repository, { index, ref });
      else if (first.ref !== ref) {
        const where = env === undefined ? 'the base' : `environment "${env}"`;
        out.push(
          issue(
            ['services', index, 'image'],
            `the same tag and digest as services[${first.index}] in ${where} (they share ${service.image.repository}; Kustomize sets one tag per image)`,
            service.image.tag,
          ),
        );
      }
    });
  }
  const unique = new Map(out.map((i) => [i.message, i]));
  return [...unique.values()];
}

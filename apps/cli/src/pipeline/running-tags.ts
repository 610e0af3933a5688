import { parseAllDocuments } from 'yaml';

/**
 * The tags an environment runs, read from its synthesized `clusters/<env>/apps/<app>.yaml`: the
 * `spec.images` of the app's Flux Kustomization (`app-<app>`), image name → tag. Where the
 * environment follows builds, image automation has moved the setter-marked tag in that file, so
 * this is what Flux deploys, not the pin it started from.
 */
export function runningTags(text: string, app: string): Map<string, { tag: string; digest?: string }> {
  const found = new Map<string, { tag: string; digest?: string }>();
  for (const doc of parseAllDocuments(text)) {
    if (!('errors' in doc) || doc.errors.length > 0) continue;
    const value = doc.toJS() as { kind?: string; metadata?: { name?: string }; spec?: { images?: unknown } } | null;
    if (value?.kind !== 'Kustomization' || value.metadata?.name !== `app-${app}` || !Array.isArray(value.spec?.images))
      continue;
    for (const image of value.spec.images as { name?: unknown; newTag?: unknown; digest?: unknown }[]) {
      if (typeof image.name === 'string' && typeof image.newTag === 'string') {
        found.set(image.name, {
          tag: image.newTag,
          ...(typeof image.digest === 'string' ? { digest: image.digest } : {}),
        });
      }
    }
  }
  return found;
}

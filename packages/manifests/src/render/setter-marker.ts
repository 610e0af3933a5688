import { setterMarker } from '@sugarkube/image-policy';

/**
 * Flux's image setter marker for a `newTag` line (or `name`/`digest`): the
 * comment ImageUpdateAutomation finds and rewrites. Delegates to
 * `@sugarkube/image-policy`, which also applies markers the way Flux does.
 * @see https://fluxcd.io/flux/guides/image-update/#configure-image-update-for-custom-resources
 */
export function imagePolicySetter(policy: { readonly namespace: string; readonly name: string }, field: 'tag' | 'name' | 'digest' = 'tag'): string {
  return setterMarker(policy.namespace, policy.name, field);
}

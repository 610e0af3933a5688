/**
 * Flux's image setter marker: the comment that ImageUpdateAutomation finds and
 * rewrites. `field` is `tag` for `newTag` lines.
 * @see https://fluxcd.io/flux/guides/image-update/#configure-image-update-for-custom-resources
 */
export function imagePolicySetter(policy: { readonly namespace: string; readonly name: string }, field: 'tag' | 'name' | 'digest' = 'tag'): string {
  return `{"$imagepolicy": "${policy.namespace}:${policy.name}:${field}"}`;
}

/** Which part of an ImagePolicy's `latestRef` a setter writes. */
export type SetterField = 'tag' | 'name' | 'digest';

/**
 * The setter marker Flux's image-automation-controller looks for in a YAML comment:
 * `{"$imagepolicy": "ns:name:tag"}`. Without `field` the marker is `ns:name`, which writes the
 * whole reference (`name:tag`, or `name:tag@digest` when the policy reflects digests).
 * @see https://fluxcd.io/flux/guides/image-update/#configure-image-update-for-custom-resources
 */
export function setterMarker(namespace: string, name: string, field?: SetterField): string {
  return `{"$imagepolicy": "${namespace}:${name}${field === undefined ? '' : `:${field}`}"}`;
}

import { commented, type Commented } from './commented.js';

/** Which part of an ImagePolicy's `latestRef` a setter writes. */
export type SetterField = 'tag' | 'name' | 'digest';

/**
 * The setter marker Flux's image-automation-controller looks for in a YAML comment:
 * `{"$imagepolicy": "ns:name:tag"}`. Without `field` the marker is `ns:name`, which writes the
 * whole reference (`name:tag`, or `name:tag@digest` when the policy reflects digests).
 * The one place the marker text is built.
 * @see https://fluxcd.io/flux/guides/image-update/#configure-image-update-for-custom-resources
 */
export function setterMarker(namespace: string, name: string, field?: SetterField): string {
  return `{"$imagepolicy": "${namespace}:${name}${field === undefined ? '' : `:${field}`}"}`;
}

/** A scalar carrying the setter marker of a policy, for the YAML renderer. */
export function withSetterMarker(
  value: string,
  policy: { readonly namespace: string; readonly name: string },
  field: SetterField = 'tag',
): Commented {
  return commented(value, setterMarker(policy.namespace, policy.name, field));
}

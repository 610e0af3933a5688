import { typedObject, type TypedObject } from '@sugarkube/core';
import type { KubeObject } from '@sugarkube/manifests';

export type { KubeObject };

/**
 * Builds an object with the wire-order fields first, typed from the pinned schemas: a
 * misspelled field in `body` is a compile error.
 */
export const kubeObject = typedObject;

/** The label every generated object carries, so `kubectl get -l` finds what synth owns. */
export const managedByLabel = { 'app.kubernetes.io/managed-by': 'sugarkube' } as const;

/** A namespace with the restricted Pod Security level unless `privileged` is asked for. */
export function namespaceObject(
  name: string,
  podSecurity: 'restricted' | 'baseline' | 'privileged' = 'restricted',
): TypedObject<'v1', 'Namespace'> {
  return kubeObject(
    'v1',
    'Namespace',
    {
      name,
      labels: {
        ...managedByLabel,
        'pod-security.kubernetes.io/enforce': podSecurity,
        'pod-security.kubernetes.io/warn': podSecurity,
      },
    },
    {},
  );
}

import type { KubeObject } from '../plan/kube-object.js';

export type { KubeObject };
type ObjectMeta = KubeObject['metadata'];

/** Builds an object with the wire-order fields first. */
export function kubeObject(apiVersion: string, kind: string, metadata: ObjectMeta, body: Record<string, unknown> = {}): KubeObject {
  return { apiVersion, kind, metadata, ...body };
}

/** The label every generated object carries, so `kubectl get -l` finds what synth owns. */
export const managedByLabel = { 'app.kubernetes.io/managed-by': 'sugarkube' } as const;

/** A namespace with the restricted Pod Security level unless `privileged` is asked for. */
export function namespaceObject(name: string, podSecurity: 'restricted' | 'baseline' | 'privileged' = 'restricted'): KubeObject {
  return kubeObject('v1', 'Namespace', {
    name,
    labels: {
      ...managedByLabel,
      'pod-security.kubernetes.io/enforce': podSecurity,
      'pod-security.kubernetes.io/warn': podSecurity,
    },
  });
}

const setterBrand = Symbol.for('@sugarkube/manifests.setter');

/** A scalar with a Flux setter marker comment (`# {"$imagepolicy": "ns:name:tag"}`) after it. */
export interface SetterValue {
  readonly [setterBrand]: true;
  readonly value: string;
  readonly marker: string;
}

/** Marks `value` for Flux image automation: the rendered line ends with the setter comment. */
export function withSetter(value: string, policy: { readonly namespace: string; readonly name: string }, field: 'tag' | 'name' | 'digest' = 'tag'): SetterValue {
  return { [setterBrand]: true, value, marker: `{"$imagepolicy": "${policy.namespace}:${policy.name}:${field}"}` };
}

export function isSetterValue(value: unknown): value is SetterValue {
  return typeof value === 'object' && value !== null && (value as Record<symbol, unknown>)[setterBrand] === true;
}

import type { KubeObject } from '@sugarkube/manifests';

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

import { clusterConventions } from './conventions.js';
import { claimName } from './deployment.js';
import type { TypedObject } from '@sugarkube/core';
import type { KubeObject } from './kube-object.js';
import { appLabels } from './labels.js';
import { issue, ValidationError } from '@sugarkube/core';
import { isResolvedEnvironment, type ResolvedEnvironment } from './resolve-environment.js';

const sorted = <T>(record: Readonly<Record<string, T>>): Record<string, T> =>
  Object.fromEntries(Object.entries(record).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));

/** The app namespace, enforcing Pod Security `restricted`. Kept by Flux if the app holds data. */
export function planNamespace(env: ResolvedEnvironment): TypedObject<'v1', 'Namespace'> {
  if (!isResolvedEnvironment(env))
    throw new ValidationError('planNamespace argument', [issue([], 'an environment from resolveEnvironment', env)]);
  return namespaceOf(env);
}

/** {@link planNamespace} for planning's own (possibly adjusted) environments. */
export function namespaceOf(env: ResolvedEnvironment): TypedObject<'v1', 'Namespace'> {
  const holdsData = env.services.some((s) => (s.volumes ?? []).length > 0);
  return {
    apiVersion: 'v1',
    kind: 'Namespace',
    metadata: {
      name: env.namespace,
      labels: {
        ...appLabels(env.app.name),
        'pod-security.kubernetes.io/enforce': 'restricted',
        'pod-security.kubernetes.io/enforce-version': 'latest',
        'pod-security.kubernetes.io/audit': 'restricted',
        'pod-security.kubernetes.io/warn': 'restricted',
      },
      ...(holdsData ? { annotations: { ...clusterConventions.pruneDisabled } } : {}),
    },
  };
}

export function planConfigMaps(env: ResolvedEnvironment): TypedObject<'v1', 'ConfigMap'>[] {
  return Object.entries(env.configMaps).map(([name, data]): TypedObject<'v1', 'ConfigMap'> => ({
    apiVersion: 'v1',
    kind: 'ConfigMap',
    metadata: { name, namespace: env.namespace, labels: appLabels(env.app.name) },
    data: sorted(data),
  }));
}

/** SealedSecrets pass through as ciphertext; the controller in the cluster decrypts them. */
export function planSealedSecrets(env: ResolvedEnvironment): TypedObject<'bitnami.com/v1alpha1', 'SealedSecret'>[] {
  return Object.entries(env.sealedSecrets).map(
    ([name, secret]): TypedObject<'bitnami.com/v1alpha1', 'SealedSecret'> => {
      const scope = secret.scope ?? 'strict';
      return {
        apiVersion: 'bitnami.com/v1alpha1',
        kind: 'SealedSecret',
        metadata: {
          name,
          namespace: env.namespace,
          labels: appLabels(env.app.name),
          ...(scope === 'strict' ? {} : { annotations: { [`sealedsecrets.bitnami.com/${scope}`]: 'true' } }),
        },
        spec: {
          encryptedData: sorted(secret.encryptedData),
          template: {
            metadata: { name, namespace: env.namespace, labels: appLabels(env.app.name) },
            type: secret.type ?? 'Opaque',
          },
        },
      };
    },
  );
}

/** SOPS-encrypted Secrets pass through verbatim (the MAC covers them); Flux's kustomize-controller decrypts them. */
export function planSopsSecrets(env: ResolvedEnvironment): KubeObject[] {
  return env.sopsSecrets.map((secret) => structuredClone(secret) as KubeObject);
}

/** PVCs, which Flux never prunes: removing an app from Git keeps its data. */
export function planPersistentVolumeClaims(env: ResolvedEnvironment): TypedObject<'v1', 'PersistentVolumeClaim'>[] {
  return env.services.flatMap((service) =>
    (service.volumes ?? []).map((volume): TypedObject<'v1', 'PersistentVolumeClaim'> => ({
      apiVersion: 'v1',
      kind: 'PersistentVolumeClaim',
      metadata: {
        name: claimName(service, volume),
        namespace: env.namespace,
        labels: appLabels(env.app.name, service.name),
        annotations: { ...clusterConventions.pruneDisabled },
      },
      spec: {
        accessModes: [volume.accessMode ?? 'ReadWriteOnce'],
        storageClassName: volume.storageClass ?? 'longhorn',
        resources: { requests: { storage: volume.size } },
      },
    })),
  );
}

import { issue, type Issue } from '@sugarkube/core';
import { kubeObject, managedByLabel, type KubeObject } from '../plan/kube-object.js';
import type { ResolvedCluster, ResolvedEnvironment } from '../definition/resolve-cluster.js';
import { infraComponents } from './infra-components.js';

/** A secret the cluster's infrastructure reads, and when it is needed. */
export interface ClusterSecretSpec {
  readonly name: string;
  readonly namespace: string;
  /** The keys the consumer reads. */
  readonly keys: readonly string[];
  readonly purpose: string;
  /** The id of the component that reads it. */
  readonly component: string;
  /** The component runs in this environment and reads it there. */
  readonly needed: (cluster: ResolvedCluster, env: ResolvedEnvironment) => boolean;
}

/**
 * Every secret infrastructure consumes, from the components, by namespace: seal each one per
 * cluster (each cluster has its own sealing key).
 */
export const clusterSecrets: readonly ClusterSecretSpec[] = infraComponents
  .flatMap((component) =>
    (component.secrets ?? []).map((secret) => ({
      name: secret.name,
      namespace: component.namespace.name,
      keys: secret.keys,
      purpose: secret.purpose,
      component: component.id,
      needed: (cluster: ResolvedCluster, env: ResolvedEnvironment) =>
        component.enabled(cluster, env) && (secret.neededWhen?.(cluster, env) ?? true),
    })),
  )
  // Stable: a component's own secrets keep their order.
  .sort((a, b) => (a.namespace < b.namespace ? -1 : a.namespace > b.namespace ? 1 : 0));

/** Unknown secret names are errors; needed ones that are missing are warnings (the consumer stays unready). */
export function checkClusterSecrets(cluster: ResolvedCluster): { errors: Issue[]; warnings: Issue[] } {
  const errors: Issue[] = [];
  const warnings: Issue[] = [];
  const known = clusterSecrets.map((s) => s.name);
  for (const env of cluster.environments) {
    const field = cluster.secrets.kind === 'sops' ? 'sopsSecrets' : 'sealedSecrets';
    let given: string[];
    if (cluster.secrets.kind === 'sops') {
      given = [];
      env.sopsSecrets.forEach((doc, index) => {
        const spec = clusterSecrets.find((s) => s.name === doc.metadata.name);
        const at = ['environments', env.name, field, index, 'metadata'];
        if (!spec) errors.push(issue([...at, 'name'], `one of ${known.join(', ')}`, doc.metadata.name));
        else if (doc.metadata.namespace !== spec.namespace)
          errors.push(issue([...at, 'namespace'], JSON.stringify(spec.namespace), doc.metadata.namespace));
        else given.push(spec.name);
      });
    } else {
      given = Object.keys(env.sealedSecrets);
      for (const name of given) {
        if (!known.includes(name))
          errors.push(issue(['environments', env.name, field, name], `one of ${known.join(', ')}`, name));
      }
    }
    // A SOPS cluster encrypts with its age key; the sealing wording would send people to kubeseal.
    const how = cluster.secrets.kind === 'sops' ? 'encrypted with SOPS' : 'sealed';
    for (const spec of clusterSecrets) {
      if (spec.needed(cluster, env) && !given.includes(spec.name)) {
        warnings.push(
          issue(
            ['environments', env.name, field, spec.name],
            `the ${spec.purpose} ${how} for this cluster`,
            undefined,
            'until it is committed, what reads it stays unready; see docs/cluster.md, "Secrets"',
          ),
        );
      }
    }
  }
  return { errors, warnings };
}

/** The SealedSecret or SOPS Secret objects of one environment (only the needed ones). */
export function planClusterSecrets(cluster: ResolvedCluster, env: ResolvedEnvironment): KubeObject[] {
  const out: KubeObject[] = [];
  for (const spec of clusterSecrets) {
    if (!spec.needed(cluster, env)) continue;
    const metadata = { name: spec.name, namespace: spec.namespace, labels: { ...managedByLabel } };
    if (cluster.secrets.kind === 'sops') {
      // Verbatim: the SOPS MAC covers every value, so not even a label may be added.
      const document = env.sopsSecrets.find((doc) => doc.metadata.name === spec.name);
      if (document) out.push(document as unknown as KubeObject);
    } else {
      const secret = env.sealedSecrets[spec.name];
      if (!secret) continue;
      out.push(
        kubeObject('bitnami.com/v1alpha1', 'SealedSecret', metadata, {
          spec: {
            encryptedData: secret.encryptedData,
            template: { metadata: { name: spec.name, namespace: spec.namespace }, type: secret.type ?? 'Opaque' },
          },
        }),
      );
    }
  }
  return out;
}

import { stringify } from 'yaml';

/** Who a component or a test talks to the API server as (a static bearer token). */
export interface Identity {
  /** Kubernetes user name, e.g. `system:kube-scheduler`. */
  readonly user: string;
  readonly groups: readonly string[];
  readonly token: string;
}

/** The context name every kubeconfig the live cluster writes uses. */
export const liveContext = 'sugarkube-live';

/**
 * A kubeconfig for one identity against the live API server, trusting the cluster's CA file.
 * Its cluster, user and context entries are named after `context`, so the kubeconfigs of two
 * live clusters merge (`KUBECONFIG=a:b`) without one entry hiding the other's.
 */
export function renderKubeconfig(server: string, caFile: string, identity: Identity, context = liveContext): string {
  const user = `${identity.user}@${context}`;
  return stringify({
    apiVersion: 'v1',
    kind: 'Config',
    clusters: [{ name: context, cluster: { server, 'certificate-authority': caFile } }],
    users: [{ name: user, user: { token: identity.token } }],
    contexts: [{ name: context, context: { cluster: context, user } }],
    'current-context': context,
  });
}

/** kube-apiserver's `--token-auth-file`: `token,user,uid,"group1,group2"` per line. */
export function renderTokenAuthFile(identities: readonly Identity[]): string {
  return identities.map((i) => `${i.token},${i.user},${i.user},"${i.groups.join(',')}"\n`).join('');
}

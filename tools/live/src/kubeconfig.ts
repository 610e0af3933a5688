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

/** A kubeconfig for one identity against the live API server, trusting the cluster's CA file. */
export function renderKubeconfig(server: string, caFile: string, identity: Identity): string {
  return stringify({
    apiVersion: 'v1',
    kind: 'Config',
    clusters: [{ name: liveContext, cluster: { server, 'certificate-authority': caFile } }],
    users: [{ name: identity.user, user: { token: identity.token } }],
    contexts: [{ name: liveContext, context: { cluster: liveContext, user: identity.user } }],
    'current-context': liveContext,
  });
}

/** kube-apiserver's `--token-auth-file`: `token,user,uid,"group1,group2"` per line. */
export function renderTokenAuthFile(identities: readonly Identity[]): string {
  return identities.map((i) => `${i.token},${i.user},${i.user},"${i.groups.join(',')}"\n`).join('');
}

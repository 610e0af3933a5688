import { fluxApi } from '../plan/flux-api.js';
import { kubeObject, managedByLabel, type KubeObject } from '../plan/kube-object.js';
import type { ResolvedCluster } from '../definition/resolve-cluster.js';

/**
 * Flux notifications: a GitHub commit status per Kustomization on the cluster
 * repo (info severity, so a fixed reconciliation turns the status green again)
 * and, optionally, failed reconciliations to a chat webhook.
 * @see https://fluxcd.io/flux/components/notification/providers/#github
 */
export function planFluxNotifications(
  cluster: ResolvedCluster,
  helmReleaseNamespaces: readonly string[],
): KubeObject[] {
  const meta = (name: string) => ({ name, namespace: 'flux-system', labels: { ...managedByLabel } });
  const out: KubeObject[] = [];
  if (cluster.notifications.githubCommitStatus) {
    out.push(
      kubeObject(fluxApi.notification, 'Provider', meta('github-commit-status'), {
        spec: {
          type: 'github',
          address: cluster.repository.url.replace(/\.git$/, ''),
          secretRef: { name: 'flux-github-token' },
        },
      }),
      kubeObject(fluxApi.notification, 'Alert', meta('github-commit-status'), {
        spec: {
          providerRef: { name: 'github-commit-status' },
          eventSeverity: 'info',
          eventSources: [{ kind: 'Kustomization', name: '*' }],
        },
      }),
    );
  }
  const chat = cluster.notifications.chat;
  if (chat) {
    out.push(
      kubeObject(fluxApi.notification, 'Provider', meta('chat'), {
        spec: {
          type: chat.type,
          ...(chat.channel ? { channel: chat.channel } : {}),
          secretRef: { name: 'flux-chat-webhook' },
        },
      }),
      kubeObject(fluxApi.notification, 'Alert', meta('reconciliation-failures'), {
        spec: {
          providerRef: { name: 'chat' },
          eventSeverity: 'error',
          eventSources: [
            { kind: 'Kustomization', name: '*' },
            { kind: 'GitRepository', name: '*' },
            ...[...new Set(helmReleaseNamespaces)]
              .sort()
              .map((namespace) => ({ kind: 'HelmRelease' as const, name: '*', namespace })),
          ],
        },
      }),
    );
  }
  return out;
}

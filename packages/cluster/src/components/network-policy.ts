import type { k8s, TypedObject } from '@sugarkube/core';
import { kubeObject, managedByLabel } from '../plan/kube-object.js';

/** Egress to the cluster DNS (CoreDNS in kube-system), UDP and TCP 53. */
export const dnsEgress: k8s.NetworkPolicyEgressRule = {
  to: [
    {
      namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'kube-system' } },
      podSelector: { matchLabels: { 'k8s-app': 'kube-dns' } },
    },
  ],
  ports: [
    { protocol: 'UDP', port: 53 },
    { protocol: 'TCP', port: 53 },
  ],
};

/** Ingress from Prometheus (the monitoring namespace) on one port: metrics scrapes. */
export const fromMonitoring = (port: number): k8s.NetworkPolicyIngressRule => ({
  from: [{ namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'monitoring' } } }],
  ports: [{ protocol: 'TCP', port }],
});

/** A NetworkPolicy owned by synth. */
export function networkPolicy(
  namespace: string,
  name: string,
  spec: k8s.NetworkPolicySpec,
): TypedObject<'networking.k8s.io/v1', 'NetworkPolicy'> {
  return kubeObject(
    'networking.k8s.io/v1',
    'NetworkPolicy',
    { name, namespace, labels: { ...managedByLabel } },
    { spec },
  );
}

/** Denies all ingress and egress in a namespace; the component's own policy then allows what it needs. */
export function defaultDeny(namespace: string): TypedObject<'networking.k8s.io/v1', 'NetworkPolicy'> {
  return networkPolicy(namespace, 'default-deny', { podSelector: {}, policyTypes: ['Ingress', 'Egress'] });
}

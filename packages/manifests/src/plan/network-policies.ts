import { clusterConventions as c } from './conventions.js';
import type { k8s, TypedObject } from '@sugarkube/core';
import { appLabels, selectorLabels } from './labels.js';
import type { ResolvedEnvironment } from './resolve-environment.js';
import type { ResolvedService } from './resolve-service.js';

const inNamespace = (name: string) => ({ matchLabels: { 'kubernetes.io/metadata.name': name } });

function policy(
  env: ResolvedEnvironment,
  name: string,
  spec: k8s.NetworkPolicySpec,
): TypedObject<'networking.k8s.io/v1', 'NetworkPolicy'> {
  return {
    apiVersion: 'networking.k8s.io/v1',
    kind: 'NetworkPolicy',
    metadata: { name, namespace: env.namespace, labels: appLabels(env.app.name) },
    spec,
  };
}

function egressRules(service: ResolvedService): k8s.NetworkPolicyEgressRule[] {
  return (service.egress ?? []).map((rule) => ({
    to: [
      rule.cidr !== undefined
        ? { ipBlock: { cidr: rule.cidr, ...(rule.except?.length ? { except: [...rule.except] } : {}) } }
        : {
            namespaceSelector: inNamespace(rule.namespace!),
            ...(rule.podLabels ? { podSelector: { matchLabels: { ...rule.podLabels } } } : {}),
          },
    ],
    ports: rule.ports.map((p) => ({ port: p.port, protocol: p.protocol ?? 'TCP' })),
  }));
}

/**
 * Default deny in both directions, then: DNS, traffic inside the namespace,
 * the ingress controller and the tunnel to routed services, Prometheus to
 * metrics ports, and each service's declared egress.
 */
export function planNetworkPolicies(env: ResolvedEnvironment): TypedObject<'networking.k8s.io/v1', 'NetworkPolicy'>[] {
  const out = [
    policy(env, 'default-deny', { podSelector: {}, policyTypes: ['Ingress', 'Egress'] }),
    policy(env, 'allow-dns', {
      podSelector: {},
      policyTypes: ['Egress'],
      egress: [
        {
          to: [{ namespaceSelector: inNamespace(c.dnsNamespace), podSelector: { matchLabels: { ...c.dnsPodLabels } } }],
          ports: [
            { port: 53, protocol: 'UDP' },
            { port: 53, protocol: 'TCP' },
          ],
        },
      ],
    }),
    policy(env, 'allow-same-namespace', {
      podSelector: {},
      policyTypes: ['Ingress', 'Egress'],
      ingress: [{ from: [{ podSelector: {} }] }],
      egress: [{ to: [{ podSelector: {} }] }],
    }),
  ];
  const routed = new Set(env.routes.flatMap((r) => r.paths.map((p) => p.service)));
  for (const service of env.services) {
    const podSelector = { matchLabels: selectorLabels(env.app.name, service.name) };
    if (routed.has(service.name)) {
      out.push(
        policy(env, `allow-ingress-${service.name}`, {
          podSelector,
          policyTypes: ['Ingress'],
          ingress: [
            {
              from: [
                {
                  namespaceSelector: inNamespace(c.ingressNamespace),
                  podSelector: { matchLabels: { ...c.ingressPodLabels } },
                },
                { namespaceSelector: inNamespace(c.tunnelNamespace) },
              ],
              ports: [{ port: service.port, protocol: 'TCP' }],
            },
          ],
        }),
      );
    }
    if (service.metrics) {
      out.push(
        policy(env, `allow-metrics-${service.name}`, {
          podSelector,
          policyTypes: ['Ingress'],
          ingress: [
            {
              from: [{ namespaceSelector: inNamespace(c.monitoringNamespace) }],
              ports: [{ port: service.metrics.port ?? service.port, protocol: 'TCP' }],
            },
          ],
        }),
      );
    }
    const egress = egressRules(service);
    if (egress.length)
      out.push(policy(env, `allow-egress-${service.name}`, { podSelector, policyTypes: ['Egress'], egress }));
  }
  return out;
}

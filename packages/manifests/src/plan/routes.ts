import { checkArguments, type TypedObject } from '@sugarkube/core';
import { z } from 'zod';
import type { KubeObject } from './kube-object.js';
import { appLabels } from './labels.js';
import type { ResolvedEnvironment, ResolvedRoute } from './resolve-environment.js';

// Built once: zod constructs and compiles a schema on its first parse, which per call cost
// more than the check (docs/benchmarks.md, (c)).
const namedRoute = z.looseObject({ name: z.string({ error: 'a route name' }) });

/** The TLS Secret of a route. */
export function tlsSecretName(route: Pick<ResolvedRoute, 'name'>): string {
  checkArguments('tlsSecretName argument', [[[], namedRoute, route]]);
  return `${route.name}-tls`;
}

/** Gateway API HTTPRoute attached to the cluster's Traefik Gateway. */
export function planHttpRoute(
  env: ResolvedEnvironment,
  route: ResolvedRoute,
): TypedObject<'gateway.networking.k8s.io/v1', 'HTTPRoute'> {
  const { gateway } = env;
  return {
    apiVersion: 'gateway.networking.k8s.io/v1',
    kind: 'HTTPRoute',
    metadata: { name: route.name, namespace: env.namespace, labels: appLabels(env.app.name) },
    spec: {
      parentRefs: [
        {
          group: 'gateway.networking.k8s.io',
          kind: 'Gateway',
          name: gateway.name,
          namespace: gateway.namespace,
          ...(gateway.sectionName ? { sectionName: gateway.sectionName } : {}),
        },
      ],
      hostnames: [route.host],
      rules: route.paths.map((p) => ({
        matches: [{ path: { type: p.match, value: p.path } }],
        backendRefs: [{ name: p.service, port: p.port }],
      })),
    },
  };
}

/** Ingress (the fallback): class, cert-manager annotation and TLS. */
export function planIngress(
  env: ResolvedEnvironment,
  route: ResolvedRoute,
): TypedObject<'networking.k8s.io/v1', 'Ingress'> {
  return {
    apiVersion: 'networking.k8s.io/v1',
    kind: 'Ingress',
    metadata: {
      name: route.name,
      namespace: env.namespace,
      labels: appLabels(env.app.name),
      ...(route.tlsIssuer ? { annotations: { 'cert-manager.io/cluster-issuer': route.tlsIssuer } } : {}),
    },
    spec: {
      ingressClassName: env.ingressClassName,
      rules: [
        {
          host: route.host,
          http: {
            paths: route.paths.map((p) => ({
              path: p.path,
              pathType: p.match === 'Exact' ? 'Exact' : 'Prefix',
              backend: { service: { name: p.service, port: { number: p.port } } },
            })),
          },
        },
      ],
      ...(route.tlsIssuer ? { tls: [{ hosts: [route.host], secretName: tlsSecretName(route) }] } : {}),
    },
  };
}

/** With Gateway API only, cert-manager needs an explicit Certificate (the Gateway's listener references the Secret). */
export function planCertificate(
  env: ResolvedEnvironment,
  route: ResolvedRoute & { tlsIssuer: string },
): TypedObject<'cert-manager.io/v1', 'Certificate'> {
  return {
    apiVersion: 'cert-manager.io/v1',
    kind: 'Certificate',
    metadata: { name: route.name, namespace: env.namespace, labels: appLabels(env.app.name) },
    spec: {
      secretName: tlsSecretName(route),
      dnsNames: [route.host],
      issuerRef: { group: 'cert-manager.io', kind: 'ClusterIssuer', name: route.tlsIssuer },
      // Renew 30 days ahead, so the "expires in < 15 days" alert means renewal failed.
      renewBefore: '720h',
      privateKey: { algorithm: 'ECDSA', size: 256, rotationPolicy: 'Always' },
    },
  };
}

/**
 * Lets the Gateway (in another namespace) read the app's certificate Secrets: its HTTPS
 * listeners reference them across namespaces.
 * @see https://gateway-api.sigs.k8s.io/api-types/referencegrant/
 */
export function planReferenceGrant(
  env: ResolvedEnvironment,
): TypedObject<'gateway.networking.k8s.io/v1beta1', 'ReferenceGrant'> {
  return {
    apiVersion: 'gateway.networking.k8s.io/v1beta1',
    kind: 'ReferenceGrant',
    metadata: { name: 'gateway-tls', namespace: env.namespace, labels: appLabels(env.app.name) },
    spec: {
      from: [{ group: 'gateway.networking.k8s.io', kind: 'Gateway', namespace: env.gateway.namespace }],
      to: [{ group: '', kind: 'Secret' }],
    },
  };
}

/** HTTPRoute and/or Ingress (and a Certificate when only the Gateway terminates TLS) per route. */
export function planRoutes(env: ResolvedEnvironment): KubeObject[] {
  const out: KubeObject[] = [];
  for (const route of env.routes) {
    if (env.routeClass !== 'ingress') out.push(planHttpRoute(env, route));
    if (env.routeClass !== 'gateway') out.push(planIngress(env, route));
    if (env.routeClass === 'gateway' && route.tlsIssuer)
      out.push(planCertificate(env, { ...route, tlsIssuer: route.tlsIssuer }));
  }
  const gatewayTls =
    env.routeClass !== 'ingress' && env.routes.some((r) => r.tlsIssuer) && env.gateway.namespace !== env.namespace;
  if (gatewayTls) out.push(planReferenceGrant(env));
  return out;
}

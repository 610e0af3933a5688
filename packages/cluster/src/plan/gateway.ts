import type { ValidatedAppDescriptor } from '@sugarkube/manifests';
import { defaultGateway } from '@sugarkube/manifests';
import { environmentsOf, resolveEnvironment } from '@sugarkube/manifests';
import { tlsSecretName } from '@sugarkube/manifests';
import { kubeObject, managedByLabel, type KubeObject } from './kube-object.js';

/** One HTTPS host on the Gateway: its listener terminates TLS with the app's certificate Secret. */
export interface GatewayHost {
  readonly app: string;
  readonly namespace: string;
  readonly route: string;
  readonly host: string;
  readonly secretName: string;
}

/** The HTTPS hosts of the apps in one environment (routes attached to the Gateway with TLS). */
export function gatewayHosts(apps: readonly ValidatedAppDescriptor[], envName: string): GatewayHost[] {
  const out: GatewayHost[] = [];
  for (const app of apps) {
    if (!(envName in environmentsOf(app))) continue;
    const env = resolveEnvironment(app, envName);
    if (env.routeClass === 'ingress') continue;
    if (env.gateway.name !== defaultGateway.name || env.gateway.namespace !== defaultGateway.namespace) continue;
    for (const route of env.routes) {
      if (!route.tlsIssuer || !route.host) continue;
      out.push({
        app: app.name,
        namespace: env.namespace,
        route: route.name,
        host: route.host,
        secretName: tlsSecretName(route),
      });
    }
  }
  return out;
}

/**
 * The cluster's Gateway on Traefik's GatewayClass: HTTP on the `web`
 * entrypoint (port 8000, where the tunnel and MetalLB send traffic) and one
 * HTTPS listener per app host on `websecure` (8443).
 * @see https://doc.traefik.io/traefik/routing/providers/kubernetes-gateway/
 */
export function planGateway(hosts: readonly GatewayHost[]): KubeObject {
  const allowAll = { namespaces: { from: 'All' as const } };
  return kubeObject(
    'gateway.networking.k8s.io/v1',
    'Gateway',
    { ...defaultGateway, labels: { ...managedByLabel } },
    {
      spec: {
        gatewayClassName: 'traefik',
        listeners: [
          { name: 'web', port: 8000, protocol: 'HTTP', allowedRoutes: allowAll },
          ...hosts.map((h) => ({
            name: `https-${h.app}-${h.route}`.slice(0, 63),
            hostname: h.host,
            port: 8443,
            protocol: 'HTTPS',
            tls: {
              mode: 'Terminate' as const,
              certificateRefs: [{ kind: 'Secret', name: h.secretName, namespace: h.namespace }],
            },
            allowedRoutes: allowAll,
          })),
        ],
      },
    },
  );
}

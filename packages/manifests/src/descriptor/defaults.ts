import type { EnvironmentDescriptor, ServiceDescriptor } from './app-schema.js';

type WritablePath = NonNullable<ServiceDescriptor['writablePaths']>[number];

/** The environments an app gets when it names none. */
export function defaultEnvironments(): Record<string, EnvironmentDescriptor> {
  return { staging: {}, prod: {} };
}

/** The emptyDir volume name of a writable path: `/var/cache/nginx` → `var-cache-nginx`. */
export function volumeNameOf(writable: WritablePath): string {
  if (typeof writable !== 'string' && writable.name) return writable.name;
  const path = typeof writable === 'string' ? writable : writable.path;
  const slug = path
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 63)
    .replace(/-+$/, '');
  return /^[a-z]/.test(slug) ? slug : `path-${slug || 'root'}`.slice(0, 63);
}

/** Sidecars and init containers: small. */
export const auxDefaults = { cpu: '50m', memory: '64Mi' } as const;

/** The default ClusterIssuer of route TLS. */
export const defaultIssuer = 'letsencrypt-production';
/** The cluster's Traefik Gateway (k3s Traefik chart with the Gateway provider). */
export const defaultGateway = { name: 'traefik-gateway', namespace: 'kube-system' } as const;

import type { AppDescriptor } from '@sugarkube/manifests';
import { resolveSiteOptions, type SiteOptions } from '../site-options.js';

/** Where nginx-unprivileged serves from, and where the seed init container writes. */
const htmlRoot = '/usr/share/nginx/html';
const seedMount = '/seed';
const seedFilesMount = '/etc/sugarkube/runtime-files';

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

/**
 * The `@sugarkube/manifests` app descriptor of a site: one `static-nginx` service on the
 * site's port with a read-only root (emptyDirs at /tmp and /var/cache/nginx), probes on the
 * health paths nginx answers itself, one route (`staging.<host>` and `<host>`, PathPrefix `path`),
 * and, with `runtimeFiles`, the seed init container and its ConfigMap. Pure.
 */
export function siteAppDescriptor(options: SiteOptions): AppDescriptor {
  const site = resolveSiteOptions(options);
  const runtime = site.runtimeFiles;
  const runtimeDir = runtime ? `${htmlRoot}${site.path}${runtime.prefix.replace(/\/$/, '')}` : undefined;

  const service: Mutable<AppDescriptor['services'][number]> = {
    name: 'web',
    runtime: 'static-nginx',
    image: { repository: site.image, tag: site.tag },
    port: site.port,
    probes: { readiness: site.health.readiness, liveness: site.health.liveness },
    writablePaths: ['/tmp', '/var/cache/nginx', ...(runtime && runtimeDir ? [{ path: runtimeDir, name: 'runtime' }] : [])],
  };
  if (runtime && runtimeDir) {
    service.files = [{ name: 'runtime-files', configMap: runtime.configMap, mountPath: seedFilesMount }];
    service.initContainers = [
      {
        name: runtime.initContainerName,
        // The image's own copy of the directory first, then this environment's files over it.
        command: ['sh', '-c', `cp -R ${runtimeDir}/. ${seedMount}/ 2>/dev/null || true; cp -L ${seedFilesMount}/* ${seedMount}/`],
        mounts: [
          { volume: 'runtime', mountPath: seedMount },
          { volume: 'runtime-files', mountPath: seedFilesMount, readOnly: true },
        ],
      },
    ];
  }

  const environments: Record<string, Mutable<NonNullable<AppDescriptor['environments']>[string]>> = {
    ...(site.environments ?? { staging: {}, prod: {} }),
  };
  if (runtime) {
    for (const [environment, files] of Object.entries(runtime.files)) {
      const current = environments[environment] ?? {};
      environments[environment] = { ...current, configMaps: { ...(current.configMaps ?? {}), [runtime.configMap]: { ...files } } };
    }
  }

  const routing =
    site.route.kind === 'ingress'
      ? { class: 'ingress' as const, ingressClassName: site.route.ingressClass }
      : { class: 'gateway' as const, ...(site.route.gateway ? { gateway: site.route.gateway } : {}) };

  return {
    name: site.name,
    services: [service],
    routes: [
      {
        apex: site.host,
        paths: [{ path: site.path === '/' ? '/' : site.path.slice(0, -1), match: 'PathPrefix' }],
        tls: site.tls === false ? false : { issuer: site.tls.issuer },
      },
    ],
    routing,
    environments,
  };
}

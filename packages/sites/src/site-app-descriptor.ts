import type { AppDescriptor } from '@sugarkube/manifests';
import type { SiteOptions } from './site-options.js';

/** Where nginx-unprivileged serves from, and where the seed init container writes. */
const htmlRoot = '/usr/share/nginx/html';
const seedMount = '/seed';
const seedFilesMount = '/etc/sugarkube/runtime-files';

type Mutable<T> = { -readonly [K in keyof T]: T[K] };
type Service = Mutable<AppDescriptor['services'][number]>;
type Environment = Mutable<NonNullable<AppDescriptor['environments']>[string]>;

/**
 * The app descriptor of a site: one `static-nginx` service named `web` whose build serves the
 * site's `path`, `cache`, `spaFallback`, `notFoundPage` and `headers` (the run-time directory
 * added to the no-store prefixes), probes on the health paths nginx answers itself, a read-only
 * root with the runtime's writable paths, one route (`staging.<host>` and `<host>`, PathPrefix
 * `path`), and with `runtimeFiles` the seed init container, its emptyDir and its ConfigMap per
 * environment. Options are taken as given: `planSiteFiles` checks them first. Pure.
 */
export function siteAppDescriptor(site: SiteOptions): AppDescriptor {
  const path = site.path ?? '/';
  const runtime = site.runtimeFiles && {
    prefix: site.runtimeFiles.prefix ?? 'runtime/',
    initContainerName: site.runtimeFiles.initContainerName ?? 'seed-runtime',
    configMap: site.runtimeFiles.configMap ?? `${site.name}-runtime`,
    files: site.runtimeFiles.files,
  };
  const runtimeDir = runtime && `${htmlRoot}${path}${runtime.prefix.replace(/\/$/, '')}`;
  const noStore = [...new Set([...(site.cache?.noStorePrefixes ?? []), ...(runtime ? [runtime.prefix] : [])])];
  const serving = {
    ...(site.path !== undefined ? { path: site.path } : {}),
    ...(site.cache !== undefined || noStore.length > 0
      ? { cache: { ...site.cache, ...(noStore.length > 0 ? { noStorePrefixes: noStore } : {}) } }
      : {}),
    ...(site.spaFallback !== undefined ? { spaFallback: site.spaFallback } : {}),
    ...(site.notFoundPage !== undefined ? { notFoundPage: site.notFoundPage } : {}),
    ...(site.headers !== undefined ? { headers: site.headers } : {}),
  };

  const service: Service = {
    name: 'web',
    runtime: 'static-nginx',
    image: { repository: site.image, ...(site.tag !== undefined ? { tag: site.tag } : {}) },
    port: site.port ?? 8080,
    build: { ...site.build, serving },
    probes: { readiness: site.health?.readiness ?? '/healthz', liveness: site.health?.liveness ?? '/livez' },
    writablePaths: ['/tmp', '/var/cache/nginx', ...(runtimeDir ? [{ path: runtimeDir, name: 'runtime' }] : [])],
  };
  if (runtime && runtimeDir) {
    service.files = [{ name: 'runtime-files', configMap: runtime.configMap, mountPath: seedFilesMount }];
    service.initContainers = [
      {
        name: runtime.initContainerName,
        // The image's own copy of the directory first, then this environment's files over it.
        command: [
          'sh',
          '-c',
          `cp -R ${runtimeDir}/. ${seedMount}/ 2>/dev/null || true; cp -L ${seedFilesMount}/* ${seedMount}/`,
        ],
        mounts: [
          { volume: 'runtime', mountPath: seedMount },
          { volume: 'runtime-files', mountPath: seedFilesMount, readOnly: true },
        ],
      },
    ];
  }

  const environments: Record<string, Environment> = { ...(site.environments ?? { staging: {}, prod: {} }) };
  if (runtime) {
    for (const [environment, files] of Object.entries(runtime.files)) {
      const current = environments[environment] ?? {};
      environments[environment] = {
        ...current,
        configMaps: { ...current.configMaps, [runtime.configMap]: { ...files } },
      };
    }
  }

  const route = site.route ?? { kind: 'httproute' as const };
  const routing =
    route.kind === 'ingress'
      ? { class: 'ingress' as const, ingressClassName: route.ingressClass }
      : { class: 'gateway' as const, ...(route.gateway ? { gateway: route.gateway } : {}) };
  const tls = site.tls === false ? false : { issuer: site.tls?.issuer ?? 'letsencrypt-production' };

  return {
    name: site.name,
    ...(site.defaultBranch !== undefined ? { defaultBranch: site.defaultBranch } : {}),
    services: [service],
    routes: [{ apex: site.host, paths: [{ path: path === '/' ? '/' : path.slice(0, -1), match: 'PathPrefix' }], tls }],
    routing,
    environments,
  };
}

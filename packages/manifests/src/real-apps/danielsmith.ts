import type { AppDescriptor } from '../descriptor/app-schema.js';

const seed = 'cp -R /usr/share/nginx/html/runtime/. /seed/ && cp /etc/sugarkube/build-info/build-info.json /seed/build-info.json';

/** The build-info.json the init container copies next to the site's runtime JSON. */
const buildInfo = (environment: string) => ({
  'danielsmith-build-info': { 'build-info.json': JSON.stringify({ app: 'danielsmith', environment }) },
});

/**
 * danielsmith.io as it runs (futuroptimist/danielsmith.io@eda8619d): a static
 * Vite site on nginx-unprivileged (uid 101) listening on 8080, with the
 * `seed-build-info` init container filling the writable runtime directory.
 * Image name is dotted; namespace and release are `danielsmith`.
 */
export const danielsmith = {
  name: 'danielsmith',
  services: [
    {
      name: 'web',
      runtime: 'static-nginx',
      image: { repository: 'ghcr.io/futuroptimist/danielsmith.io' },
      port: 8080,
      runAsUser: 101,
      probes: { readiness: '/healthz', liveness: '/livez' },
      writablePaths: ['/tmp', '/var/cache/nginx', '/var/run', { path: '/usr/share/nginx/html/runtime', name: 'runtime' }],
      files: [{ name: 'build-info', configMap: 'danielsmith-build-info', mountPath: '/etc/sugarkube/build-info' }],
      initContainers: [
        {
          name: 'seed-build-info',
          command: ['sh', '-c', seed],
          mounts: [
            { volume: 'runtime', mountPath: '/seed' },
            { volume: 'build-info', mountPath: '/etc/sugarkube/build-info', readOnly: true },
          ],
        },
      ],
    },
  ],
  routes: [{ apex: 'danielsmith.io' }],
  environments: {
    staging: { configMaps: buildInfo('staging') },
    prod: { configMaps: buildInfo('prod'), image: { tag: 'main-5ca96df16f0f' } },
  },
} as const satisfies AppDescriptor;

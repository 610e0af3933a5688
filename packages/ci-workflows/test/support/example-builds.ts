import { generatedHeader } from '@sugarkube/core';
import type { AppBuildFilesInput } from '../../src/index.js';

/** The header an app-repo entry point passes (the descriptor is the source). */
export const descriptorHeader = generatedHeader({
  generator: '@sugarkube/manifests',
  command: 'npx projen',
  source: 'sugarkube.yaml',
});

/**
 * One service of each example app repo (examples/<name>), as its descriptor would describe it:
 * the build section and the run settings its Deployment gets. The build contexts are the
 * examples' sources; the files are generated from these inputs alone.
 */
export const exampleBuilds = {
  tokenplace: {
    app: 'tokenplace',
    service: 'relay',
    runtime: 'python',
    build: {
      server: { kind: 'gunicorn', app: 'relay:app', workers: 1, threads: 4 },
      requirements: 'requirements.txt',
      dockerignore: ['tests', 'docs'],
    },
    image: 'ghcr.io/futuroptimist/token.place',
    port: 5010,
    env: { RELAY_HOST: '0.0.0.0', RELAY_PORT: '5010', PROMETHEUS_MULTIPROC_DIR: '/tmp' },
    header: descriptorHeader,
  },
  dspace: {
    app: 'dspace',
    service: 'web',
    runtime: 'node',
    build: {
      packageManager: { name: 'pnpm', version: '9.15.9' },
      workspace: { app: 'frontend', packages: ['frontend', 'packages/greeting'] },
      buildArgs: ['VITE_GIT_SHA'],
      runtimeFiles: ['frontend/dist', 'packages/greeting'],
      command: ['node', 'dist/server/entry.mjs'],
    },
    image: 'ghcr.io/democratizedspace/dspace',
    env: { DSPACE_ENV: 'production' },
    header: descriptorHeader,
  },
  jobbot3000: {
    app: 'jobbot3000',
    service: 'web',
    runtime: 'static-node',
    build: {
      serverScript: 'scripts/static-server.js',
      staticDir: 'dist',
      staticDirEnv: 'JOBBOT_STATIC_DIR',
      buildArgs: ['JOBBOT_GIT_SHA', 'SOURCE_DATE_EPOCH'],
      ignoreScripts: true,
    },
    image: 'ghcr.io/futuroptimist/jobbot3000',
    env: { JOBBOT_WEB_PORT: '8080' },
    header: descriptorHeader,
  },
  danielsmith: {
    app: 'danielsmith',
    service: 'web',
    runtime: 'static-nginx',
    build: {
      buildScript: 'build',
      siteDir: 'dist',
      serving: { spaFallback: true, cache: { noStorePrefixes: ['runtime/'] } },
    },
    image: 'ghcr.io/futuroptimist/danielsmith.io',
    // The build info an init container writes at pod start lives under the site: writable, no-store.
    writablePaths: ['/tmp', '/var/cache/nginx', '/usr/share/nginx/html/runtime'],
    header: descriptorHeader,
  },
} satisfies Record<string, AppBuildFilesInput>;

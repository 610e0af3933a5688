import type { AppDescriptor } from '../descriptor/app-schema.js';

/** Everything public on the internet, nothing private: the chat proxy and token.place over HTTPS. */
const internetHttps = {
  cidr: '0.0.0.0/0',
  except: ['10.0.0.0/8', '172.16.0.0/12', '192.168.0.0/16'],
  ports: [{ port: 443 }],
} as const;

/**
 * DSPACE v3 as it runs (democratizedspace/dspace@32bf109e): one Astro SSR
 * Node process (pages, API routes, /metrics behind a bearer token), two
 * replicas. Chart: charts/dspace (values.yaml). Prod pin: docs/apps/dspace.prod.tag.
 */
export const dspace = {
  name: 'dspace',
  services: [
    {
      name: 'web',
      runtime: 'node',
      image: { repository: 'ghcr.io/democratizedspace/dspace' },
      port: 8080,
      probes: { readiness: '/healthz', liveness: '/livez' },
      env: { PORT: '8080', HOST: '0.0.0.0', NODE_ENV: 'production', METRICS_ENABLED: 'true' },
      writablePaths: ['/tmp'],
      metrics: { path: '/metrics', tokenSecret: { name: 'dspace-metrics-token', key: 'token' }, tokenEnv: 'METRICS_TOKEN' },
      // The chart's numbers: SSR with server-side rendering of large pages needs more than the Pi default.
      resources: { cpu: '500m', memory: '768Mi', memoryLimit: '1536Mi' },
      replicas: 2,
      egress: [internetHttps],
    },
  ],
  routes: [{ apex: 'democratized.space' }],
  environments: {
    staging: {
      env: { DSPACE_ENV: 'staging', DSPACE_TOKEN_PLACE_URL: 'https://staging.token.place' },
    },
    prod: {
      env: { DSPACE_ENV: 'prod', DSPACE_TOKEN_PLACE_URL: 'https://token.place' },
      image: { tag: 'main-1a31a56' },
    },
  },
} as const satisfies AppDescriptor;

import type { AppDescriptor } from '../descriptor/app-schema.js';

/**
 * jobbot3000 as it runs (futuroptimist/jobbot3000@f6cc7500): an Express static
 * server (scripts/static-server.js) on 8080 as user `node`; tracker data lives
 * in the browser, so no volumes, secrets or config. Prod host is still a placeholder.
 */
export const jobbot3000 = {
  name: 'jobbot3000',
  services: [
    {
      name: 'web',
      runtime: 'static-node',
      image: { repository: 'ghcr.io/futuroptimist/jobbot3000' },
      port: 8080,
      servicePort: 80,
      probes: { readiness: '/healthz', liveness: '/livez' },
      env: { NODE_ENV: 'production', PORT: '8080', JOBBOT_WEB_PORT: '8080', JOBBOT_STATIC_DIR: '/app/dist' },
      writablePaths: ['/tmp'],
    },
  ],
  routes: [{ hosts: { staging: 'staging.jobbot3000.tech', prod: 'jobbot3000.example.test' } }],
} as const satisfies AppDescriptor;

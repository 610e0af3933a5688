import type { AppDescriptor } from '../descriptor/app-schema.js';

/**
 * token.place as it runs (futuroptimist/token.place@4577c767): one Flask relay
 * under gunicorn with the API in-process, in-memory state, so one replica
 * replaced with Recreate. Chart: charts/tokenplace (values.yaml, deployment.yaml).
 */
export const tokenplace = {
  name: 'tokenplace',
  services: [
    {
      name: 'relay',
      runtime: 'python',
      image: { repository: 'ghcr.io/futuroptimist/tokenplace-relay' },
      port: 5010,
      servicePort: 80,
      runAsUser: 1000,
      probes: { readiness: '/healthz', liveness: '/livez' },
      env: {
        RELAY_HOST: '0.0.0.0',
        RELAY_PORT: '5010',
        RELAY_WORKERS: '1',
        RELAY_THREADS: '4',
        PROMETHEUS_MULTIPROC_DIR: '/tmp',
        TOKENPLACE_RELAY_INTERNAL_URL: 'http://127.0.0.1:5010',
        XDG_CONFIG_HOME: '/tmp/.config',
        XDG_DATA_HOME: '/tmp/.local/share',
        XDG_CACHE_HOME: '/tmp/.cache',
        XDG_STATE_HOME: '/tmp/.local/state',
      },
      writablePaths: ['/tmp'],
      metrics: { path: '/metrics', tokenSecret: { name: 'tokenplace-metrics-token', key: 'token' }, tokenEnv: 'TOKENPLACE_METRICS_TOKEN' },
      resources: { cpu: '100m', memory: '128Mi', memoryLimit: '256Mi' },
      replicas: 1,
      strategy: 'Recreate',
    },
  ],
  routes: [{ apex: 'token.place' }],
  environments: {
    staging: {
      env: { TOKENPLACE_DEPLOY_ENV: 'staging', TOKENPLACE_RELAY_PUBLIC_URL: 'https://staging.token.place' },
    },
    prod: {
      env: { TOKENPLACE_DEPLOY_ENV: 'prod', TOKENPLACE_RELAY_PUBLIC_URL: 'https://token.place' },
    },
  },
} as const satisfies AppDescriptor;

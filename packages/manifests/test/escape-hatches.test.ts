/* eslint-disable @typescript-eslint/no-explicit-any -- assertions read untyped Kubernetes JSON */
import { validateManifests } from '@sugarkube/verify';
import { describe, expect, it } from 'vitest';
import { defineApp, planApp, renderAppTree, type AppDescriptor } from '../src/index.js';
import { buildOverlays, canonical } from './support/build.js';
import { hasDefaultDeny, podSpecs, restrictedViolations } from './support/pod-security.js';

const sealed = 'AgBy3i4OJSWK+PiTySYZZA9rO43cGDEq'.repeat(4);

/** Everything a descriptor can ask for, across two services and three environments. */
const everything: AppDescriptor = {
  name: 'kitchen',
  services: [
    {
      name: 'api',
      runtime: 'python',
      image: { repository: 'ghcr.io/acme/kitchen-api', tag: 'main-1700000000-abc1234' },
      port: 8000,
      command: ['gunicorn', 'app:app'],
      probes: {
        readiness: '/ready',
        liveness: { path: '/live', periodSeconds: 20 },
        startup: { tcpPort: 8000, failureThreshold: 30 },
      },
      env: {
        LOG_LEVEL: 'info',
        WORKERS: 2,
        DEBUG: false,
        DB_URL: { secret: 'db', key: 'url' },
        MODE: { configMap: 'settings', key: 'mode' },
        POD: { field: 'metadata.name' },
      },
      writablePaths: ['/tmp', { path: '/var/cache/app', sizeLimit: '256Mi', medium: 'Memory' }],
      volumes: [{ name: 'data', mountPath: '/data', size: '5Gi', storageClass: 'local-path' }],
      sidecars: [
        {
          name: 'exporter',
          image: 'docker.io/library/python:3.12-alpine',
          port: 9100,
          mounts: [{ volume: 'tmp', mountPath: '/scratch' }],
        },
      ],
      metrics: { port: 9464, tokenSecret: { name: 'metrics' }, tokenEnv: 'METRICS_BEARER' },
      egress: [{ namespace: 'valkey', podLabels: { 'app.kubernetes.io/name': 'valkey' }, ports: [{ port: 6379 }] }],
    },
    {
      name: 'web',
      runtime: 'static-nginx',
      image: { repository: 'ghcr.io/acme/kitchen-web' },
      port: 8080,
      replicas: 2,
      hpa: { minReplicas: 2, maxReplicas: 4 },
      writablePaths: ['/tmp', '/var/cache/nginx', '/var/run'],
    },
  ],
  routes: [
    { apex: 'kitchen.example.org', paths: [{ path: '/api', service: 'api' }, { path: '/' }] },
    {
      name: 'admin',
      hosts: { staging: 'admin.staging.example.org', prod: 'admin.example.org', dev: 'admin.dev.example.org' },
      paths: [{ service: 'api', match: 'Exact', path: '/admin' }],
      tls: false,
    },
  ],
  routing: { class: 'both' },
  configMaps: { settings: { mode: 'normal' } },
  sealedSecrets: { metrics: { encryptedData: { token: sealed } } },
  environments: {
    dev: {
      replicas: 1,
      hpa: false,
      routeClass: 'ingress',
      tlsIssuer: 'letsencrypt-staging',
      resources: { memory: '192Mi' },
    },
    staging: {
      services: { web: { hpa: { minReplicas: 1, maxReplicas: 2 } } },
      sealedSecrets: { db: { encryptedData: { url: sealed }, scope: 'namespace-wide' } },
      extraObjects: [
        { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'feature-flags' }, data: { beta: 'on' } },
      ],
      patches: [
        {
          target: { kind: 'Service', name: 'web' },
          strategicMerge: { metadata: { annotations: { 'example.org/owner': 'team-a' } } },
        },
        {
          target: { kind: 'Deployment', name: 'api' },
          json6902: [{ op: 'add', path: '/spec/template/metadata/annotations', value: { 'example.org/restart': '1' } }],
        },
        {
          target: { kind: 'Deployment', name: 'web' },
          strategicMerge: {
            spec: { template: { spec: { containers: [{ name: 'web', env: [{ name: 'EXTRA', value: 'yes' }] }] } } },
          },
        },
      ],
    },
    prod: {
      env: { LOG_LEVEL: 'warn' },
      image: { digest: `sha256:${'b'.repeat(64)}` },
      sealedSecrets: { db: { encryptedData: { url: sealed } } },
    },
  },
};

describe('every feature and escape hatch, through the real kustomize and kubeconform', () => {
  it('builds each overlay to exactly what planApp plans, restricted and default-deny, schema-valid', async () => {
    const app = defineApp(everything);
    const envs = ['dev', 'staging', 'prod'];
    const built = await buildOverlays(
      renderAppTree(app),
      envs.map((e) => `kitchen/overlays/${e}`),
    );
    for (const env of envs) {
      const { objects } = built.get(`kitchen/overlays/${env}`)!;
      expect(canonical(objects), env).toEqual(canonical(planApp(app, env)));
      for (const { id, spec } of podSpecs(objects)) expect(restrictedViolations(spec), `${env} ${id}`).toEqual([]);
      expect(hasDefaultDeny(objects, 'kitchen')).toBe(true);
    }
    const staging = built.get('kitchen/overlays/staging')!.objects as any[];
    const get = (kind: string, name: string) => staging.find((o) => o.kind === kind && o.metadata.name === name);
    expect(get('Service', 'web').metadata.annotations).toEqual({ 'example.org/owner': 'team-a' });
    expect(get('Deployment', 'web').spec.template.spec.containers[0].env).toEqual([{ name: 'EXTRA', value: 'yes' }]);
    expect(get('ConfigMap', 'feature-flags').metadata.namespace).toBe('kitchen');
    expect(get('PersistentVolumeClaim', 'api-data').metadata.annotations).toEqual({
      'kustomize.toolkit.fluxcd.io/prune': 'disabled',
    });
    expect(get('Namespace', 'kitchen').metadata.annotations).toEqual({
      'kustomize.toolkit.fluxcd.io/prune': 'disabled',
    });
    expect(get('Deployment', 'api').spec.strategy).toEqual({ type: 'Recreate' });
    expect(get('Ingress', 'web').metadata.annotations).toEqual({
      'cert-manager.io/cluster-issuer': 'letsencrypt-production',
    });
    expect(get('Ingress', 'admin').spec.tls).toBeUndefined();
    expect(get('HorizontalPodAutoscaler', 'web').spec.maxReplicas).toBe(2);
    const prod = built.get('kitchen/overlays/prod')!.objects as any[];
    expect(
      prod.find((o) => o.kind === 'Deployment' && o.metadata.name === 'api').spec.template.spec.containers[0].image,
    ).toBe(`ghcr.io/acme/kitchen-api@sha256:${'b'.repeat(64)}`);
    const dev = built.get('kitchen/overlays/dev')!.objects as any[];
    expect(dev.filter((o) => o.kind === 'HTTPRoute')).toEqual([]);
    expect(dev.find((o) => o.kind === 'PodDisruptionBudget')).toBeUndefined();

    const report = await validateManifests([...built].map(([path, b]) => ({ path, content: b.yaml })));
    expect(report.problems).toEqual([]);
    expect(report.invalid).toBe(0);
  }, 120_000);
});

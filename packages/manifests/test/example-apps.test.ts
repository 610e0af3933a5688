/* eslint-disable @typescript-eslint/no-explicit-any -- assertions read untyped Kubernetes JSON */
import { validateManifests } from '@sugarkube/verify';
import { beforeAll, describe, expect, it } from 'vitest';
import { defineApp, planApp, renderAppTree, type KubeObject } from '../src/index.js';
import { exampleApps as realApps } from './support/example-apps.js';
import { buildOverlays, canonical } from './support/build.js';
import { hasDefaultDeny, podSpecs, restrictedViolations } from './support/pod-security.js';

const environments = ['staging', 'prod'] as const;
const built = new Map<string, { yaml: string; objects: KubeObject[] }>();

beforeAll(async () => {
  for (const descriptor of Object.values(realApps)) {
    const app = defineApp(descriptor);
    const overlays = environments.map((env) => `${app.descriptor.name}/overlays/${env}`);
    for (const [overlay, result] of await buildOverlays(renderAppTree(app), overlays)) built.set(overlay, result);
  }
}, 120_000);

const objectsOf = (app: string, env: string) => built.get(`${app}/overlays/${env}`)!.objects as any[];
const find = (objects: any[], kind: string, name?: string) =>
  objects.find((o) => o.kind === kind && (name === undefined || o.metadata.name === name));

describe.each(Object.entries(realApps))('%s', (name, descriptor) => {
  it.each(environments)('%s: kubectl kustomize builds exactly what planApp plans', (env) => {
    expect(canonical(objectsOf(name, env))).toEqual(canonical(planApp(defineApp(descriptor), env)));
  });
  it.each(environments)('%s: every pod spec meets Pod Security restricted; the namespace denies by default', (env) => {
    const objects = objectsOf(name, env);
    const pods = podSpecs(objects);
    expect(pods.length).toBeGreaterThan(0);
    for (const { id, spec } of pods) expect(restrictedViolations(spec), id).toEqual([]);
    const namespace = find(objects, 'Namespace');
    expect(namespace.metadata.labels['pod-security.kubernetes.io/enforce']).toBe('restricted');
    expect(hasDefaultDeny(objects, namespace.metadata.name)).toBe(true);
  });
});

describe('facts of the running apps', () => {
  it('token.place: relay on 5010, /healthz and /livez, one replica, Recreate, /tmp writable, metrics token', () => {
    const objects = objectsOf('tokenplace', 'prod');
    const deployment = find(objects, 'Deployment', 'relay');
    const container = deployment.spec.template.spec.containers[0];
    expect(deployment.metadata.namespace).toBe('tokenplace');
    expect(deployment.spec.replicas).toBe(1);
    expect(deployment.spec.strategy).toEqual({ type: 'Recreate' });
    // No tag in the app repo's overlays: the cluster's Flux Kustomization pins it (spec.images).
    expect(container.image).toBe('ghcr.io/futuroptimist/tokenplace-relay');
    expect(container.ports).toEqual([{ name: 'http', containerPort: 5010, protocol: 'TCP' }]);
    expect(container.readinessProbe.httpGet).toEqual({ path: '/healthz', port: 'http' });
    expect(container.livenessProbe.httpGet).toEqual({ path: '/livez', port: 'http' });
    expect(container.volumeMounts).toEqual([{ name: 'tmp', mountPath: '/tmp' }]);
    expect(container.env).toContainEqual({
      name: 'TOKENPLACE_METRICS_TOKEN',
      valueFrom: { secretKeyRef: { name: 'tokenplace-metrics-token', key: 'token' } },
    });
    expect(find(objects, 'Service', 'relay').spec.ports[0]).toMatchObject({ port: 80, targetPort: 'http' });
    expect(find(objects, 'PodDisruptionBudget')).toBeUndefined();
    expect(find(objects, 'HTTPRoute', 'web').spec.hostnames).toEqual(['token.place']);
    expect(find(objectsOf('tokenplace', 'staging'), 'HTTPRoute', 'web').spec.hostnames).toEqual([
      'staging.token.place',
    ]);
    const monitor = find(objects, 'ServiceMonitor', 'relay');
    expect(monitor.metadata.labels.release).toBe('kube-prometheus-stack');
    expect(monitor.spec.endpoints[0].authorization).toEqual({
      type: 'Bearer',
      credentials: { name: 'tokenplace-metrics-token', key: 'token' },
    });
  });

  it('DSPACE: SSR on 8080, two replicas spread over nodes, PDB, metrics secret, no tag of its own', () => {
    const prod = objectsOf('dspace', 'prod');
    const deployment = find(prod, 'Deployment', 'web');
    expect(deployment.spec.replicas).toBe(2);
    expect(deployment.spec.template.spec.topologySpreadConstraints[0].topologyKey).toBe('kubernetes.io/hostname');
    // Tags are the cluster's data (its pins and image automation), never the app repo's.
    expect(deployment.spec.template.spec.containers[0].image).toBe('ghcr.io/democratizedspace/dspace');
    expect(built.get('dspace/overlays/prod')!.yaml).not.toMatch(/:edge|newTag/);
    expect(find(prod, 'PodDisruptionBudget', 'web').spec.maxUnavailable).toBe(1);
    expect(find(prod, 'HTTPRoute').spec.hostnames).toEqual(['democratized.space']);
    expect(find(objectsOf('dspace', 'staging'), 'HTTPRoute').spec.hostnames).toEqual(['staging.democratized.space']);
    expect(find(prod, 'ServiceMonitor').spec.endpoints[0].authorization.credentials.name).toBe('dspace-metrics-token');
    expect(find(prod, 'NetworkPolicy', 'allow-egress-web').spec.egress[0].ports).toEqual([
      { port: 443, protocol: 'TCP' },
    ]);
    const resources = deployment.spec.template.spec.containers[0].resources;
    expect(resources.limits.cpu).toBeUndefined();
  });

  it('danielsmith.io: nginx (uid 101) on 8080, seed-build-info init container, four emptyDirs', () => {
    const objects = objectsOf('danielsmith', 'staging');
    const pod = find(objects, 'Deployment', 'web').spec.template.spec;
    expect(find(objects, 'Namespace').metadata.name).toBe('danielsmith');
    expect(pod.securityContext.runAsUser).toBe(101);
    expect(pod.containers[0].image).toBe('ghcr.io/futuroptimist/danielsmith.io');
    expect(pod.initContainers.map((c: any) => c.name)).toEqual(['seed-build-info']);
    expect(pod.initContainers[0].image).toBe(pod.containers[0].image);
    const emptyDirs = pod.volumes.filter((v: any) => v.emptyDir).map((v: any) => v.name);
    const mounts = Object.fromEntries(pod.containers[0].volumeMounts.map((m: any) => [m.name, m.mountPath]));
    expect(emptyDirs.map((n: string) => mounts[n])).toEqual([
      '/tmp',
      '/var/cache/nginx',
      '/var/run',
      '/usr/share/nginx/html/runtime',
    ]);
    expect(JSON.parse(find(objects, 'ConfigMap', 'danielsmith-build-info').data['build-info.json'])).toEqual({
      app: 'danielsmith',
      environment: 'staging',
    });
  });

  it('jobbot3000: Node static server on 8080, /tmp writable, placeholder prod host', () => {
    const staging = objectsOf('jobbot3000', 'staging');
    const container = find(staging, 'Deployment', 'web').spec.template.spec.containers[0];
    expect(container.ports[0].containerPort).toBe(8080);
    expect(container.volumeMounts).toEqual([{ name: 'tmp', mountPath: '/tmp' }]);
    expect(find(staging, 'HTTPRoute').spec.hostnames).toEqual(['staging.jobbot3000.tech']);
    expect(find(objectsOf('jobbot3000', 'prod'), 'HTTPRoute').spec.hostnames).toEqual(['jobbot3000.example.test']);
    expect(find(staging, 'Secret')).toBeUndefined();
  });
});

describe('kubeconform (Kubernetes 1.33 + CRD schemas, -strict)', () => {
  it('validates all eight built overlays in one call', async () => {
    const files = [...built].map(([path, { yaml }]) => ({ path: `${path} (kustomize build)`, content: yaml }));
    const report = await validateManifests(files);
    expect(report.problems).toEqual([]);
    expect(report.invalid).toBe(0);
    expect(report.valid).toBe([...built.values()].reduce((n, b) => n + b.objects.length, 0));
  }, 120_000);
});

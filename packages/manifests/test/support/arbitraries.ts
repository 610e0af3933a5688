/* eslint-disable @typescript-eslint/no-explicit-any -- test helpers walk untyped Kubernetes JSON */
import fc from 'fast-check';
import { runtimeNames as runtimes } from '@sugarkube/core';
import { namesASecret } from '../../src/descriptor/secret-names.js';
import type { AppDescriptor } from '../../src/index.js';

const opt = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined, freq: 2 });
const label = fc.stringMatching(/^[a-z][a-z0-9]{0,6}$/);
const port = fc.integer({ min: 1, max: 65535 });
const cpu = fc.constantFrom('50m', '100m', '250m', '1', '0.5');
const memory = fc.constantFrom('64Mi', '128Mi', '512Mi', '1Gi');
// Names that say "secret" are refused with a literal value (validation's own rule, imported).
const envName = fc.stringMatching(/^[A-Z][A-Z0-9_]{0,10}$/).filter((n) => !namesASecret(n));
const envValue = fc.oneof(
  fc.string({ maxLength: 12 }),
  fc.integer(),
  fc.boolean(),
  fc.record({ configMap: fc.constantFrom('settings'), key: fc.constantFrom('a', 'b') }),
  fc.record({ secret: fc.constantFrom('creds'), key: fc.constantFrom('token') }),
  fc.record({ field: fc.constantFrom('metadata.name', 'status.podIP') }),
);
const env = fc.dictionary(envName, envValue, { maxKeys: 4 });
const resources = fc.record(
  { cpu: opt(cpu), memory: opt(memory), memoryLimit: opt(memory), cpuLimit: opt(cpu) },
  { requiredKeys: [] },
);
const probe = fc.oneof(
  fc.constantFrom('/healthz', '/livez', '/'),
  fc.record({ path: fc.constantFrom('/ready'), periodSeconds: opt(fc.integer({ min: 1, max: 60 })) }),
  fc.record({ tcpPort: port }),
  fc.record({ exec: fc.constant(['true']) }),
);
const writable = fc.uniqueArray(fc.constantFrom('/tmp', '/var/cache/nginx', '/var/run', '/home/app/.cache'), {
  maxLength: 3,
});
const hpa = fc.record(
  {
    minReplicas: fc.integer({ min: 1, max: 3 }),
    maxReplicas: fc.integer({ min: 3, max: 6 }),
    cpuUtilization: opt(fc.integer({ min: 50, max: 90 })),
  },
  { requiredKeys: ['minReplicas', 'maxReplicas'] },
);
const egress = fc.oneof(
  fc.record({ cidr: fc.constantFrom('0.0.0.0/0', '10.0.0.0/8'), ports: fc.constant([{ port: 443 }]) }),
  fc.record({
    namespace: fc.constantFrom('valkey', 'monitoring'),
    podLabels: opt(fc.constant({ app: 'valkey' })),
    ports: fc.constant([{ port: 6379, protocol: 'TCP' as const }]),
  }),
);

const service = fc.record(
  {
    name: label,
    runtime: fc.constantFrom(...runtimes),
    image: fc.record(
      {
        repository: fc.constantFrom('ghcr.io/acme/web', 'ghcr.io/acme/api', 'registry.example.org:5000/team/app'),
        tag: opt(fc.constantFrom('main-1700000000-abc1234', 'v1.2.3')),
      },
      { requiredKeys: ['repository'] },
    ),
    port,
    servicePort: opt(port),
    command: opt(fc.constant(['node', 'server.js'])),
    runAsUser: opt(fc.integer({ min: 1, max: 65534 })),
    probes: opt(fc.record({ readiness: opt(probe), liveness: opt(probe), startup: opt(probe) }, { requiredKeys: [] })),
    env: opt(env),
    writablePaths: opt(writable),
    volumes: opt(
      fc.array(
        fc.record(
          {
            name: fc.constantFrom('data', 'cache'),
            mountPath: fc.constantFrom('/data', '/srv'),
            size: fc.constantFrom('1Gi', '10Gi'),
            storageClass: opt(fc.constantFrom('longhorn' as const, 'local-path' as const)),
            accessMode: opt(fc.constantFrom('ReadWriteOnce' as const, 'ReadWriteMany' as const)),
          },
          { requiredKeys: ['name', 'mountPath', 'size'] },
        ),
        { maxLength: 1 },
      ),
    ),
    sidecars: opt(
      fc.array(
        fc
          .record(
            {
              name: fc.constant('exporter'),
              image: fc.constant('docker.io/library/python:3.12-alpine'),
              port: opt(fc.constant(9100)),
              probes: opt(fc.constant({ liveness: { exec: ['true'] } })),
            },
            { requiredKeys: ['name', 'image'] },
          )
          .map((s) => (s.port === undefined && s.probes === undefined ? { ...s, port: 9100 } : s)),
        { maxLength: 1 },
      ),
    ),
    initContainers: opt(
      fc.array(fc.record({ name: fc.constant('seed'), command: fc.constant(['sh', '-c', 'true']) }), { maxLength: 1 }),
    ),
    metrics: opt(
      fc.record(
        {
          port: opt(fc.constant(9464)),
          tokenSecret: fc.record({ name: fc.constant('metrics-token') }),
          tokenEnv: opt(fc.constant('METRICS_BEARER')),
        },
        { requiredKeys: ['tokenSecret'] },
      ),
    ),
    resources: opt(resources),
    replicas: opt(fc.integer({ min: 0, max: 4 })),
    strategy: opt(fc.constantFrom('Recreate' as const, 'RollingUpdate' as const)),
    hpa: opt(hpa),
    egress: opt(fc.array(egress, { maxLength: 2 })),
  },
  { requiredKeys: ['name', 'runtime', 'image', 'port'] },
);

const override = fc.record(
  {
    replicas: opt(fc.integer({ min: 0, max: 3 })),
    resources: opt(resources),
    hpa: opt(fc.oneof(hpa, fc.constant(false as const))),
    env: opt(env),
    image: opt(
      fc.record(
        {
          tag: opt(fc.constantFrom('main-1700000001-def5678')),
          digest: opt(fc.constant(`sha256:${'a'.repeat(64)}`)),
          policy: opt(fc.boolean()),
        },
        { requiredKeys: [] },
      ),
    ),
    routeClass: opt(fc.constantFrom('gateway' as const, 'ingress' as const, 'both' as const)),
    tlsIssuer: opt(fc.constantFrom('letsencrypt-staging', false as const)),
    configMaps: opt(fc.constant({ settings: { a: '1', b: 'two' } })),
    sealedSecrets: opt(fc.constant({ creds: { encryptedData: { token: 'AgB'.padEnd(100, 'Qx7') } } })),
    extraObjects: opt(
      fc.constant([{ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'extra' }, data: { x: 'y' } }]),
    ),
    patches: opt(
      fc.constantFrom(
        [
          {
            target: { kind: 'Service', name: '$0' },
            strategicMerge: { metadata: { annotations: { 'example.org/patched': 'yes' } } },
          },
        ],
        [
          {
            target: { kind: 'Deployment', name: '$0' },
            json6902: [{ op: 'add' as const, path: '/metadata/annotations', value: { 'example.org/patched': 'yes' } }],
          },
        ],
      ),
    ),
  },
  { requiredKeys: [] },
);

/** Makes a generated descriptor obey the cross-field rules (unique names, RWO volumes on one replica, patch targets). */
function fixup(app: Record<string, any>): AppDescriptor {
  // One repository per service: an overlay sets one tag per repository.
  for (const s of app.services) s.image.repository = s.image.repository.replace(/[^/]+$/, s.name);
  for (const s of app.services) {
    if (s.volumes?.length && (s.volumes[0].accessMode ?? 'ReadWriteOnce') === 'ReadWriteOnce') {
      s.replicas = Math.min(s.replicas ?? 1, 1);
      delete s.hpa;
      if (s.strategy === 'RollingUpdate') s.strategy = 'Recreate';
      for (const env of Object.values<any>(app.environments ?? {})) {
        if (env.replicas > 1) env.replicas = 1;
        if (env.hpa) env.hpa = false;
      }
    }
    if (s.hpa && s.hpa.minReplicas > s.hpa.maxReplicas) s.hpa.maxReplicas = s.hpa.minReplicas;
  }
  for (const env of Object.values<any>(app.environments ?? {})) {
    if (env.patches)
      env.patches = env.patches.map((p: any) => ({ ...p, target: { ...p.target, name: app.services[0].name } }));
  }
  return app as AppDescriptor;
}

/** Valid descriptors: every one must validate, plan and render. */
export const validDescriptor = fc
  .record(
    {
      name: label,
      services: fc.uniqueArray(service, { minLength: 1, maxLength: 3, selector: (s) => s.name }),
      routes: opt(
        fc.array(
          fc.record(
            {
              apex: fc.constantFrom('example.org', 'a.example.net'),
              tls: opt(
                fc.oneof(fc.constant(false as const), fc.record({ issuer: fc.constant('letsencrypt-staging') })),
              ),
            },
            { requiredKeys: ['apex'] },
          ),
          { maxLength: 1 },
        ),
      ),
      routing: opt(
        fc.record(
          { class: opt(fc.constantFrom('gateway' as const, 'ingress' as const, 'both' as const)) },
          { requiredKeys: [] },
        ),
      ),
      environments: opt(
        fc.dictionary(fc.constantFrom('staging', 'prod', 'dev', 'canary'), override, { minKeys: 1, maxKeys: 3 }),
      ),
    },
    { requiredKeys: ['name', 'services'] },
  )
  .map(fixup);

/** Damages a valid descriptor at a random place: wrong types, unknown keys, missing fields. */
export const invalidDescriptor = fc.oneof(
  fc.tuple(validDescriptor, fc.nat(), fc.anything()).map(([app, n, junk]) => {
    const copy: any = structuredClone(app);
    const holders: any[] = [];
    const walk = (v: any) => {
      if (v && typeof v === 'object') {
        holders.push(v);
        for (const c of Object.values(v)) walk(c);
      }
    };
    walk(copy);
    const holder = holders[n % holders.length];
    const keys = Object.keys(holder);
    const key = keys.length ? keys[n % keys.length]! : 'x';
    if (n % 3 === 0) holder[key] = junk;
    else if (n % 3 === 1) holder[`${key}x`] = junk;
    else delete holder[key];
    return copy as unknown;
  }),
  fc.anything(),
  fc.jsonValue(),
);

/* eslint-disable @typescript-eslint/no-explicit-any -- generators walk untyped Kubernetes JSON */
import fc from 'fast-check';
import { defineApp, planApp } from '../../src/index.js';
import { exampleApps as realApps } from './example-apps.js';
import { schemaOfElements, schemaOfField, schemaOfObject, type PatchSchema } from '../../src/plan/patch-schema.js';

/** A Deployment with every kind of list a pod template has: keyed by one key, by two, sets, replaced lists. */
export const richDeployment = {
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: {
    name: 'rich',
    namespace: 'shop',
    labels: { app: 'rich', tier: 'web' },
    annotations: { note: 'base' },
    finalizers: ['example.org/a', 'example.org/b'],
    ownerReferences: [{ apiVersion: 'v1', kind: 'ConfigMap', name: 'owner', uid: 'u-1' }],
  },
  spec: {
    replicas: 2,
    selector: { matchLabels: { app: 'rich' } },
    strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: 1, maxUnavailable: 0 } },
    template: {
      metadata: { labels: { app: 'rich' }, annotations: { checksum: 'abc' } },
      spec: {
        imagePullSecrets: [{ name: 'ghcr' }, { name: 'mirror' }],
        hostAliases: [{ ip: '10.0.0.1', hostnames: ['db.local'] }],
        tolerations: [{ key: 'arm', operator: 'Exists', effect: 'NoSchedule' }],
        topologySpreadConstraints: [
          {
            topologyKey: 'kubernetes.io/hostname',
            whenUnsatisfiable: 'DoNotSchedule',
            maxSkew: 1,
            labelSelector: { matchLabels: { app: 'rich' } },
          },
        ],
        initContainers: [
          { name: 'migrate', image: 'ghcr.io/acme/migrate:1', args: ['--up'], env: [{ name: 'MODE', value: 'up' }] },
        ],
        containers: [
          {
            name: 'web',
            image: 'ghcr.io/acme/web:1',
            args: ['serve', '--port', 'http'],
            command: ['node'],
            ports: [
              { name: 'http', containerPort: 8080, protocol: 'TCP' },
              { name: 'dns', containerPort: 5353, protocol: 'UDP' },
              { name: 'dnst', containerPort: 5353, protocol: 'TCP' },
            ],
            env: [
              { name: 'LOG', value: 'info' },
              { name: 'POD', valueFrom: { fieldRef: { fieldPath: 'metadata.name' } } },
            ],
            volumeMounts: [
              { name: 'tmp', mountPath: '/tmp' },
              { name: 'data', mountPath: '/data', readOnly: true },
            ],
            resources: { requests: { cpu: '100m', memory: '128Mi' }, limits: { memory: '256Mi' } },
            securityContext: { runAsNonRoot: true, capabilities: { drop: ['ALL'] } },
          },
          {
            name: 'sidecar',
            image: 'ghcr.io/acme/side:1',
            ports: [{ containerPort: 9100 }],
            env: [{ name: 'TARGET', value: 'web' }],
          },
        ],
        volumes: [
          { name: 'tmp', emptyDir: {} },
          { name: 'data', persistentVolumeClaim: { claimName: 'data' } },
        ],
      },
    },
  },
};

/** A Service: ports merge by port and protocol. */
export const richService = {
  apiVersion: 'v1',
  kind: 'Service',
  metadata: { name: 'rich', namespace: 'shop', labels: { app: 'rich' } },
  spec: {
    selector: { app: 'rich' },
    ports: [
      { name: 'http', port: 80, targetPort: 'http', protocol: 'TCP' },
      { name: 'dns', port: 53, targetPort: 5353, protocol: 'UDP' },
    ],
  },
};

/** Every object the four real apps plan, plus the rich ones: what patches are generated against. */
export function patchBases(): any[] {
  const planned = Object.values(realApps).flatMap((descriptor) => planApp(defineApp(descriptor), 'prod'));
  const seen = new Set<string>();
  const distinct = planned.filter((o) => (seen.has(o.kind) ? false : (seen.add(o.kind), true)));
  return [richDeployment, richService, ...distinct].map((o) => structuredClone(o));
}

const word = fc.constantFrom('alpha', 'bravo', 'charlie', 'delta', 'echo', 'foxtrot', 'golf', 'hotel');
const scalarLike = (value: unknown): fc.Arbitrary<unknown> => {
  if (typeof value === 'number') return fc.integer({ min: 1, max: 65535 });
  if (typeof value === 'boolean') return fc.boolean();
  return word;
};
const freshValue: fc.Arbitrary<unknown> = fc.oneof(
  word,
  fc.integer({ min: 1, max: 9999 }),
  fc.boolean(),
  fc.dictionary(word, word, { maxKeys: 2 }),
  fc.array(word, { maxLength: 2 }),
);
const rarely = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined, freq: 8 });

/** A fresh element for a keyed list, like `like` but with new key values. */
function freshElement(like: any, keys: readonly string[]): fc.Arbitrary<any> {
  const keyValue = (key: string) =>
    typeof like?.[key] === 'number' ? fc.integer({ min: 1, max: 65535 }) : word.map((w) => `${w}-new`);
  return fc.tuple(...keys.map(keyValue), fc.dictionary(word, word, { maxKeys: 1 })).map((values) => {
    const out: any = isMap(like) ? structuredClone(like) : {};
    keys.forEach((k, i) => (out[k] = values[i]));
    return { ...out, ...(values[keys.length] as object) };
  });
}

const isMap = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);

function keyedListPatch(list: any[], schema: PatchSchema, depth: number): fc.Arbitrary<unknown> {
  const keys = schema.keys!;
  if (keys.length === 0)
    return fc
      .tuple(
        fc.shuffledSubarray(list),
        fc.array(
          word.map((w) => `example.org/${w}`),
          { maxLength: 2 },
        ),
      )
      .map(([kept, added]) => [...added, ...kept]);
  const elementSchema = schemaOfElements(schema);
  const existing: fc.Arbitrary<Record<string, unknown>>[] = list.filter(isMap).map((element) => {
    const pinned = Object.fromEntries(keys.filter((k) => k in element).map((k) => [k, element[k]]));
    return fc.oneof(
      {
        weight: 6,
        arbitrary: patchOf(element, elementSchema, depth + 1).map((p): Record<string, unknown> => ({
          ...(isMap(p) ? p : {}),
          ...pinned,
        })),
      },
      { weight: 1, arbitrary: fc.constant<Record<string, unknown>>({ ...pinned, $patch: 'delete' }) },
      // Leaves out the second key (a port without its protocol).
      {
        weight: keys.length > 1 ? 1 : 0,
        arbitrary: fc.constant<Record<string, unknown>>({ [keys[0]!]: element[keys[0]!], name: 'renamed' }),
      },
    );
  });
  return fc
    .tuple(
      fc
        .shuffledSubarray(existing)
        .chain((arbs): fc.Arbitrary<Record<string, unknown>[]> => (arbs.length ? fc.tuple(...arbs) : fc.constant([]))),
      fc.array(freshElement(list.find(isMap), keys), { maxLength: 2 }),
      rarely(fc.constantFrom<Record<string, unknown>>({ $patch: 'replace' }, { $patch: 'delete' })),
    )
    .chain(([changed, added, directive]) =>
      fc
        .shuffledSubarray([...changed, ...added], { minLength: changed.length + added.length })
        .map((items) => (directive ? [directive, ...items] : items)),
    );
}

/** A strategic-merge patch for `node`: changes, additions, nulls and `$patch` directives, shaped like the target. */
export function patchOf(node: unknown, schema: PatchSchema | undefined, depth = 0): fc.Arbitrary<unknown> {
  const known = schema ?? schemaOfObject(node);
  if (Array.isArray(node)) {
    if (known?.keys) return keyedListPatch(node, known, depth);
    return fc
      .tuple(
        fc.shuffledSubarray(node),
        fc.array(node.every((n) => typeof n === 'string') ? word : freshValue, { maxLength: 2 }),
      )
      .map(([kept, added]) => [...kept, ...added]);
  }
  if (isMap(node)) {
    if (depth > 9) return fc.constant({});
    const field = (key: string) =>
      fc
        .oneof(
          { weight: 8, arbitrary: patchOf(node[key], schemaOfField(known, key), depth + 1) },
          { weight: 1, arbitrary: fc.constant(null) },
        )
        .map((value) => [key, value] as const);
    // Fields on the way to a list that merges by key are patched more often: that is where merges differ.
    const towardsMerge = Object.keys(node).filter(
      (k) => schemaOfField(known, k) !== undefined && node[k] !== null && typeof node[k] === 'object',
    );
    const others = Object.keys(node)
      .filter((k) => !towardsMerge.includes(k))
      .map(field);
    const some = (arbs: fc.Arbitrary<readonly [string, unknown]>[]) =>
      arbs.length ? fc.tuple(...arbs) : fc.constant([] as (readonly [string, unknown])[]);
    return fc
      .tuple(
        some(
          towardsMerge.map((k) =>
            fc.option(field(k), { nil: undefined, freq: 3 }).map((f) => f ?? (['', undefined] as const)),
          ),
        ),
        fc.shuffledSubarray(others, { maxLength: Math.min(2, others.length) }).chain(some),
        fc.array(
          fc.tuple(
            word.map((w) => `x${w}`),
            freshValue,
          ),
          { maxLength: 1 },
        ),
        depth > 0
          ? fc.option(fc.constantFrom('replace', 'delete'), { nil: undefined, freq: 25 })
          : fc.constant(undefined),
      )
      .map(([toward, changed, added, directive]) => ({
        ...Object.fromEntries([...toward.filter(([k]) => k !== ''), ...changed, ...added]),
        ...(directive ? { $patch: directive } : {}),
      }));
  }
  return fc.oneof(scalarLike(node), fc.constant(node));
}

/** What a generated patch exercises, to report how much of the merge the comparison covered. */
export function patchFeatures(
  base: unknown,
  patch: unknown,
  schema: PatchSchema | undefined = undefined,
  out = new Set<string>(),
): Set<string> {
  const known = schema ?? schemaOfObject(base);
  if (Array.isArray(patch)) {
    if (!known?.keys) {
      out.add('list replaced (no merge key)');
      return out;
    }
    const keys = known.keys;
    out.add(
      keys.length === 0
        ? 'list merged as a set'
        : keys.length > 1
          ? 'list merged by two keys'
          : 'list merged by one key',
    );
    for (const element of patch) {
      if (!isMap(element)) continue;
      if (Object.keys(element).length === 1 && element.$patch) {
        out.add(`list $patch: ${String(element.$patch)}`);
        continue;
      }
      const match = Array.isArray(base)
        ? base.find((b) => isMap(b) && keys.every((k) => b[k] === element[k]))
        : undefined;
      if (element.$patch === 'delete') out.add('element deleted');
      else if (match) out.add('element merged');
      else out.add('element added');
      if (match) patchFeatures(match, element, schemaOfElements(known), out);
    }
    return out;
  }
  if (isMap(patch)) {
    if (patch.$patch) out.add(`map $patch: ${String(patch.$patch)}`);
    for (const [key, value] of Object.entries(patch)) {
      if (value === null) out.add('field removed (null)');
      else patchFeatures(isMap(base) ? base[key] : undefined, value, schemaOfField(known, key), out);
    }
  }
  return out;
}

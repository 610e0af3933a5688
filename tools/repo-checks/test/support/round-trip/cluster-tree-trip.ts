import { parseClusterDefinition, synthesizeClusterTree, type ClusterDefinition } from '@sugarkube/cluster';
import { defineApp, renderAppTree, renderImageAutomation } from '@sugarkube/manifests';
import { buildFluxPaths } from '@sugarkube/verify';
import { keyOf, objectField, underKey, type Probe } from './read-back.js';
import { forKustomize, type RoundTrip } from './round-trip.js';

/** What one cluster-tree round trip writes. */
export interface ClusterTreeStrings {
  /** Free strings: the chat channel, the snapshot cron, the chart version, then the legacy app's `helm.values`. */
  readonly values: readonly string[];
  /** The GitOps repository's branch (a branch name by core's rule). */
  readonly branch: string;
  /** Keys of the `helm.values` (any string). */
  readonly keys: readonly string[];
  /** The node label value and the Prometheus `cluster` label. */
  readonly labelValues: readonly [string, string];
  /** The chart app's image tag (its HelmRelease `image.tag`). */
  readonly tag: string;
}

const ciphertext = `Ag${'B'.repeat(340)}==`;
const nonEmpty = (v: string, fallback: string) => (v === '' ? fallback : v);
const hello = {
  name: 'hello',
  services: [
    {
      name: 'web',
      runtime: 'node',
      build: { command: ['node', 'server.js'] },
      image: { repository: 'ghcr.io/acme/hello' },
      port: 8080,
    },
  ],
} as const;

/**
 * A one-environment cluster whose definition carries the strings everywhere a cluster
 * definition's free text reaches the tree: an app's `helm.values` (values, nested values,
 * lists and keys) into its HelmRelease, the chart version, the image tag, the GitOps branch,
 * the chat channel of the Flux notifications, Longhorn's snapshot cron, node labels and the
 * Prometheus `cluster` label. Every Flux Kustomization path is built with kubectl kustomize as
 * kustomize-controller builds it (the app repo's own tree included).
 */
export function clusterTreeTrip(s: ClusterTreeStrings): RoundTrip {
  const { files } = clusterFiles(s);
  const [channel = '', cron = '', version = '1.0.0'] = s.values;
  const values = s.values.slice(3);
  const probes: Probe[] = [
    {
      what: 'GitRepository flux-system spec.ref.branch',
      value: s.branch,
      find: objectField('GitRepository', 'flux-system', 'spec', 'ref', 'branch'),
    },
    { what: 'chat Provider spec.channel', value: channel, find: objectField('Provider', undefined, 'spec', 'channel') },
    {
      what: 'Longhorn RecurringJob spec.cron',
      value: cron,
      find: objectField('RecurringJob', undefined, 'spec', 'cron'),
    },
    {
      what: 'chart version (OCIRepository ref.tag)',
      value: nonEmpty(version, '1.0.0'),
      find: objectField('OCIRepository', 'legacy-chart', 'spec', 'ref', 'tag'),
    },
    {
      what: 'HelmRelease values image.tag',
      value: s.tag,
      find: objectField('HelmRelease', 'legacy', 'spec', 'values', 'image', 'tag'),
    },
    { what: 'node label', value: s.labelValues[0], find: underKey('rt.example.org/node') },
    {
      what: 'Prometheus cluster label',
      value: s.labelValues[1],
      find: (docs) => underKey('externalLabels')(docs).flatMap((l) => underKey('cluster')([l])),
    },
    ...values.flatMap((value, i): Probe[] => [
      { what: `helm.values rt.rt-v${i}`, value, find: underKey(`rt-v${i}`) },
      { what: `helm.values nested.deeper.rt-n${i}`, value, find: underKey(`rt-n${i}`) },
      { what: `helm.values list[${i}].rt-l${i}`, value, find: underKey(`rt-l${i}`) },
    ]),
    ...s.keys.map((value, i) => ({
      what: `helm.values key of rt-key-${i}`,
      value,
      isKey: true,
      find: keyOf(`rt-key-${i}`),
    })),
  ];
  return {
    path: 'cluster tree (synthesizeClusterTree)',
    files,
    probes,
    kustomize: {
      build: async () => {
        const tree = clusterFiles(forKustomize(s));
        return (await buildFluxPaths(tree.files, { 'https://github.com/acme/hello': tree.appRepo })).map(
          (b) => b.content,
        );
      },
      probes,
    },
  };
}

/** The cluster tree and the hello app's repo (Flux takes its tree from there). */
function clusterFiles(s: ClusterTreeStrings) {
  const [channel = '', cron = '', version = '1.0.0'] = s.values;
  const values = s.values.slice(3);
  const definition: ClusterDefinition = {
    name: 'rt',
    repository: { url: 'https://github.com/acme/gitops', branch: s.branch },
    owner: 'acme',
    acmeEmail: 'ops@example.org',
    dnsZones: ['example.org'],
    environments: {
      staging: {
        clusterLabel: s.labelValues[1],
        nodeLabels: { 'rt.example.org/node': s.labelValues[0] },
        exposure: { cloudflareTunnel: {} },
        sealedSecrets: {
          'cloudflare-api-token': { encryptedData: { 'api-token': ciphertext } },
          'cloudflared-token': { encryptedData: { token: ciphertext } },
          'flux-chat-webhook': { encryptedData: { address: ciphertext } },
        },
      },
    },
    storage: { longhorn: { snapshot: { cron, retain: 3 } } },
    notifications: { chat: { type: 'slack', channel } },
    apps: [
      { app: hello, repository: { url: 'https://github.com/acme/hello' } },
      {
        app: {
          ...hello,
          name: 'legacy',
          services: [{ ...hello.services[0], image: { repository: 'ghcr.io/acme/legacy', tag: s.tag } }],
        },
        helm: {
          version: nonEmpty(version, '1.0.0'),
          values: {
            staging: {
              rt: Object.fromEntries(values.map((v, i) => [`rt-v${i}`, v])),
              nested: { deeper: Object.fromEntries(values.map((v, i) => [`rt-n${i}`, v])) },
              list: values.map((v, i) => ({ [`rt-l${i}`]: v })),
              keys: Object.fromEntries(s.keys.map((k, i) => [k, `rt-key-${i}`])),
            },
          },
        },
      },
    ],
  };
  const parsed = parseClusterDefinition(definition, {
    staging: { hello: { web: { tag: 'main-1700000000-abc1234' } } },
  });
  if (!parsed.value) throw new Error(`the round-trip cluster is invalid:\n${JSON.stringify(parsed.errors, null, 2)}`);
  const app = defineApp(hello);
  return {
    files: synthesizeClusterTree(parsed.value),
    appRepo: [...renderAppTree(app, { directory: 'deploy' }), ...renderImageAutomation(app, { directory: 'deploy' })],
  };
}

/** What `sugarkube init cluster` asks for. */
export interface InitClusterOptions {
  /** Short cluster name (labels, Prometheus `cluster` label). */
  readonly name: string;
  /** This repo's Git URL, which Flux reconciles. */
  readonly repository: string;
  /** GHCR owner of the apps' images. */
  readonly owner: string;
  /** Let's Encrypt account e-mail. */
  readonly email: string;
  /** Cloudflare DNS zones the apps' hosts live in. */
  readonly zones: readonly string[];
}

const quote = (text: string) => JSON.stringify(text).replace(/^"|"$/g, "'").replace(/\\"/g, '"');

/**
 * The starter cluster module: a definition with staging and prod behind a Cloudflare Tunnel,
 * no apps yet (the comment shows how to add one from its repo), and its pins file.
 */
export function renderInitClusterModule(options: InitClusterOptions): string {
  return `// The cluster definition \`sugarkube synth\` turns into the GitOps tree Flux reconciles.
// Reference: https://www.npmjs.com/package/@sugarkube/cluster
import { clusterModule, type ClusterDefinition } from '@sugarkube/cluster';
// import { readAppYaml } from '@sugarkube/manifests';
// import { fileURLToPath } from 'node:url';

const cluster: ClusterDefinition = {
  name: ${quote(options.name)},
  repository: { url: ${quote(options.repository)}, branch: 'main' },
  owner: ${quote(options.owner)},
  acmeEmail: ${quote(options.email)},
  dnsZones: [${options.zones.map(quote).join(', ')}],
  environments: {
    staging: { exposure: { cloudflareTunnel: {} }, nodeLabels: { 'sugarkube.env': 'staging' } },
    prod: { exposure: { cloudflareTunnel: {} }, nodeLabels: { 'sugarkube.env': 'prod' } },
  },
  apps: [
    // Each app comes from its own repo: its descriptor (the repo's sugarkube.yaml, installed with
    // \`npm i -D github:${options.owner}/shop\`) and the repo Flux takes its deploy/ tree from. Then pin
    // its first build in sugarkube.pins.json and run \`npx sugarkube synth\`.
    // {
    //   app: readAppYaml(fileURLToPath(import.meta.resolve('shop/sugarkube.yaml'))),
    //   repository: { url: 'https://github.com/${options.owner}/shop' },
    // },
  ],
};

export default clusterModule({ definition: cluster, pinsFile: new URL('./sugarkube.pins.json', import.meta.url) });
`;
}

/** The package.json fields a cluster repo needs, merged over what `npm init` wrote. */
export function clusterPackageFields(existing: Record<string, unknown>): Record<string, unknown> {
  const scripts = (existing.scripts as Record<string, string> | undefined) ?? {};
  const { test: defaultTest, ...kept } = scripts;
  // npm init's placeholder test script fails on purpose; replace only that one.
  const test =
    defaultTest === undefined || /no test specified/.test(defaultTest)
      ? 'sugarkube validate && sugarkube diff --stat'
      : defaultTest;
  return {
    ...existing,
    type: 'module',
    scripts: { ...kept, synth: 'sugarkube synth', validate: 'sugarkube validate', diff: 'sugarkube diff', test },
    sugarkube: { cluster: 'cluster.ts' },
  };
}

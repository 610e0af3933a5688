import type { ClusterDefinition } from '@sugarkube/cluster';
import { readAppYaml, type App } from '@sugarkube/manifests';
import { fileURLToPath } from 'node:url';

/**
 * Each app's descriptor, from its own repo: here the example app repos of this monorepo
 * (npm workspaces), resolved as a cluster repo resolves an app repo it depends on.
 */
function appFromRepo(example: string): App {
  return readAppYaml(fileURLToPath(import.meta.resolve(`@sugarkube-example/${example}/sugarkube.yaml`)));
}

/**
 * The Raspberry Pi 5 nodes of each cluster. ASSUMPTION: the 8 GiB model with
 * its 4 Cortex-A76 cores; the summary's capacity line is computed from this.
 */
const pi5 = { count: 3, cpu: '4', memory: '8Gi', model: 'Raspberry Pi 5' } as const;

/**
 * The real Sugarkube clusters (shared/apps/apps.md §5): staging
 * (sugarkube3-5) and prod (sugarkube0-2), each three k3s servers with
 * embedded etcd, Traefik behind a token-mode Cloudflare Tunnel, cert-manager
 * with Cloudflare DNS-01, Longhorn, kube-prometheus-stack; nodes carry the
 * label `sugarkube.env=<env>`. Flux takes each app from its own repo; what
 * runs where is `sugarkube.pins.json` next to this package. Sealed secrets are
 * added per cluster with `sugarkube secret seal` (docs/cluster.md, "Secrets"):
 * until then synth warns and the consumers stay unready.
 */
export const sugarkubeCluster: ClusterDefinition = {
  name: 'sugarkube',
  repository: { url: 'https://github.com/futuroptimist/sugarkube', branch: 'main' },
  owner: 'futuroptimist',
  // ASSUMPTION: the Let's Encrypt account address is not in the evidence; replace with the team's.
  acmeEmail: 'ops@danielsmith.io',
  dnsZones: ['token.place', 'democratized.space', 'danielsmith.io', 'jobbot3000.tech', 'jobbot3000.example.test'],
  environments: {
    staging: {
      kubeContext: 'sugar-staging',
      nodes: pi5,
      nodeLabels: { 'sugarkube.env': 'staging' },
      exposure: { cloudflareTunnel: { replicas: 2 } },
      // Staging hosts are public too: browsers need trusted certificates.
      issuer: 'letsencrypt-production',
      clusterLabel: 'sugarkube-int',
    },
    prod: {
      kubeContext: 'sugar-prod',
      nodes: pi5,
      nodeLabels: { 'sugarkube.env': 'prod' },
      exposure: { cloudflareTunnel: { replicas: 2 } },
      issuer: 'letsencrypt-production',
      clusterLabel: 'sugarkube-prod',
    },
  },
  storage: { defaultClass: 'longhorn', longhorn: { replicas: 2 } },
  secrets: { kind: 'sealed-secrets' },
  observability: { retention: '7d', retentionSize: '8GB', storage: '10Gi', scrapeInterval: '60s', sloTarget: 0.995 },
  notifications: { githubCommitStatus: true },
  apps: [
    { app: appFromRepo('tokenplace'), repository: { url: 'https://github.com/futuroptimist/token.place' } },
    { app: appFromRepo('dspace'), repository: { url: 'https://github.com/democratizedspace/dspace' } },
    { app: appFromRepo('danielsmith'), repository: { url: 'https://github.com/futuroptimist/danielsmith.io' } },
    // Prod is not live: its host is still a placeholder and it has no prod tag (apps.md §4).
    {
      app: appFromRepo('jobbot3000'),
      repository: { url: 'https://github.com/futuroptimist/jobbot3000' },
      environments: ['staging'],
    },
  ],
};

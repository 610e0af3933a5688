import { realApps, type ClusterDefinition } from '@sugarkube/manifests';

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
 * label `sugarkube.env=<env>`. Sealed secrets are added per cluster with
 * `kubeseal` (docs/cluster.md, "Secrets"): until then synth warns and the
 * consumers stay unready.
 */
export const sugarkubeCluster: ClusterDefinition = {
  name: 'sugarkube',
  repository: { url: 'https://github.com/futuroptimist/sugarkube', branch: 'main' },
  owner: 'futuroptimist',
  // ASSUMPTION: the Let's Encrypt account address is not in the evidence; replace with the team's.
  acmeEmail: 'ops@danielsmith.io',
  dnsZones: ['token.place', 'democratized.space', 'danielsmith.io', 'jobbot3000.tech'],
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
    { app: realApps.tokenplace },
    { app: realApps.dspace },
    { app: realApps.danielsmith },
    { app: realApps.jobbot3000 },
  ],
};

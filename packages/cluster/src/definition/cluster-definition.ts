import { z } from 'zod';
import type { AppDescriptor } from '@sugarkube/manifests';
import type { App } from '@sugarkube/manifests';
import {
  branchName,
  cpuQuantity,
  dnsLabel,
  duration,
  hostname,
  intIn,
  ipv4Range,
  labelValue,
  memoryQuantity,
  objectName,
  repoPath,
  storageQuantity,
  strictObject,
} from '@sugarkube/core';
import { sealedSecretSchema, sopsSecretsSchema } from '@sugarkube/manifests';

/**
 * How public traffic reaches Traefik. Exactly one per environment: the plan's
 * "one clear exposure path" (MetalLB and a tunnel together route twice).
 */
export const exposureSchema = strictObject({
  /** @see https://developers.cloudflare.com/cloudflare-one/connections/connect-networks/ */
  cloudflareTunnel: strictObject({
    replicas: intIn(1, 10).describe('cloudflared replicas, spread over nodes. Default 2.').optional(),
  })
    .describe(
      'Cloudflare Tunnel (token mode): cloudflared connects out, no inbound port; the token is the sealed secret "cloudflared-token".',
    )
    .optional(),
  /** @see https://metallb.io/configuration/ */
  metallb: strictObject({
    addresses: z
      .array(ipv4Range)
      .min(1, { error: 'at least one address range' })
      .describe('The LAN address pool, e.g. ["192.168.1.240-192.168.1.250"].'),
  })
    .describe(
      'MetalLB L2: Traefik gets a LAN LoadBalancer address from this pool (start k3s with --disable servicelb).',
    )
    .optional(),
}).check((ctx) => {
  const { cloudflareTunnel, metallb } = ctx.value;
  if (cloudflareTunnel && metallb) {
    ctx.issues.push({
      code: 'custom',
      input: metallb,
      path: ['metallb'],
      message: 'no metallb when cloudflareTunnel is set (one clear exposure path per environment: pick one)',
    });
  } else if (!cloudflareTunnel && !metallb) {
    ctx.issues.push({
      code: 'custom',
      input: ctx.value,
      message: 'one of {cloudflareTunnel: {}} or {metallb: {addresses}}',
    });
  }
});

/** The nodes of one cluster, for the capacity line of the summary. */
export const nodesSchema = strictObject({
  count: intIn(1, 100).describe('Number of nodes. Default 3.').optional(),
  cpu: cpuQuantity.describe('Allocatable CPU per node. Default "4" (Raspberry Pi 5: 4 Cortex-A76 cores).').optional(),
  memory: memoryQuantity.describe('Memory per node. Default "8Gi" (Raspberry Pi 5, 8 GiB model).').optional(),
  model: z.string().describe('The node model, named in the summary. Default "Raspberry Pi 5".').optional(),
});

/** One cluster (environment). */
export const clusterEnvironmentSchema = strictObject({
  kubeContext: z
    .string()
    .min(1)
    .describe('The kubectl context of this cluster, for docs and `sugarkube diff`. Default "<name>-<env>".')
    .optional(),
  nodes: nodesSchema.describe("The cluster's nodes, for the capacity line of the summary.").optional(),
  nodeLabels: z
    .record(
      z
        .string()
        .regex(/^([a-z0-9.-]+\/)?[A-Za-z0-9][-A-Za-z0-9_.]*$/, { error: 'a label key such as "sugarkube.env"' }),
      labelValue,
    )
    .describe(
      'Labels every node of this cluster carries, e.g. {"sugarkube.env": "prod"}. Synth\'s own workloads (cloudflared) select them, so a tree applied to the wrong cluster stays Pending. Default {}.',
    )
    .optional(),
  exposure: exposureSchema.describe('How public traffic reaches Traefik: exactly one of cloudflareTunnel or metallb.'),
  issuer: z
    .enum(['letsencrypt-production', 'letsencrypt-staging'])
    .describe('ClusterIssuer of the Gateway\'s HTTPS listeners. Default "letsencrypt-production".')
    .optional(),
  clusterLabel: labelValue
    .describe('The `cluster` external label on Prometheus series. Default "<name>-<env>".')
    .optional(),
  /** @see https://longhorn.io/docs/latest/snapshots-and-backups/backup-and-restore/set-backup-target/ */
  backupTarget: z
    .string()
    .regex(/^(s3|nfs|cifs|azblob):\/\//, { error: 'a backup target URL such as "s3://bucket@us-east-1/prod"' })
    .describe(
      'Longhorn backup target, e.g. "s3://bucket@us-east-1/prod" (credentials: the sealed secret "longhorn-backup"). Default: none, snapshots only.',
    )
    .optional(),
  sealedSecrets: z
    .record(objectName, sealedSecretSchema)
    .describe(
      "Secrets sealed for THIS cluster's key, by name (docs/cluster.md lists the names synth expects): kubeseal ciphertext only.",
    )
    .optional(),
  sopsSecrets: sopsSecretsSchema
    .describe('SOPS-encrypted Secret documents, verbatim as `sops --encrypt` wrote them (when secrets.kind is "sops").')
    .optional(),
});

/** Deploy an app from the Helm chart its repo publishes: the zero-change migration step. */
export const helmDeploySchema = strictObject({
  chart: dnsLabel.describe('Chart name under oci://ghcr.io/<owner>/charts/. Default: the app name.').optional(),
  owner: z
    .string()
    .regex(/^[a-z0-9][a-z0-9-]*$/, { error: 'a GitHub owner such as "futuroptimist"' })
    .describe("GHCR owner of the chart. Default: the cluster's owner.")
    .optional(),
  version: z
    .union([z.string().min(1), z.record(dnsLabel, z.string().min(1))], { error: 'a chart version or {env: version}' })
    .describe('Chart version, one for every environment or per environment ({"staging": "1.2.0", "prod": "1.1.0"}).'),
  values: z
    .record(dnsLabel, z.record(z.string(), z.unknown()))
    .describe('Values per environment, merged over the image and host the descriptor gives.')
    .optional(),
  tagPath: z
    .string()
    .describe('Dotted values path of the image tag (it gets the setter marker). Default "image.tag".')
    .optional(),
  repositoryPath: z
    .string()
    .describe('Dotted values path of the image repository. Default "image.repository".')
    .optional(),
  hostPath: z.string().describe('Dotted values path of the public host. Default "ingress.host".').optional(),
});

/**
 * The app's own repository: Flux takes the app's generated tree from it (a GitRepository and,
 * per environment, a Kustomization on `<path>/overlays/<env>`). The app repo owns what the
 * app is; this cluster repo owns where and which version runs.
 */
export const appRepositorySchema = strictObject({
  url: z
    .string()
    .regex(/^(https|ssh):\/\//, { error: 'a Git URL such as "https://github.com/owner/app"' })
    .describe(
      'The app repo\'s Git URL Flux clones, e.g. "https://github.com/acme/shop" (ssh:// for a private repo with secretRef).',
    ),
  branch: branchName.describe('The branch Flux follows. Default "main".').optional(),
  path: repoPath.describe('The directory `npx projen` writes the app\'s tree to. Default "deploy".').optional(),
  secretRef: objectName
    .describe('A Secret in flux-system with the credentials of a private repo. Default: none (a public repo).')
    .optional(),
});

export const clusterAppSchema = strictObject({
  app: z
    .custom<App | AppDescriptor>((value) => typeof value === 'object' && value !== null, {
      error: 'an app (defineApp) or an app descriptor',
    })
    .describe(
      "The app's descriptor: its repo's sugarkube.yaml read with readAppYaml (see docs/app-descriptor.md), or defineApp's result; its errors are reported under apps[i].app.",
    ),
  repository: appRepositorySchema
    .describe(
      'Where Flux takes the app from: its own repo (a GitRepository, and per environment a Kustomization on <path>/overlays/<env> with the pinned images).',
    )
    .optional(),
  helm: helmDeploySchema
    .describe("Or: deploy from the app's own Helm chart (the zero-change migration step).")
    .optional(),
  environments: z
    .array(dnsLabel)
    .min(1, { error: 'at least one environment' })
    .describe(
      'The environments of this cluster the app runs in. Default: every environment both the app and the cluster have.',
    )
    .optional(),
});

export const clusterDefinitionSchema = strictObject({
  name: dnsLabel.describe('Short cluster name, used in labels and the Prometheus `cluster` label, e.g. "sugarkube".'),
  repository: strictObject({
    url: z
      .string()
      .regex(/^(https|ssh):\/\//, { error: 'a Git URL such as "https://github.com/owner/repo"' })
      .describe(
        'This cluster repo\'s Git URL, which Flux reconciles (ssh:// makes synth reference the secret "flux-system").',
      ),
    branch: branchName.describe('The branch Flux follows. Default "main".').optional(),
  }).describe('The GitOps repository Flux reconciles: this repo, where `sugarkube synth` writes the tree.'),
  owner: z
    .string()
    .regex(/^[a-z0-9][a-z0-9-]*$/, { error: 'a GitHub owner such as "futuroptimist"' })
    .describe('GHCR owner of the apps\' images and charts, e.g. "futuroptimist".'),
  acmeEmail: z
    .email({ error: 'an e-mail address' })
    .describe("The Let's Encrypt account e-mail of the ClusterIssuers."),
  dnsZones: z
    .array(hostname)
    .min(1, { error: 'at least one DNS zone' })
    .describe("Cloudflare DNS zones (apex domains) the apps' hosts are in: DNS-01 selectors and external-dns filters."),
  environments: z
    .record(dnsLabel, clusterEnvironmentSchema)
    .describe(
      'One cluster per environment, by name (e.g. staging and prod), each with its exposure; staging follows builds, other environments move by promotion.',
    ),
  storage: strictObject({
    defaultClass: z
      .enum(['longhorn', 'local-path'])
      .describe('The default StorageClass. Default "longhorn" ("local-path" with longhorn: false).')
      .optional(),
    longhorn: z
      .union(
        [
          strictObject({
            replicas: intIn(1, 3)
              .describe(
                'Volume replicas. Default 2 (three Pi nodes: two copies survive one node loss without tripling NVMe writes).',
              )
              .optional(),
            snapshot: strictObject({
              cron: z.string().describe('Cron schedule, e.g. "0 2 * * *".'),
              retain: intIn(1, 100).describe('Snapshots kept.'),
            })
              .describe('The daily snapshot RecurringJob. Default {cron: "0 2 * * *", retain: 7}.')
              .optional(),
            backup: strictObject({
              cron: z.string().describe('Cron schedule, e.g. "0 3 * * *".'),
              retain: intIn(1, 100).describe('Backups kept.'),
            })
              .describe(
                'The daily backup RecurringJob, with a backupTarget only. Default {cron: "0 3 * * *", retain: 14}.',
              )
              .optional(),
          }),
          z.literal(false),
        ],
        { error: '{replicas?, snapshot?, backup?} or false' },
      )
      .describe('Longhorn replicated block storage, or false to keep k3s local-path only. Default {}.')
      .optional(),
  })
    .describe('Persistent storage.')
    .optional(),
  secrets: z
    .discriminatedUnion(
      'kind',
      [
        strictObject({
          kind: z.literal('sealed-secrets').describe('Secrets are SealedSecrets (kubeseal ciphertext).'),
        }),
        strictObject({
          kind: z.literal('sops').describe('Secrets are SOPS-encrypted, decrypted by Flux.'),
          ageKeySecret: objectName
            .describe('The Secret in flux-system holding the age key. Default "sops-age".')
            .optional(),
        }),
      ],
      { error: '{kind: "sealed-secrets"} or {kind: "sops", ageKeySecret?}' },
    )
    .describe('How secrets reach Git encrypted. Default {kind: "sealed-secrets"}.')
    .optional(),
  observability: strictObject({
    retention: z
      .string()
      .regex(/^[1-9][0-9]*[dhw]$/, { error: 'a retention such as "7d"' })
      .describe('Prometheus retention time. Default "7d".')
      .optional(),
    retentionSize: z
      .string()
      .regex(/^[1-9][0-9]*(MB|GB)$/, { error: 'a size such as "8GB"' })
      .describe('Prometheus retention size. Default "8GB".')
      .optional(),
    storage: storageQuantity.describe('Prometheus\' volume. Default "10Gi".').optional(),
    scrapeInterval: duration.describe('Scrape interval. Default "60s".').optional(),
    grafana: z.boolean().describe('Install Grafana with the dashboards. Default true.').optional(),
    alertmanager: z.boolean().describe('Install Alertmanager. Default true.').optional(),
    sloTarget: z
      .number()
      .gt(0.9)
      .lt(1)
      .describe('The ingress success SLO, between 0.9 and 1. Default 0.995.')
      .optional(),
  })
    .describe('kube-prometheus-stack tuned for Pis.')
    .optional(),
  externalDns: z
    .boolean()
    .describe('Manage Cloudflare DNS records from the routes (external-dns). Default false.')
    .optional(),
  notifications: strictObject({
    githubCommitStatus: z
      .boolean()
      .describe(
        'A GitHub commit status on the cluster repo per Flux Kustomization (token: the sealed secret "flux-github-token"). Default true.',
      )
      .optional(),
    chat: strictObject({
      type: z
        .enum(['slack', 'discord', 'msteams', 'googlechat', 'matrix', 'telegram', 'generic'])
        .describe('The Flux notification provider type.'),
      channel: z.string().describe('The channel, where the provider needs one.').optional(),
    })
      .describe('Failed reconciliations to a chat webhook (address: the sealed secret "flux-chat-webhook").')
      .optional(),
  })
    .describe('Flux notifications.')
    .optional(),
  apps: z
    .array(clusterAppSchema)
    .describe(
      'The apps this cluster runs, each taken from its own repo (or its chart); what version runs where is sugarkube.pins.json.',
    ),
});

/** The cluster definition as written by hand. */
export type ClusterDefinition = z.input<typeof clusterDefinitionSchema>;
/** The cluster definition after validation. */
export type ValidatedClusterDefinition = z.output<typeof clusterDefinitionSchema>;
export type ClusterEnvironment = ValidatedClusterDefinition['environments'][string];
export type ClusterApp = ValidatedClusterDefinition['apps'][number];
export type HelmDeploy = NonNullable<ClusterApp['helm']>;
export type AppRepository = NonNullable<ClusterApp['repository']>;

import { z } from 'zod';
import type { AppDescriptor } from '@sugarkube/manifests';
import type { App } from '@sugarkube/manifests';
import {
  branchName, cpuQuantity, dnsLabel, duration, hostname, intIn, labelValue, memoryQuantity, objectName, repoPath, storageQuantity,
  strictObject,
} from '@sugarkube/core';
import { sealedSecretSchema, sopsSecretsSchema } from '@sugarkube/manifests';

const ipRange = z.string({ error: 'an IPv4 range such as "192.168.1.240-192.168.1.250" or CIDR "192.168.1.240/28"' }).regex(
  /^(\d{1,3}(\.\d{1,3}){3})(-\d{1,3}(\.\d{1,3}){3}|\/\d{1,2})$/,
  { error: 'an IPv4 range such as "192.168.1.240-192.168.1.250" or CIDR "192.168.1.240/28"' },
);

/**
 * How public traffic reaches Traefik. Exactly one per environment: the plan's
 * "one clear exposure path" (MetalLB and a tunnel together route twice).
 */
export const exposureSchema = strictObject({
  /** Cloudflare Tunnel (token mode): cloudflared connects out, no inbound port. @see https://developers.cloudflare.com/cloudflare-one/connections/connect-networks/ */
  cloudflareTunnel: strictObject({
    /** @default 2 */
    replicas: intIn(1, 10).optional(),
  }).optional(),
  /** MetalLB L2: Traefik gets a LAN LoadBalancer address from this pool. @see https://metallb.io/configuration/ */
  metallb: strictObject({
    addresses: z.array(ipRange).min(1, { error: 'at least one address range' }),
  }).optional(),
}).check((ctx) => {
  const { cloudflareTunnel, metallb } = ctx.value;
  if (cloudflareTunnel && metallb) {
    ctx.issues.push({
      code: 'custom', input: metallb, path: ['metallb'],
      message: 'no metallb when cloudflareTunnel is set (one clear exposure path per environment: pick one)',
    });
  } else if (!cloudflareTunnel && !metallb) {
    ctx.issues.push({ code: 'custom', input: ctx.value, message: 'one of {cloudflareTunnel: {}} or {metallb: {addresses}}' });
  }
});

/** The nodes of one cluster, for the capacity line of the summary. */
export const nodesSchema = strictObject({
  /** @default 3 */
  count: intIn(1, 100).optional(),
  /** Allocatable CPU per node. @default "4" (Raspberry Pi 5: 4 Cortex-A76 cores) */
  cpu: cpuQuantity.optional(),
  /** Memory per node. @default "8Gi" (Raspberry Pi 5, 8 GiB model) */
  memory: memoryQuantity.optional(),
  /** @default "Raspberry Pi 5" */
  model: z.string().optional(),
});

/** One cluster (environment). */
export const clusterEnvironmentSchema = strictObject({
  /** The kubectl context of this cluster, for docs and `sugarkube diff`. */
  kubeContext: z.string().min(1).optional(),
  nodes: nodesSchema.optional(),
  /**
   * Labels every node of this cluster carries (e.g. `{ "sugarkube.env": "prod" }`). Synth's own
   * workloads (cloudflared) select them, so a tree applied to the wrong cluster stays Pending.
   * @default {}
   */
  nodeLabels: z.record(z.string().regex(/^([a-z0-9.-]+\/)?[A-Za-z0-9][-A-Za-z0-9_.]*$/, { error: 'a label key such as "sugarkube.env"' }), labelValue).optional(),
  exposure: exposureSchema,
  /** ClusterIssuer of the Gateway's HTTPS listeners. @default "letsencrypt-production" */
  issuer: z.enum(['letsencrypt-production', 'letsencrypt-staging']).optional(),
  /** `cluster` external label on Prometheus series. @default "<cluster name>-<env>" */
  clusterLabel: labelValue.optional(),
  /** Longhorn backup target, e.g. "s3://bucket@region/prefix". @see https://longhorn.io/docs/latest/snapshots-and-backups/backup-and-restore/set-backup-target/ */
  backupTarget: z.string().regex(/^(s3|nfs|cifs|azblob):\/\//, { error: 'a backup target URL such as "s3://bucket@us-east-1/prod"' }).optional(),
  /** Secrets sealed for THIS cluster's key, by name (see docs/cluster.md for the names synth expects). */
  sealedSecrets: z.record(objectName, sealedSecretSchema).optional(),
  /** SOPS-encrypted Secret documents, verbatim as `sops --encrypt` wrote them (when `secrets.kind` is "sops"). */
  sopsSecrets: sopsSecretsSchema.optional(),
});

/** Deploy an app from the Helm chart its repo publishes: the zero-change migration step. */
export const helmDeploySchema = strictObject({
  /** Chart name under `oci://ghcr.io/<owner>/charts/`. @default the app name */
  chart: dnsLabel.optional(),
  /** @default the cluster's owner */
  owner: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, { error: 'a GitHub owner such as "futuroptimist"' }).optional(),
  /** Chart version per environment (or one for all). */
  version: z.union([z.string().min(1), z.record(dnsLabel, z.string().min(1))], { error: 'a chart version or {env: version}' }),
  /** Values per environment, merged over the image and host the descriptor gives. */
  values: z.record(dnsLabel, z.record(z.string(), z.unknown())).optional(),
  /** Dotted values path of the image tag (gets the setter marker). @default "image.tag" */
  tagPath: z.string().optional(),
  /** Dotted values path of the image repository. @default "image.repository" */
  repositoryPath: z.string().optional(),
  /** Dotted values path of the public host. @default "ingress.host" */
  hostPath: z.string().optional(),
});

/**
 * The app's own repository: Flux takes the app's generated tree from it (a GitRepository and,
 * per environment, a Kustomization on `<path>/overlays/<env>`). The app repo owns what the
 * app is; this cluster repo owns where and which version runs.
 */
export const appRepositorySchema = strictObject({
  url: z.string().regex(/^(https|ssh):\/\//, { error: 'a Git URL such as "https://github.com/owner/app"' }),
  /** @default "main" */
  branch: branchName.optional(),
  /** The directory `npx projen` writes the app's tree to. @default "deploy" */
  path: repoPath.optional(),
  /** A Secret in flux-system with the credentials of a private repo. @default none (a public repo) */
  secretRef: objectName.optional(),
});

export const clusterAppSchema = strictObject({
  /** The app's descriptor (its repo's `sugarkube.yaml`, loaded with `loadAppYaml`, or `defineApp`); errors are prefixed `apps[i].app`. */
  app: z.custom<App | AppDescriptor>((value) => typeof value === 'object' && value !== null, { error: 'an app (defineApp) or an app descriptor' }),
  /** Where Flux takes the app from: its own repo (the default way). */
  repository: appRepositorySchema.optional(),
  /** Or: deploy from the app's own chart (the zero-change migration step). */
  helm: helmDeploySchema.optional(),
  /** The environments of this cluster the app runs in. @default every environment both the app and the cluster have */
  environments: z.array(dnsLabel).min(1, { error: 'at least one environment' }).optional(),
});

export const clusterDefinitionSchema = strictObject({
  /** Short cluster name, used in labels and Prometheus `cluster` labels. */
  name: dnsLabel,
  /** The GitOps repository Flux reconciles (this tree). */
  repository: strictObject({
    url: z.string().regex(/^(https|ssh):\/\//, { error: 'a Git URL such as "https://github.com/owner/repo"' }),
    /** @default "main" */
    branch: branchName.optional(),
  }),
  /** GHCR owner of images and charts. */
  owner: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, { error: 'a GitHub owner such as "futuroptimist"' }),
  /** Let's Encrypt account e-mail. */
  acmeEmail: z.email({ error: 'an e-mail address' }),
  /** Cloudflare DNS zones (apex domains) the clusters serve: DNS-01 selectors and external-dns filters. */
  dnsZones: z.array(hostname).min(1, { error: 'at least one DNS zone' }),
  /** @default { staging: …, prod: … } must be given: exposure has no default */
  environments: z.record(dnsLabel, clusterEnvironmentSchema),
  storage: strictObject({
    /** @default "longhorn" */
    defaultClass: z.enum(['longhorn', 'local-path']).optional(),
    /** Longhorn replicated block storage; `false` keeps k3s local-path only. @default {} */
    longhorn: z.union([
      strictObject({
        /** @default 2 (three Pi nodes: two copies survive one node loss without tripling NVMe writes) */
        replicas: intIn(1, 3).optional(),
        /** @default { cron: "0 2 * * *", retain: 7 } */
        snapshot: strictObject({ cron: z.string(), retain: intIn(1, 100) }).optional(),
        /** @default { cron: "0 3 * * *", retain: 14 } (only with a backup target) */
        backup: strictObject({ cron: z.string(), retain: intIn(1, 100) }).optional(),
      }),
      z.literal(false),
    ], { error: '{replicas?, snapshot?, backup?} or false' }).optional(),
  }).optional(),
  /** @default { kind: "sealed-secrets" } */
  secrets: z.discriminatedUnion('kind', [
    strictObject({ kind: z.literal('sealed-secrets') }),
    strictObject({ kind: z.literal('sops'), /** @default "sops-age" */ ageKeySecret: objectName.optional() }),
  ], { error: '{kind: "sealed-secrets"} or {kind: "sops", ageKeySecret?}' }).optional(),
  observability: strictObject({
    /** @default "7d" */
    retention: z.string().regex(/^[1-9][0-9]*[dhw]$/, { error: 'a retention such as "7d"' }).optional(),
    /** @default "8GB" */
    retentionSize: z.string().regex(/^[1-9][0-9]*(MB|GB)$/, { error: 'a size such as "8GB"' }).optional(),
    /** @default "10Gi" */
    storage: storageQuantity.optional(),
    /** @default "60s" */
    scrapeInterval: duration.optional(),
    /** @default true */
    grafana: z.boolean().optional(),
    /** @default true */
    alertmanager: z.boolean().optional(),
    /** Ingress success SLO. @default 0.995 */
    sloTarget: z.number().gt(0.9).lt(1).optional(),
  }).optional(),
  /** Manage Cloudflare DNS records from routes. @default false */
  externalDns: z.boolean().optional(),
  notifications: strictObject({
    /** GitHub commit status on the cluster repo per Flux Kustomization. @default true */
    githubCommitStatus: z.boolean().optional(),
    /** A chat webhook (address in the sealed secret "flux-chat-webhook") for failed reconciliations. */
    chat: strictObject({
      type: z.enum(['slack', 'discord', 'msteams', 'googlechat', 'matrix', 'telegram', 'generic']),
      channel: z.string().optional(),
    }).optional(),
  }).optional(),
  apps: z.array(clusterAppSchema),
});

/** The cluster definition as written by hand. */
export type ClusterDefinition = z.input<typeof clusterDefinitionSchema>;
/** The cluster definition after validation. */
export type ValidatedClusterDefinition = z.output<typeof clusterDefinitionSchema>;
export type ClusterEnvironment = ValidatedClusterDefinition['environments'][string];
export type ClusterApp = ValidatedClusterDefinition['apps'][number];
export type HelmDeploy = NonNullable<ClusterApp['helm']>;
export type AppRepository = NonNullable<ClusterApp['repository']>;

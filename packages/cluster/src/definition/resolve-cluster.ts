import { checkArguments, issue, ValidationError } from '@sugarkube/core';
import { environmentsOf, isApp, type App } from '@sugarkube/manifests';
import { z } from 'zod';
import { brandResolved } from './arguments.js';
import { clusterDefinitionSchema } from './cluster-definition.js';
import { pinsSchema } from './pins.js';
import type { ClusterEnvironment, HelmDeploy, ValidatedClusterDefinition } from './cluster-definition.js';
import type { Pins } from './pins.js';
import { parseCpu, parseMemory } from './quantities.js';

export type Exposure =
  | { readonly kind: 'cloudflare-tunnel'; readonly replicas: number }
  | { readonly kind: 'metallb'; readonly addresses: readonly string[] };

export interface ResolvedNodes {
  readonly count: number;
  readonly cpu: string;
  readonly memory: string;
  readonly model: string;
  /** Totals over all nodes. */
  readonly cpuMillis: number;
  readonly memoryBytes: number;
}

export interface ResolvedEnvironment {
  readonly name: string;
  readonly kubeContext: string;
  readonly nodes: ResolvedNodes;
  readonly nodeLabels: Readonly<Record<string, string>>;
  readonly exposure: Exposure;
  readonly issuer: 'letsencrypt-production' | 'letsencrypt-staging';
  readonly clusterLabel: string;
  readonly backupTarget: string | undefined;
  readonly sealedSecrets: NonNullable<ClusterEnvironment['sealedSecrets']>;
  readonly sopsSecrets: NonNullable<ClusterEnvironment['sopsSecrets']>;
}

export interface ResolvedLonghorn {
  readonly replicas: number;
  readonly snapshot: { readonly cron: string; readonly retain: number };
  readonly backup: { readonly cron: string; readonly retain: number };
}

/** Where Flux takes an app's tree from, with defaults applied. */
export interface ResolvedAppRepository {
  readonly url: string;
  readonly branch: string;
  readonly path: string;
  readonly secretRef: string | undefined;
}

export interface ResolvedClusterApp {
  readonly app: App;
  readonly repository: ResolvedAppRepository | undefined;
  readonly helm: HelmDeploy | undefined;
  /** The cluster's environments this app runs in, in the cluster's order. */
  readonly environments: readonly string[];
}

/** The cluster definition with every default applied once. */
export interface ResolvedCluster {
  readonly name: string;
  readonly repository: { readonly url: string; readonly branch: string };
  readonly owner: string;
  readonly acmeEmail: string;
  readonly dnsZones: readonly string[];
  readonly environments: readonly ResolvedEnvironment[];
  readonly storage: { readonly defaultClass: 'longhorn' | 'local-path'; readonly longhorn: ResolvedLonghorn | false };
  readonly secrets: { readonly kind: 'sealed-secrets' } | { readonly kind: 'sops'; readonly ageKeySecret: string };
  readonly observability: {
    readonly retention: string;
    readonly retentionSize: string;
    readonly storage: string;
    readonly scrapeInterval: string;
    readonly grafana: boolean;
    readonly alertmanager: boolean;
    readonly sloTarget: number;
  };
  readonly externalDns: boolean;
  readonly notifications: {
    readonly githubCommitStatus: boolean;
    readonly chat: NonNullable<NonNullable<ValidatedClusterDefinition['notifications']>['chat']> | undefined;
  };
  readonly apps: readonly ResolvedClusterApp[];
  /** What runs where (`sugarkube.pins.json`). */
  readonly pins: Pins;
}

function resolveEnvironment(
  cluster: ValidatedClusterDefinition,
  name: string,
  env: ClusterEnvironment,
): ResolvedEnvironment {
  const count = env.nodes?.count ?? 3;
  const cpu = env.nodes?.cpu ?? '4';
  const memory = env.nodes?.memory ?? '8Gi';
  const exposure: Exposure = env.exposure.metallb
    ? { kind: 'metallb', addresses: env.exposure.metallb.addresses }
    : { kind: 'cloudflare-tunnel', replicas: env.exposure.cloudflareTunnel?.replicas ?? 2 };
  return {
    name,
    kubeContext: env.kubeContext ?? `${cluster.name}-${name}`,
    nodes: {
      count,
      cpu,
      memory,
      model: env.nodes?.model ?? 'Raspberry Pi 5',
      cpuMillis: parseCpu(cpu) * count,
      memoryBytes: parseMemory(memory) * count,
    },
    nodeLabels: env.nodeLabels ?? {},
    exposure,
    issuer: env.issuer ?? 'letsencrypt-production',
    clusterLabel: env.clusterLabel ?? `${cluster.name}-${name}`,
    backupTarget: env.backupTarget,
    sealedSecrets: env.sealedSecrets ?? {},
    sopsSecrets: env.sopsSecrets ?? [],
  };
}

/** Applies the defaults documented on the schema. Environments keep the order they were given in. */
/** `apps` are the validated apps of `cluster.apps`, in the same order. */
export function resolveCluster(
  cluster: ValidatedClusterDefinition,
  apps: readonly App[],
  pins: Pins = {},
): ResolvedCluster {
  checkArguments('resolveCluster arguments', [
    [['cluster'], clusterDefinitionSchema, cluster],
    [
      ['apps'],
      z.array(z.custom<App>(isApp, { error: 'an app from defineApp' }), {
        error: 'the validated apps of cluster.apps',
      }),
      apps,
    ],
    [['pins'], pinsSchema, pins],
  ]);
  if (apps.length !== cluster.apps.length)
    throw new ValidationError('resolveCluster arguments', [
      issue(['apps'], `one validated app per entry of cluster.apps (${cluster.apps.length})`, apps),
    ]);
  return brandResolved(resolved(cluster, apps, pins));
}

function resolved(cluster: ValidatedClusterDefinition, apps: readonly App[], pins: Pins): ResolvedCluster {
  const clusterEnvs = Object.keys(cluster.environments);
  const longhorn = cluster.storage?.longhorn;
  const secrets = cluster.secrets ?? { kind: 'sealed-secrets' as const };
  const observability = cluster.observability ?? {};
  return {
    name: cluster.name,
    repository: { url: cluster.repository.url, branch: cluster.repository.branch ?? 'main' },
    owner: cluster.owner,
    acmeEmail: cluster.acmeEmail,
    dnsZones: cluster.dnsZones,
    environments: Object.entries(cluster.environments).map(([name, env]) => resolveEnvironment(cluster, name, env)),
    storage: {
      defaultClass: cluster.storage?.defaultClass ?? (longhorn === false ? 'local-path' : 'longhorn'),
      longhorn:
        longhorn === false
          ? false
          : {
              replicas: longhorn?.replicas ?? 2,
              snapshot: longhorn?.snapshot ?? { cron: '0 2 * * *', retain: 7 },
              backup: longhorn?.backup ?? { cron: '0 3 * * *', retain: 14 },
            },
    },
    secrets:
      secrets.kind === 'sops'
        ? { kind: 'sops', ageKeySecret: secrets.ageKeySecret ?? 'sops-age' }
        : { kind: 'sealed-secrets' },
    observability: {
      retention: observability.retention ?? '7d',
      retentionSize: observability.retentionSize ?? '8GB',
      storage: observability.storage ?? '10Gi',
      scrapeInterval: observability.scrapeInterval ?? '60s',
      grafana: observability.grafana ?? true,
      alertmanager: observability.alertmanager ?? true,
      sloTarget: observability.sloTarget ?? 0.995,
    },
    externalDns: cluster.externalDns ?? false,
    notifications: {
      githubCommitStatus: cluster.notifications?.githubCommitStatus ?? true,
      chat: cluster.notifications?.chat,
    },
    apps: cluster.apps.map((entry, index) => {
      const app = apps[index]!;
      const own = Object.keys(environmentsOf(app.descriptor));
      const wanted = entry.environments ?? clusterEnvs.filter((env) => own.includes(env));
      const repository = entry.repository
        ? {
            url: entry.repository.url,
            branch: entry.repository.branch ?? 'main',
            path: entry.repository.path ?? 'deploy',
            secretRef: entry.repository.secretRef,
          }
        : undefined;
      return { app, repository, helm: entry.helm, environments: clusterEnvs.filter((env) => wanted.includes(env)) };
    }),
    pins,
  };
}

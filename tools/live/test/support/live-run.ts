import { join } from 'node:path';
import { componentPins, infraComponents, type PinsInput } from '@sugarkube/cluster';
import { sugarkubeCluster } from '@sugarkube/sugarkube-cluster';
import { buildahStore, cacheEntry, type BuildahStore } from '@sugarkube/verify';
import { parseAllDocuments } from 'yaml';
import {
  liveEntry,
  piNodes,
  startLiveCluster,
  startLiveServers,
  watchFluxReady,
  type FluxDependent,
  type FluxReadyWatch,
  type LiveCluster,
  type LiveEndpoints,
  type LiveServers,
} from '../../src/index.js';
import { publishAppRepo, runPins, type RunAppRepo } from './app-repos.js';
import { platformObjects } from './platform-objects.js';
import {
  clusterRepoUrl,
  environments,
  kubeContext,
  repoPath,
  runApps,
  synthesizeRunTree,
  type RunTree,
} from './run-tree.js';

/** The date of the run's first commits (2026-01-01T00:00:00Z): fixed, so SHAs and build inputs repeat. */
export const runEpoch = 1_767_225_600;

export interface LiveRun {
  readonly servers: LiveServers;
  readonly endpoints: LiveEndpoints;
  readonly store: BuildahStore;
  readonly buildArgs: Record<string, string>;
  /** By app name; a bump replaces an app's entry. */
  readonly repos: Map<string, RunAppRepo>;
  readonly pins: PinsInput;
  readonly tree: RunTree;
  /** `owner/repo` of the cluster repository on the git server, and its first commit. */
  readonly clusterRepo: string;
  readonly clusterSha: string;
  readonly clusters: Readonly<Record<string, LiveCluster>>;
  readonly watches: Readonly<Record<string, FluxReadyWatch>>;
  /** When each environment's bootstrap (FluxInstance + flux-sync.yaml) was applied. */
  readonly bootstrappedAt: Readonly<Record<string, number>>;
  /** Charts served, as `name-version`. */
  readonly charts: readonly string[];
  /** Seconds each preparation step took. */
  readonly timings: Readonly<Record<string, number>>;
  logTails(lines?: number): string;
  stop(options?: { readonly keep?: boolean }): Promise<void>;
}

const seconds = (since: number) => Math.round((Date.now() - since) / 100) / 10;

/**
 * Everything up to the bootstrap: shared servers (git, registry, charts), every pinned chart in
 * the chart repository, the app repos committed and their images built and pushed, the pins, the
 * cluster repo synthesized and committed, one live cluster per environment (its Pi nodes, the
 * platform objects k3s would have), and each bootstrapped as docs/cluster.md says, with Flux as
 * processes in place of the operator. Returns at once after the bootstrap: Flux takes over.
 */
export async function startLiveRun(): Promise<LiveRun> {
  const timings: Record<string, number> = {};
  let t = Date.now();
  const servers = await startLiveServers();
  const clusters: Record<string, LiveCluster> = {};
  const watches: Record<string, FluxReadyWatch> = {};
  const stop = async (options?: { readonly keep?: boolean }) => {
    for (const w of Object.values(watches)) w.stop();
    for (const c of Object.values(clusters)) await c.stop(options);
    await servers.stop(options);
  };
  try {
    const charts = await serveCharts(servers);
    timings.servers = seconds(t);
    const endpoints: LiveEndpoints = {
      gitUrl: servers.git.url,
      registryHost: servers.registry.host,
      chartsUrl: servers.charts.url,
    };
    t = Date.now();
    const store = buildahStore('live');
    const buildArgs = store.ensureBaseImages();
    timings.baseImages = seconds(t);
    t = Date.now();
    const repos = new Map<string, RunAppRepo>();
    let i = 0;
    for (const spec of runApps()) {
      // One SOURCE_DATE_EPOCH for every build: the same sources give the same layers on every run.
      const repo = await publishAppRepo(
        spec,
        servers,
        endpoints,
        { store, buildArgs },
        { date: runEpoch + 600 * i++, epoch: runEpoch },
      );
      repos.set(repo.name, repo);
    }
    timings.appRepos = seconds(t);
    const pins = runPins([...repos.values()]);
    const tree = synthesizeRunTree(pins, endpoints);
    const clusterRepo = repoPath(clusterRepoUrl);
    await servers.git.createRepo(clusterRepo);
    const clusterSha = await servers.git.commit(clusterRepo, tree.files, 'sugarkube synth', { date: runEpoch + 3_600 });
    t = Date.now();
    const started = await Promise.allSettled(
      environments.map(async (env) => {
        const nodes = sugarkubeCluster.environments[env]!.nodes!;
        clusters[env] = await startLiveCluster({
          nodes: piNodes(env, { count: nodes.count, cpu: String(nodes.cpu), memory: String(nodes.memory) }),
          servers,
          crdDirs: [liveEntry('platform-crds')],
          context: kubeContext(env),
        });
      }),
    );
    const failed = started.flatMap((r) => (r.status === 'rejected' ? [String(r.reason)] : []));
    if (failed.length > 0) throw new Error(failed.join('\n'));
    timings.clusters = seconds(t);
    const bootstrappedAt: Record<string, number> = {};
    for (const env of environments) {
      const cluster = clusters[env]!;
      await cluster.apply(platformObjects(env, cluster.nodes));
      watches[env] = watchFluxReady(cluster.get);
      const file = (name: string) => tree.files.find((f) => f.path === `clusters/${env}/flux-system/${name}`)!.content;
      bootstrappedAt[env] = Date.now();
      // docs/cluster.md's bootstrap: the FluxInstance, then the sync (GitRepository + root Kustomization).
      await cluster.apply(file('flux-instance.yaml'));
      await cluster.apply(file('flux-sync.yaml'));
    }
    return {
      servers,
      endpoints,
      store,
      buildArgs,
      repos,
      pins,
      tree,
      clusterRepo,
      clusterSha,
      clusters,
      watches,
      bootstrappedAt,
      charts,
      timings,
      logTails: (lines) =>
        [
          servers.logTails(lines),
          ...Object.entries(clusters).map(([env, c]) => `===== ${env}\n${c.logTails(lines)}`),
        ].join('\n'),
      stop,
    };
  } catch (e) {
    await stop({ keep: true });
    throw e;
  }
}

/**
 * Every chart the components pin from a Helm repository, in the run's chart repository: from
 * its module release (`helm-charts`) or its archive (`upstream-charts`).
 */
async function serveCharts(servers: LiveServers): Promise<string[]> {
  const served: string[] = [];
  for (const c of componentPins(infraComponents).components) {
    if (c.source.kind !== 'helm' || !c.chart) continue;
    served.push(
      c.sourceModule
        ? await servers.charts.addChart(join(cacheEntry('helm-charts'), c.chart))
        : await servers.charts.addArchive(join(liveEntry('upstream-charts'), `${c.chart}-${c.version}.tgz`)),
    );
  }
  return served;
}

/**
 * The Kustomizations and HelmReleases the tree declares for one environment (in the cluster repo:
 * `clusters/<env>/`, `infrastructure/*\/<env>/`), with `spec.suspend`.
 */
export function declaredFluxObjects(tree: RunTree, env: string): (FluxDependent & { suspended: boolean })[] {
  const inEnv = (path: string) =>
    path.startsWith(`clusters/${env}/`) || new RegExp(`^infrastructure/[^/]+/${env}/`).test(path);
  type Doc = {
    kind?: string;
    apiVersion?: string;
    metadata?: { name: string; namespace: string };
    spec?: { dependsOn?: { name: string; namespace?: string }[]; suspend?: boolean };
  };
  return tree.files
    .filter((f) => inEnv(f.path) && f.path.endsWith('.yaml'))
    .flatMap((f) => parseAllDocuments(f.content).map((d) => d.toJS() as Doc))
    .filter(
      (d) =>
        (d?.kind === 'Kustomization' && d.apiVersion?.startsWith('kustomize.toolkit.fluxcd.io/')) ||
        d?.kind === 'HelmRelease',
    )
    .map((d) => ({
      kind: d.kind!,
      namespace: d.metadata!.namespace,
      name: d.metadata!.name,
      dependsOn: d.spec?.dependsOn ?? [],
      suspended: d.spec?.suspend === true,
    }));
}

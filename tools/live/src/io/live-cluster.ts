import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fluxControllers, fluxNamespace, type FluxController } from '../flux-controller.js';
import { liveContext, renderKubeconfig, type Identity } from '../kubeconfig.js';
import { piNodes, type LiveNodeSpec } from '../live-node.js';
import { startChartServer, type ChartServer } from './chart-server.js';
import { startEtcd } from './etcd.js';
import { startFluxControllers, type RunningFlux } from './flux-processes.js';
import { startGitServer, type GitServer, type GitServerOptions } from './git-server.js';
import { httpsGet } from './https-get.js';
import { kubernetesServiceIp, serviceCidr, startApiServer } from './kube-apiserver.js';
import { startKubeComponent } from './kube-component.js';
import { applyObjects, kubectl } from './kubectl.js';
import { waitForCondition, type ConditionTarget } from './wait-condition.js';
import { podCidr, startKwok } from './kwok.js';
import { liveEntry, liveVersion, type LiveEntry } from './live-binary.js';
import { startLiveRegistry, type LiveRegistry } from './live-registry.js';
import type { LiveServers } from './live-servers.js';
import { createPki } from './pki.js';
import type { RunOptions, RunResult } from './run.js';
import { Supervisor } from './supervisor.js';

export interface LiveClusterOptions {
  /** @default piNodes('staging'): sugarkube3-5, arm64, 4 CPU, 8 GiB, `sugarkube.env=staging` */
  readonly nodes?: readonly LiveNodeSpec[];
  /** Flux controllers to run as processes. @default all six */
  readonly flux?: readonly FluxController[];
  /** More directories of CRD YAML to install (the Flux and Gateway API CRDs always are). */
  readonly crdDirs?: readonly string[];
  /** The git server's settings (basic auth). */
  readonly git?: GitServerOptions;
  /** @default a fresh directory under the OS temp dir */
  readonly dir?: string;
  /**
   * The git server, registry and chart repository to use (shared with other clusters; `stop()`
   * leaves them running). @default the cluster starts its own, with `git` as the git server's settings
   */
  readonly servers?: LiveServers;
  /** The kubeconfig context's name. @default 'sugarkube-live' */
  readonly context?: string;
}

/** Milliseconds each start-up phase took (wall clock). */
export interface LiveTimings {
  readonly etcd: number;
  readonly apiServer: number;
  readonly crds: number;
  readonly controlPlane: number;
  readonly nodesReady: number;
  readonly flux: number;
  readonly total: number;
}

export interface LiveCluster {
  /** Everything of the run: logs/, kubeconfig, pki/, etcd data, git repos, registry storage. */
  readonly dir: string;
  /** An admin kubeconfig (`system:masters`) for tests and `sugarkube status`. */
  readonly kubeconfig: string;
  /** Its context's name (`options.context`). */
  readonly context: string;
  readonly apiServerUrl: string;
  readonly nodes: readonly LiveNodeSpec[];
  readonly git: GitServer;
  readonly registry: LiveRegistry;
  readonly charts: ChartServer;
  readonly flux: RunningFlux;
  /** The pinned version of every binary that runs (read from the cache layout). */
  readonly versions: Readonly<Record<string, string>>;
  readonly timings: LiveTimings;
  kubectl(args: readonly string[], options?: RunOptions): Promise<RunResult>;
  /**
   * GET an API path as the admin (`/apis/kustomize.toolkit.fluxcd.io/v1/kustomizations`): the
   * parsed JSON, or a rejection naming the status. Lighter than a kubectl process for polling.
   */
  get<T = unknown>(path: string): Promise<T>;
  apply(objects: readonly unknown[] | string, options?: RunOptions): Promise<RunResult>;
  /** Polls until condition `type` is True on the target (see waitForCondition); returns the objects. */
  waitFor(target: ConditionTarget, type: string, options?: { readonly timeoutMs?: number }): Promise<unknown[]>;
  /** The tail of every component's log, for a failing test's output. */
  logTails(lines?: number): string;
  /** Stops everything (no process outlives it); removes `dir` unless `keep`. */
  stop(options?: { readonly keep?: boolean }): Promise<void>;
}

const token = () => randomBytes(24).toString('hex');
function byController<T>(f: (c: FluxController) => T): Record<FluxController, T> {
  const record = {} as Record<FluxController, T>;
  for (const c of fluxControllers) record[c] = f(c);
  return record;
}
const fluxUser = (c: FluxController) => `system:serviceaccount:${fluxNamespace}:${c}`;

/**
 * Starts a live cluster on loopback: etcd, kube-apiserver (Pod Security admission, RBAC),
 * kube-controller-manager, kube-scheduler, kwok with Pi-shaped nodes, the Flux and Gateway API
 * CRDs, the Flux controllers as processes, a git server, an OCI registry and a Helm chart
 * repository. On any failure it stops what it started and throws with every log's tail.
 */
export async function startLiveCluster(options: LiveClusterOptions = {}): Promise<LiveCluster> {
  const t0 = Date.now();
  const missing = (options.crdDirs ?? []).flatMap((d, i) =>
    existsSync(d)
      ? []
      : [`crdDirs[${i}]: expected a directory or file of CRD YAML, received ${JSON.stringify(d)} (not found)`],
  );
  if (missing.length > 0) throw new Error(`startLiveCluster: ${missing.join('; ')}`);
  const dir = options.dir ?? mkdtempSync(join(tmpdir(), 'sugarkube-live-'));
  const nodes = options.nodes ?? piNodes('staging');
  const controllers = options.flux ?? fluxControllers;
  const supervisor = new Supervisor(dir);
  const stopped: Array<() => Promise<void>> = [];
  try {
    const admin: Identity = { user: 'sugarkube-admin', groups: ['system:masters'], token: token() };
    const kcm: Identity = { user: 'system:kube-controller-manager', groups: [], token: token() };
    const scheduler: Identity = { user: 'system:kube-scheduler', groups: [], token: token() };
    // kwok writes node and pod status and node leases for many nodes: no built-in role covers it.
    const kwok: Identity = { user: 'kwok', groups: ['system:masters'], token: token() };
    const flux = byController((c): Identity => ({
      user: fluxUser(c),
      groups: ['system:serviceaccounts', `system:serviceaccounts:${fluxNamespace}`],
      token: token(),
    }));
    const pki = await createPki(dir, kubernetesServiceIp);

    const etcd = await startEtcd(supervisor, dir);
    const tEtcd = Date.now();
    const api = await startApiServer(supervisor, dir, etcd.url, pki, [
      admin,
      kcm,
      scheduler,
      kwok,
      ...Object.values(flux),
    ]);
    const tApi = Date.now();
    const kubeconfigFor = (name: string, identity: Identity) => {
      const path = join(dir, name === 'admin' ? 'kubeconfig' : `kubeconfig-${name}`);
      const context = name === 'admin' ? (options.context ?? liveContext) : liveContext;
      writeFileSync(path, renderKubeconfig(api.url, pki.caCert, identity, context), { mode: 0o600 });
      return path;
    };
    const kubeconfig = kubeconfigFor('admin', admin);
    const fluxKubeconfigs = byController((c) => kubeconfigFor(c, flux[c]));
    const kubeletVersion = liveVersion('kube-apiserver');
    const caPem = readFileSync(pki.caCert, 'utf8');

    const git = options.servers?.git ?? (await startGitServer(dir, options.git));
    const charts = options.servers?.charts ?? (await startChartServer(dir));
    if (!options.servers) stopped.push(git.stop, charts.stop);
    const registryStarted = options.servers
      ? Promise.resolve(options.servers.registry)
      : startLiveRegistry(supervisor, dir);

    const controlPlane = Promise.all([
      startKubeComponent(supervisor, dir, 'kube-controller-manager', kubeconfigFor('kube-controller-manager', kcm), [
        `--service-account-private-key-file=${pki.serviceAccountKey}`,
        `--root-ca-file=${pki.caCert}`,
        '--use-service-account-credentials=true',
        `--service-cluster-ip-range=${serviceCidr}`,
        `--cluster-cidr=${podCidr}`,
        '--cluster-name=sugarkube-live',
      ]),
      startKubeComponent(supervisor, dir, 'kube-scheduler', kubeconfigFor('kube-scheduler', scheduler), []),
    ]).then(() => Date.now());
    const nodesReady = startKwok(supervisor, kubeconfigFor('kwok', kwok), kubeconfig, nodes, kubeletVersion).then(() =>
      Date.now(),
    );
    const crdsAndFlux = (async () => {
      const dirs: LiveEntry[] = ['gateway-api-crds', ...fluxControllers.map((c) => `${c}-crds` as const)];
      // One kubectl for every directory; resolved, since kubectl reads a symlink to a directory as a file.
      const files = [...dirs.map(liveEntry), ...(options.crdDirs ?? [])].flatMap((d) => ['-f', realpathSync(d)]);
      await kubectl(kubeconfig, ['apply', '--server-side', '--field-manager=sugarkube-live', ...files]);
      await waitForCondition(kubeconfig, { kind: 'customresourcedefinitions' }, 'Established', { timeoutMs: 120_000 });
      const tCrds = Date.now();
      await applyObjects(kubeconfig, fluxAccess(controllers));
      const running = await startFluxControllers(supervisor, dir, controllers, fluxKubeconfigs);
      return { tCrds, running, tFlux: Date.now() };
    })();
    // Settle every branch before judging, so no step is still starting processes when a failure stops them.
    const settled = await Promise.allSettled([controlPlane, nodesReady, crdsAndFlux, registryStarted] as const);
    const failures = settled.flatMap((r) =>
      r.status === 'rejected' ? [r.reason instanceof Error ? r.reason.message : String(r.reason)] : [],
    );
    if (failures.length > 0) throw new Error(failures.join('\n'));
    const [tControl, tNodes, { tCrds, running, tFlux }, registry] = await Promise.all([
      controlPlane,
      nodesReady,
      crdsAndFlux,
      registryStarted,
    ]);

    const versions: Record<string, string> = {};
    for (const entry of ['etcd', 'kube-apiserver', 'kwok', ...controllers] as const)
      versions[entry] = liveVersion(entry);
    const end = Date.now();
    return {
      dir,
      kubeconfig,
      context: options.context ?? liveContext,
      apiServerUrl: api.url,
      nodes,
      git,
      registry,
      charts,
      flux: running,
      versions,
      timings: {
        etcd: tEtcd - t0,
        apiServer: tApi - tEtcd,
        crds: tCrds - tApi,
        controlPlane: tControl - tApi,
        nodesReady: tNodes - tApi,
        flux: tFlux - tCrds,
        total: end - t0,
      },
      kubectl: (args, runOptions) => kubectl(kubeconfig, args, runOptions),
      get: async <T>(path: string) => {
        const r = await httpsGet(`${api.url}${path}`, { ca: caPem, token: admin.token, timeoutMs: 30_000 });
        if (r.status !== 200) throw new Error(`GET ${path}: ${r.status} ${r.body.slice(0, 300)}`);
        return JSON.parse(r.body) as T;
      },
      apply: (objects, runOptions) => applyObjects(kubeconfig, objects, runOptions),
      waitFor: (target, type, waitOptions) => waitForCondition(kubeconfig, target, type, waitOptions),
      logTails: (lines) => supervisor.logTails(lines),
      stop: async (stopOptions) => {
        await supervisor.stopAll();
        for (const stop of stopped) await stop();
        if (stopOptions?.keep !== true) rmSync(dir, { recursive: true, force: true });
      },
    };
  } catch (e) {
    const tails = supervisor.logTails();
    await supervisor.stopAll();
    for (const stop of stopped) await stop();
    const message = e instanceof Error ? e.message : String(e);
    throw new Error(
      `the live cluster did not start: ${message}\nrun directory kept: ${dir} (${readdirSync(join(dir, 'logs')).join(', ')})\n${tails}`,
      { cause: e },
    );
  }
}

/**
 * The Flux controllers' namespace and access. Flux's install binds kustomize-controller and
 * helm-controller to cluster-admin (`cluster-reconciler`) and the others to its `crd-controller`
 * role; here every controller's identity gets cluster-admin.
 */
function fluxAccess(controllers: readonly FluxController[]): unknown[] {
  return [
    { apiVersion: 'v1', kind: 'Namespace', metadata: { name: fluxNamespace } },
    {
      apiVersion: 'rbac.authorization.k8s.io/v1',
      kind: 'ClusterRoleBinding',
      metadata: { name: 'sugarkube-live-flux' },
      roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name: 'cluster-admin' },
      subjects: controllers.map((c) => ({ apiGroup: 'rbac.authorization.k8s.io', kind: 'User', name: fluxUser(c) })),
    },
  ];
}

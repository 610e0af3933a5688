import { homedir } from 'node:os';
import { delimiter, join, resolve } from 'node:path';
import { AppsV1Api, CoreV1Api, CustomObjectsApi, KubeConfig } from '@kubernetes/client-node';
import { fluxApi } from '@sugarkube/cluster';
import { inputError, UsageError } from '../cli-error.js';
import type { ClusterObjects, FluxObject } from '../pipeline/environment-status.js';
import { cause, within } from './kube-request.js';

/** The Flux kinds status lists, at the API versions synth emits. */
const fluxKinds = {
  kustomizations: { kind: 'Kustomization', apiVersion: fluxApi.kustomize, plural: 'kustomizations' },
  helmReleases: { kind: 'HelmRelease', apiVersion: fluxApi.helm, plural: 'helmreleases' },
  imagePolicies: { kind: 'ImagePolicy', apiVersion: fluxApi.image, plural: 'imagepolicies' },
  imageRepositories: { kind: 'ImageRepository', apiVersion: fluxApi.image, plural: 'imagerepositories' },
} as const;
type FluxList = keyof typeof fluxKinds;

/**
 * The kubeconfig files, as kubectl finds them: `--kubeconfig`, else every file in KUBECONFIG
 * (merged, the first one wins), else ~/.kube/config. Relative paths are from the working directory.
 */
export function kubeconfigFiles(
  flag: string | undefined,
  env: Readonly<Record<string, string | undefined>>,
  cwd: string,
): string[] {
  if (flag !== undefined) return [resolve(cwd, flag)];
  const fromEnv = (env.KUBECONFIG ?? '').split(delimiter).filter((f) => f !== '');
  if (fromEnv.length > 0) return fromEnv.map((f) => resolve(cwd, f));
  return [join(env.HOME ?? homedir(), '.kube', 'config')];
}

/** The merged kubeconfig; a file that cannot be read or parsed is bad input (exit 2), named. */
function readKubeConfig(files: readonly string[]): KubeConfig {
  const merged = new KubeConfig();
  const problems: string[] = [];
  files.forEach((file, i) => {
    try {
      if (i === 0) merged.loadFromFile(file);
      else {
        const next = new KubeConfig();
        next.loadFromFile(file);
        // kubectl's rule: the first file that sets a name wins; later files only add names
        // (client-node's mergeConfig throws on a duplicate name instead).
        const has = (list: readonly { name: string }[], name: string) => list.some((x) => x.name === name);
        for (const c of next.clusters) if (!has(merged.clusters, c.name)) merged.addCluster(c);
        for (const u of next.users) if (!has(merged.users, u.name)) merged.addUser(u);
        for (const c of next.contexts) if (!has(merged.contexts, c.name)) merged.addContext(c);
      }
    } catch (error) {
      const e = error as NodeJS.ErrnoException;
      problems.push(
        `kubeconfig ${file}: ${e.code === 'ENOENT' ? 'not found (pass --kubeconfig, or set KUBECONFIG)' : (e.message ?? String(error)).split('\n')[0]}`,
      );
    }
  });
  if (problems.length > 0) throw inputError(problems.map((message) => ({ message })));
  return merged;
}

/**
 * The contexts to read: those asked for (each must be in the kubeconfig), else every context in it.
 * @throws UsageError naming the unknown contexts and the ones that exist
 */
function chooseContexts(kc: KubeConfig, asked: readonly string[], files: readonly string[]): string[] {
  const known = kc.getContexts().map((c) => c.name);
  if (known.length === 0) throw inputError(`kubeconfig ${files.join(', ')}: no contexts in it`);
  const unknown = asked.filter((c) => !known.includes(c));
  if (unknown.length > 0)
    throw new UsageError(
      `--context: ${unknown.map((c) => `"${c}"`).join(', ')} not in the kubeconfig (contexts: ${known.join(', ')})`,
    );
  const chosen = asked.length === 0 ? known : [...new Set(asked)];
  const dangling = chosen.filter((name) => !kc.getCluster(kc.getContextObject(name)?.cluster ?? ''));
  if (dangling.length > 0)
    throw inputError(
      dangling.map((name) => ({
        message: `kubeconfig ${files.join(', ')}: context "${name}" names cluster "${kc.getContextObject(name)?.cluster ?? ''}", which is not in it${asked.length === 0 ? ' (pass --context to read the others)' : ''}`,
      })),
    );
  return chosen;
}

type Request = Parameters<KubeConfig['applySecurityAuthentication']>[0];

/**
 * A kubeconfig whose every request ends at the time limit: `within` answers then, and the signal
 * also ends the request itself, so no socket keeps the CLI alive after its report (an API server
 * that accepts a connection and never answers).
 */
class TimedKubeConfig extends KubeConfig {
  constructor(private readonly timeoutMs: number) {
    super();
  }
  override async applySecurityAuthentication(request: Request): Promise<void> {
    await super.applySecurityAuthentication(request);
    request.setSignal(AbortSignal.timeout(this.timeoutMs));
  }
}

/** The status 404 means the API server does not serve the kind (its CRD is not installed). */
const notFound = (error: unknown) => (error as { code?: unknown }).code === 404;

/** Reads one context's objects; any failure but a missing CRD makes the whole environment an error. */
async function readContext(
  kc: KubeConfig,
  name: string,
  timeoutMs: number,
): Promise<ClusterObjects | { readonly name: string; readonly server: string; readonly error: string }> {
  // A copy per context: an API client reads its context's cluster and user when it sends, and
  // the contexts are read at the same time.
  const context = new TimedKubeConfig(timeoutMs);
  context.loadFromString(kc.exportConfig());
  context.setCurrentContext(name);
  const server = context.getCurrentCluster()!.server;
  const custom = context.makeApiClient(CustomObjectsApi);
  const ask = <T>(what: string, run: () => Promise<T>) => within(timeoutMs, `${what} from ${server}`, run());
  const notServed: string[] = [];
  const listFlux = async (list: FluxList): Promise<FluxObject[]> => {
    const { kind, apiVersion, plural } = fluxKinds[list];
    const [group, version] = apiVersion.split('/') as [string, string];
    try {
      const found = (await ask(`the ${kind} objects`, () =>
        custom.listClusterCustomObject({ group, version, plural }),
      )) as { items?: FluxObject[] };
      return found.items ?? [];
    } catch (error) {
      if (!notFound(error)) throw error;
      notServed.push(`${kind} ${apiVersion}`);
      return [];
    }
  };
  try {
    const [kustomizations, helmReleases, imagePolicies, imageRepositories, deployments, nodes] = await Promise.all([
      listFlux('kustomizations'),
      listFlux('helmReleases'),
      listFlux('imagePolicies'),
      listFlux('imageRepositories'),
      ask('the Deployments', () => context.makeApiClient(AppsV1Api).listDeploymentForAllNamespaces()),
      ask('the Nodes', () => context.makeApiClient(CoreV1Api).listNode()),
    ]);
    return {
      name,
      server,
      // Sorted: the four lists settle in any order.
      notServed: notServed.sort(),
      kustomizations,
      helmReleases,
      imagePolicies,
      imageRepositories,
      deployments: deployments.items,
      nodes: nodes.items,
    };
  } catch (error) {
    return { name, server, error: `${server}: ${cause(error)}` };
  }
}

/**
 * What every chosen context's API server holds: its Flux Kustomizations, HelmReleases, image
 * policies and repositories, its Deployments and its Nodes, each request within `timeoutMs`.
 * The contexts are read at the same time; one that cannot be read is returned with its error.
 */
export async function readClusters(options: {
  readonly files: readonly string[];
  readonly contexts: readonly string[];
  readonly timeoutMs: number;
}): Promise<(ClusterObjects | { readonly name: string; readonly server: string; readonly error: string })[]> {
  const kc = readKubeConfig(options.files);
  const names = chooseContexts(kc, options.contexts, options.files);
  return Promise.all(names.map((name) => readContext(kc, name, options.timeoutMs)));
}

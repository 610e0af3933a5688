import type { LiveCluster } from '../../src/index.js';

/** The fields of Kubernetes objects the suite reads. */
export interface Condition {
  readonly type: string;
  readonly status: string;
  readonly reason?: string;
  readonly message?: string;
}

export interface KubeItem {
  readonly apiVersion?: string;
  readonly kind?: string;
  readonly metadata: {
    readonly name: string;
    readonly namespace?: string;
    readonly uid: string;
    readonly generation?: number;
    readonly labels?: Record<string, string>;
    readonly annotations?: Record<string, string>;
    readonly deletionTimestamp?: string;
  };
  readonly spec?: Record<string, unknown>;
  readonly status?: Record<string, unknown> & { readonly conditions?: readonly Condition[] };
}

export interface PodItem extends KubeItem {
  readonly spec: {
    readonly nodeName?: string;
    readonly containers: readonly {
      readonly name: string;
      readonly image: string;
      readonly resources?: { readonly requests?: Record<string, string> };
    }[];
    readonly volumes?: readonly {
      readonly name: string;
      readonly persistentVolumeClaim?: { readonly claimName: string };
    }[];
  };
  readonly status: { readonly phase: string; readonly conditions?: readonly Condition[] };
}

/** `kubectl get … -o json` of one object, or undefined when it does not exist. */
export async function getObject<T = KubeItem>(
  cluster: LiveCluster,
  resource: string,
  name: string,
  namespace?: string,
): Promise<T | undefined> {
  const r = await cluster.kubectl(['get', resource, name, ...(namespace ? ['-n', namespace] : []), '-o', 'json'], {
    allowFailure: true,
  });
  if (r.code !== 0) {
    if (/NotFound/.test(r.stderr)) return undefined;
    throw new Error(`kubectl get ${resource} ${name}: ${r.stderr}`);
  }
  return JSON.parse(r.stdout) as T;
}

/** `kubectl get <resource> (-A | -n ns) -o json`'s items. */
export async function list<T = KubeItem>(cluster: LiveCluster, resource: string, namespace?: string): Promise<T[]> {
  const r = await cluster.kubectl(['get', resource, ...(namespace ? ['-n', namespace] : ['-A']), '-o', 'json']);
  return (JSON.parse(r.stdout) as { items: T[] }).items;
}

export const condition = (o: { status?: { conditions?: readonly Condition[] } } | undefined, type: string) =>
  o?.status?.conditions?.find((c) => c.type === type);

/** Asks Flux to reconcile an object now, as `flux reconcile` (or a webhook Receiver) does. */
export async function requestReconcile(cluster: LiveCluster, resource: string, name: string, namespace: string) {
  await cluster.kubectl([
    'annotate',
    '--overwrite',
    resource,
    name,
    '-n',
    namespace,
    `reconcile.fluxcd.io/requestedAt=${new Date().toISOString()}`,
  ]);
}

/** Polls `check` every `intervalMs` until it returns a value other than undefined; throws naming `what` on timeout. */
export async function until<T>(
  what: string,
  check: () => Promise<T | undefined>,
  timeoutMs: number,
  intervalMs = 500,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    try {
      const value = await check();
      if (value !== undefined) return value;
    } catch (e) {
      last = e;
    }
    if (Date.now() > deadline)
      throw new Error(`${what}: not after ${timeoutMs} ms${last ? ` (last error: ${String(last)})` : ''}`);
    await new Promise((r) => setTimeout(r, intervalMs));
  }
}

/** A Deployment whose rollout finished: every replica updated, ready and available at its generation. */
export function rolledOut(d: KubeItem | undefined): boolean {
  const s = d?.status as
    | {
        observedGeneration?: number;
        replicas?: number;
        updatedReplicas?: number;
        readyReplicas?: number;
        availableReplicas?: number;
      }
    | undefined;
  const want = (d?.spec as { replicas?: number } | undefined)?.replicas ?? 1;
  return (
    s !== undefined &&
    s.observedGeneration === d!.metadata.generation &&
    s.replicas === want &&
    s.updatedReplicas === want &&
    s.readyReplicas === want &&
    s.availableReplicas === want
  );
}

/** The images of a Deployment's pod template. */
export const templateImages = (d: KubeItem | undefined) =>
  (
    (d?.spec as { template?: { spec?: { containers?: { image: string }[] } } } | undefined)?.template?.spec
      ?.containers ?? []
  ).map((c) => c.image);

import { fluxObjectId } from '../dependency-order.js';

/** The state of one Kustomization or HelmRelease as last polled. */
export interface FluxObjectState {
  readonly kind: 'Kustomization' | 'HelmRelease';
  readonly namespace: string;
  readonly name: string;
  readonly suspended: boolean;
  readonly dependsOn: readonly { readonly name: string; readonly namespace?: string }[];
  readonly ready?: { readonly status: string; readonly reason?: string; readonly message?: string };
  /** Kustomization: `status.lastAppliedRevision`; HelmRelease: the chart version of its last release. */
  readonly revision?: string;
}

export interface FluxReadyWatch {
  /** When (ms since the epoch) each object, by `Kind namespace/name`, was first seen Ready. */
  readonly firstReady: ReadonlyMap<string, number>;
  /** Every Kustomization and HelmRelease as last polled. */
  current(): readonly FluxObjectState[];
  stop(): void;
}

interface Item {
  metadata: { name: string; namespace: string };
  spec?: { suspend?: boolean; dependsOn?: { name: string; namespace?: string }[] };
  status?: {
    conditions?: { type: string; status: string; reason?: string; message?: string }[];
    lastAppliedRevision?: string;
    history?: { chartVersion?: string }[];
  };
}

const lists = [
  { kind: 'Kustomization', path: '/apis/kustomize.toolkit.fluxcd.io/v1/kustomizations' },
  { kind: 'HelmRelease', path: '/apis/helm.toolkit.fluxcd.io/v2/helmreleases' },
] as const;

/**
 * Polls every Kustomization and HelmRelease of a cluster (one GET per kind and `intervalMs`) and
 * records when each was first seen Ready, to the poll's resolution: the Ready condition's own
 * `lastTransitionTime` has one-second resolution and is rewritten by later transitions.
 */
export function watchFluxReady(get: <T>(path: string) => Promise<T>, intervalMs = 1_000): FluxReadyWatch {
  const firstReady = new Map<string, number>();
  let states: FluxObjectState[] = [];
  let stopped = false;
  const poll = async () => {
    const now = Date.now();
    const next: FluxObjectState[] = [];
    for (const { kind, path } of lists) {
      const { items } = await get<{ items: Item[] }>(path);
      for (const item of items) {
        const ready = item.status?.conditions?.find((c) => c.type === 'Ready');
        const id = fluxObjectId(kind, item.metadata.namespace, item.metadata.name);
        if (ready?.status === 'True' && !firstReady.has(id)) firstReady.set(id, now);
        const revision =
          kind === 'Kustomization' ? item.status?.lastAppliedRevision : item.status?.history?.[0]?.chartVersion;
        next.push({
          kind,
          namespace: item.metadata.namespace,
          name: item.metadata.name,
          suspended: item.spec?.suspend === true,
          dependsOn: item.spec?.dependsOn ?? [],
          ...(ready ? { ready: { status: ready.status, reason: ready.reason, message: ready.message } } : {}),
          ...(revision ? { revision } : {}),
        });
      }
    }
    states = next;
  };
  const loop = async () => {
    while (!stopped) {
      await poll().catch(() => undefined); // a slow or restarting API server: the next poll retries
      await new Promise((r) => setTimeout(r, intervalMs));
    }
  };
  void loop();
  return {
    firstReady,
    current: () => states,
    stop: () => {
      stopped = true;
    },
  };
}

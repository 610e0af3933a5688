import { kubectl } from './kubectl.js';
import { waitFor } from './wait-for.js';

/** What to wait for: one object, or every object of a kind (in a namespace). */
export interface ConditionTarget {
  /** A kubectl resource name: `kustomization`, `deployment`, `crd`, `helmrelease.helm.toolkit.fluxcd.io`. */
  readonly kind: string;
  /** Without a name, every object of the kind (and at least one). */
  readonly name?: string;
  readonly namespace?: string;
}

interface Condition {
  readonly type: string;
  readonly status: string;
  readonly reason?: string;
  readonly message?: string;
}
interface Item {
  readonly metadata: { readonly name: string };
  readonly status?: { readonly conditions?: readonly Condition[] };
}

/**
 * Polls until the condition `type` is True on the target, and returns the objects as they were
 * then. Unlike `kubectl wait`, an object that does not exist yet or has no status yet (a
 * resource just applied) is "not yet", not an error; the timeout error names each object that is
 * not there with its last condition's status, reason and message.
 */
export async function waitForCondition(
  kubeconfig: string,
  target: ConditionTarget,
  type: string,
  options: { readonly timeoutMs?: number } = {},
): Promise<unknown[]> {
  const what = `${target.kind}${target.name ? `/${target.name}` : ' (all)'}${target.namespace ? ` in ${target.namespace}` : ''} ${type}=True`;
  const args = [
    'get',
    target.kind,
    ...(target.name ? [target.name] : []),
    ...(target.namespace ? ['-n', target.namespace] : []),
    '-o',
    'json',
  ];
  let found: Item[] = [];
  await waitFor(
    what,
    async () => {
      const r = await kubectl(kubeconfig, args, { allowFailure: true });
      if (r.code !== 0) return r.stderr.trim();
      const parsed = JSON.parse(r.stdout) as Item | { items: Item[] };
      found = 'items' in parsed ? parsed.items : [parsed];
      if (found.length === 0) return 'no object yet';
      const pending = found.flatMap((item) => {
        const c = item.status?.conditions?.find((x) => x.type === type);
        return c?.status === 'True'
          ? []
          : [
              `${item.metadata.name}: ${c ? `${c.status} ${c.reason ?? ''} ${c.message ?? ''}`.trim() : 'no such condition yet'}`,
            ];
      });
      return pending.length === 0 || pending.join('; ');
    },
    { timeoutMs: options.timeoutMs ?? 180_000, intervalMs: 500 },
  );
  return found;
}

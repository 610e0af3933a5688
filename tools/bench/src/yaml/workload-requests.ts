import { parseCpu, parseMemory } from '@sugarkube/cluster';
import { parseAllDocuments } from 'yaml';

/** CPU and memory requested by the pods of some workloads. */
export interface Requests {
  readonly cpuMillis: number;
  readonly memoryBytes: number;
  readonly pods: number;
}

type ResourceRequests = { cpu?: string; memory?: string };
type Obj = {
  apiVersion?: string;
  kind?: string;
  spec?: {
    replicas?: number;
    shards?: number;
    resources?: { requests?: ResourceRequests };
    template?: { spec?: { containers?: { args?: string[]; resources?: { requests?: ResourceRequests } }[] } };
  };
};

/** The prometheus-operator's flag for the config-reloader sidecar it adds to each pod it creates. */
const reloaderFlag = (args: readonly string[], name: 'cpu' | 'memory') =>
  args.find((a) => a.startsWith(`--config-reloader-${name}-request=`))?.split('=')[1];

/**
 * What rendered workloads request: each Deployment's and StatefulSet's containers × replicas
 * (1 when unset), each DaemonSet's × `nodes`, as the capacity summary counts (containers only: an
 * init container's request matters only when larger than the pod's containers together). The
 * prometheus-operator's Prometheus and Alertmanager resources count too (replicas × shards ×
 * their requests, plus the config-reloader sidecar the operator adds, from its flags): their
 * StatefulSets exist only at run time.
 */
export function workloadRequests(yaml: string, nodes: number): Requests {
  const objects = parseAllDocuments(yaml)
    .map((d) => d.toJS() as Obj | null)
    .filter((o): o is Obj => o !== null && typeof o === 'object');
  const operatorArgs = objects
    .filter((o) => o.kind === 'Deployment')
    .flatMap((o) => o.spec?.template?.spec?.containers ?? [])
    .flatMap((c) => c.args ?? []);
  const reloader = { cpu: reloaderFlag(operatorArgs, 'cpu'), memory: reloaderFlag(operatorArgs, 'memory') };
  let cpuMillis = 0;
  let memoryBytes = 0;
  let pods = 0;
  const count = (n: number, requests: readonly (ResourceRequests | undefined)[]) => {
    pods += n;
    for (const r of requests) {
      cpuMillis += (r?.cpu ? parseCpu(r.cpu) : 0) * n;
      memoryBytes += (r?.memory ? parseMemory(r.memory) : 0) * n;
    }
  };
  for (const o of objects) {
    if (['Deployment', 'StatefulSet', 'DaemonSet'].includes(o.kind ?? '')) {
      const n = o.kind === 'DaemonSet' ? nodes : (o.spec?.replicas ?? 1);
      count(
        n,
        (o.spec?.template?.spec?.containers ?? []).map((c) => c.resources?.requests),
      );
    } else if (
      o.apiVersion?.startsWith('monitoring.coreos.com/') &&
      (o.kind === 'Prometheus' || o.kind === 'Alertmanager')
    ) {
      const n = (o.spec?.replicas ?? 1) * (o.kind === 'Prometheus' ? (o.spec?.shards ?? 1) : 1);
      count(n, [o.spec?.resources?.requests, reloader]);
    }
  }
  return { cpuMillis, memoryBytes, pods };
}

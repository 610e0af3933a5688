import { parse } from 'yaml';
import { planApp } from '@sugarkube/manifests';
import { checkArguments, type GeneratedFile } from '@sugarkube/core';
import { z } from 'zod';
import { generatedFilesArgument, resolvedClusterArgument } from '../definition/arguments.js';
import type { InfraComponent } from '../components/infra-component.js';
import { infraComponents } from '../components/infra-components.js';
import { formatCpu, formatMemory, parseCpu, parseMemory } from '../definition/quantities.js';
import type { ResolvedCluster } from '../definition/resolve-cluster.js';
import { environmentOf, get, readTreeDocuments } from '../render/tree-documents.js';

/** CPU and memory requests of one component (all its pods). */
export interface RequestLine {
  readonly name: string;
  readonly cpuMillis: number;
  readonly memoryBytes: number;
}

export interface EnvironmentSummary {
  readonly name: string;
  /** Objects per kind, as Kubernetes will hold them (app overlays as built, not their patch files). */
  readonly objectsByKind: Readonly<Record<string, number>>;
  readonly infra: readonly RequestLine[];
  readonly apps: readonly RequestLine[];
  readonly capacity: {
    readonly cpuMillis: number;
    readonly memoryBytes: number;
    readonly nodes: number;
    readonly description: string;
  };
}

export interface ClusterSummary {
  readonly environments: readonly EnvironmentSummary[];
}

const sum = (lines: readonly RequestLine[], key: 'cpuMillis' | 'memoryBytes') =>
  lines.reduce((total, line) => total + line[key], 0);

function at(values: unknown, dotted: string | undefined): unknown {
  return dotted === undefined ? undefined : get(values, ...dotted.split('.'));
}

/** Requests of a component's workloads, read from the values synth wrote (so the figure follows the values). */
function chartRequests(
  component: InfraComponent,
  values: unknown,
  nodes: number,
  nodeCpuMillis: number,
): RequestLine[] {
  return (component.chart.workloads ?? []).map((w) => {
    const replicasValue = at(values, w.replicasPath);
    const pods = w.replicas === 'per-node' ? nodes : typeof replicasValue === 'number' ? replicasValue : w.replicas;
    const requests = (at(values, w.requestsPath) ?? w.fixed ?? {}) as { cpu?: string; memory?: string };
    const times = pods * (w.times ?? 1);
    const cpu =
      w.nodeCpuShare !== undefined
        ? Math.round(w.nodeCpuShare * nodeCpuMillis)
        : requests.cpu
          ? parseCpu(requests.cpu)
          : 0;
    return {
      name: `${component.id}/${w.name}`,
      cpuMillis: cpu * times,
      memoryBytes: requests.memory && requests.memory !== '0' ? parseMemory(requests.memory) * times : 0,
    };
  });
}

/** Requests of a pod template's containers × replicas (DaemonSets: × nodes). */
function workloadRequests(value: Record<string, unknown>, nodes: number): RequestLine {
  const pods = value.kind === 'DaemonSet' ? nodes : ((get(value, 'spec', 'replicas') as number | undefined) ?? 1);
  const containers = (get(value, 'spec', 'template', 'spec', 'containers') as unknown[] | undefined) ?? [];
  let cpu = 0;
  let memory = 0;
  for (const container of containers) {
    const requests = get(container, 'resources', 'requests') as { cpu?: string; memory?: string } | undefined;
    cpu += requests?.cpu ? parseCpu(requests.cpu) : 0;
    memory += requests?.memory ? parseMemory(requests.memory) : 0;
  }
  const namespace = get(value, 'metadata', 'namespace') as string | undefined;
  return {
    name: `${namespace ? `${namespace}/` : ''}${String(get(value, 'metadata', 'name'))}`,
    cpuMillis: cpu * pods,
    memoryBytes: memory * pods,
  };
}

const workloadKinds = new Set(['Deployment', 'StatefulSet', 'DaemonSet']);
/** The kinds that install a component (see `releaseObjects` and the FluxInstance). */
const installKinds = new Set(['HelmRelease', 'HelmChartConfig', 'FluxInstance']);

/** The component an install object belongs to: named after the component, in its namespace. */
function componentOf(value: Record<string, unknown>): InfraComponent | undefined {
  const name = get(value, 'metadata', 'name');
  const namespace = get(value, 'metadata', 'namespace');
  return infraComponents.find((c) => c.id === name && c.namespace.name === namespace);
}

/** The chart values an install object carries (a FluxInstance has none: Flux's requests are fixed). */
function valuesOf(value: Record<string, unknown>): unknown {
  if (value.kind === 'HelmChartConfig') return parse(String(get(value, 'spec', 'valuesContent') ?? '{}'));
  return get(value, 'spec', 'values') ?? {};
}

/**
 * Objects per kind and CPU / memory requests per environment, split into
 * infrastructure and apps, against the nodes' capacity. Infrastructure components
 * count the requests their values set (each names its workloads); apps taken from their
 * repos count what their overlays build (planned from the descriptor the cluster has).
 */
export function summarizeClusterTree(cluster: ResolvedCluster, files: readonly GeneratedFile[]): ClusterSummary {
  checkArguments('summarizeClusterTree arguments', [
    [['cluster'], resolvedClusterArgument, cluster],
    [['files'], generatedFilesArgument, files],
  ]);
  const { documents } = readTreeDocuments(files);
  return {
    environments: cluster.environments.map((env) => {
      const nodes = env.nodes.count;
      const nodeCpu = env.nodes.cpuMillis / nodes;
      const counts: Record<string, number> = {};
      const infra: RequestLine[] = [];
      const apps: RequestLine[] = [];
      const count = (kind: string) => (counts[kind] = (counts[kind] ?? 0) + 1);
      for (const { file, value } of documents) {
        if (environmentOf(file) !== env.name || value.apiVersion === 'kustomize.config.k8s.io/v1beta1') continue;
        const appDir = file.startsWith('apps/') ? file.split('/')[2]! : undefined;
        const kind = String(value.kind);
        count(kind);
        const target = appDir !== undefined ? apps : infra;
        if (workloadKinds.has(kind)) target.push(workloadRequests(value, nodes));
        // The objects that install a component carry its name and namespace, and its values.
        const component = appDir === undefined && installKinds.has(kind) ? componentOf(value) : undefined;
        if (component) infra.push(...chartRequests(component, valuesOf(value), nodes, nodeCpu));
        if (kind === 'HelmRelease' && appDir !== undefined) {
          const values = get(value, 'spec', 'values');
          const requests = (get(values, 'resources', 'requests') ?? {}) as { cpu?: string; memory?: string };
          const replicas = (get(values, 'replicaCount') as number | undefined) ?? 1;
          apps.push({
            name: `${appDir} (chart)`,
            cpuMillis: requests.cpu ? parseCpu(requests.cpu) * replicas : 0,
            memoryBytes: requests.memory ? parseMemory(requests.memory) * replicas : 0,
          });
        }
      }
      // Apps taken from their repos: what their overlay builds, planned from the same descriptor.
      for (const entry of cluster.apps) {
        if (entry.helm || !entry.environments.includes(env.name)) continue;
        for (const object of planApp(entry.app, env.name)) {
          count(object.kind);
          if (workloadKinds.has(object.kind))
            apps.push(workloadRequests(object as unknown as Record<string, unknown>, nodes));
        }
      }
      const objectsByKind = Object.fromEntries(Object.entries(counts).sort(([a], [b]) => (a < b ? -1 : 1)));
      return {
        name: env.name,
        objectsByKind,
        infra,
        apps,
        capacity: {
          cpuMillis: env.nodes.cpuMillis,
          memoryBytes: env.nodes.memoryBytes,
          nodes,
          description: `${nodes} × ${env.nodes.model} (${env.nodes.cpu} CPU, ${env.nodes.memory} each)`,
        },
      };
    }),
  };
}

const count = z.number({ error: 'a number' }).nonnegative({ error: 'a number of at least 0' });
const requestLine = z.looseObject({ name: z.string({ error: 'a name' }), cpuMillis: count, memoryBytes: count });
/** What `formatClusterSummary` reads of a summary. */
const summarySchema = z.looseObject({
  environments: z.array(
    z.looseObject({
      name: z.string({ error: 'an environment name' }),
      objectsByKind: z.record(z.string(), count),
      infra: z.array(requestLine),
      apps: z.array(requestLine),
      capacity: z.looseObject({ cpuMillis: count, memoryBytes: count, nodes: count, description: z.string() }),
    }),
    { error: 'a list of environment summaries' },
  ),
});

const percent = (part: number, whole: number) => `${((100 * part) / whole).toFixed(1)} %`;

/** The summary as printed by `sugarkube synth`. `infraMemoryGoalBytes` marks the line over budget. */
export function formatClusterSummary(summary: ClusterSummary, infraMemoryGoalBytes = 2 * 1024 ** 3): string {
  checkArguments('formatClusterSummary arguments', [
    [['summary'], summarySchema, summary],
    [
      ['infraMemoryGoalBytes'],
      z.number({ error: 'a size in bytes' }).positive({ error: 'a positive size in bytes' }),
      infraMemoryGoalBytes,
    ],
  ]);
  const lines: string[] = [];
  for (const env of summary.environments) {
    const total = Object.values(env.objectsByKind).reduce((a, b) => a + b, 0);
    lines.push(`${env.name}: ${total} objects on ${env.capacity.description}`);
    lines.push(
      `  objects: ${Object.entries(env.objectsByKind)
        .map(([kind, n]) => `${kind} ${n}`)
        .join(', ')}`,
    );
    const infraCpu = sum(env.infra, 'cpuMillis');
    const infraMemory = sum(env.infra, 'memoryBytes');
    const appCpu = sum(env.apps, 'cpuMillis');
    const appMemory = sum(env.apps, 'memoryBytes');
    const goal =
      infraMemory <= infraMemoryGoalBytes
        ? `within the ${formatMemory(infraMemoryGoalBytes)} goal`
        : `OVER the ${formatMemory(infraMemoryGoalBytes)} goal`;
    lines.push(`  infrastructure requests: CPU ${formatCpu(infraCpu)}, memory ${formatMemory(infraMemory)} (${goal})`);
    lines.push(`  app requests:            CPU ${formatCpu(appCpu)}, memory ${formatMemory(appMemory)}`);
    lines.push(
      `  total vs capacity:       CPU ${formatCpu(infraCpu + appCpu)} of ${formatCpu(env.capacity.cpuMillis)} (${percent(infraCpu + appCpu, env.capacity.cpuMillis)}), ` +
        `memory ${formatMemory(infraMemory + appMemory)} of ${formatMemory(env.capacity.memoryBytes)} (${percent(infraMemory + appMemory, env.capacity.memoryBytes)})`,
    );
  }
  return `${lines.join('\n')}\n`;
}

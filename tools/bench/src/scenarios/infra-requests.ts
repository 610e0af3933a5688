import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  formatCpu,
  formatMemory,
  infraComponents,
  isClusterModule,
  parseClusterDefinition,
  summarizeClusterTree,
  synthesizeClusterTree,
} from '@sugarkube/cluster';
import { cacheEntry, toolPath } from '@sugarkube/verify';
import { parseAllDocuments } from 'yaml';
import type { BenchContext } from '../context.js';
import { readLiveRequests } from '../io/live-requests.js';
import { freshDir } from '../io/scratch.js';
import { timedRun } from '../io/timed-run.js';
import type { Block } from '../scenario.js';
import { scenarioTitles, type GoalCheck, type ScenarioResult } from '../scenario.js';
import { workloadRequests, type Requests } from '../yaml/workload-requests.js';

const goalBytes = 2 * 1024 ** 3;

interface Release {
  readonly env: string;
  readonly chart: string;
  readonly version: string;
  readonly releaseName: string;
  readonly namespace: string;
  readonly values: unknown;
}

/** Where a chart at a version is available here: the pinned chart sources, or the packaged shared charts. */
function chartSource(chart: string, version: string, sharedCharts: string | undefined): string | undefined {
  try {
    const dir = join(cacheEntry('helm-charts'), chart);
    const yaml = existsSync(join(dir, 'Chart.yaml')) ? readFileSync(join(dir, 'Chart.yaml'), 'utf8') : '';
    if (/^version: *"?([^"\s]+)/m.exec(yaml)?.[1] === version) return dir;
  } catch {
    // no pinned chart sources installed: the shared charts may still have it
  }
  const tgz = sharedCharts ? join(sharedCharts, `${chart}-${version}.tgz`) : undefined;
  return tgz && existsSync(tgz) ? tgz : undefined;
}

/** The environment of a tree path: `clusters/<env>/…` or `infrastructure/<layer>/<env>/…`. */
const envOf = (path: string) => (path.startsWith('clusters/') ? path.split('/')[1] : path.split('/')[2]);

/**
 * (f) Infrastructure CPU and memory requests per cluster of the embedded definition, from the
 * charts rendered by `helm template` with the values synth wrote, where the chart is available
 * here; the rest (Flux, Traefik's k3s chart, operator-created pods) from synth's own summary, which
 * reads the same values. Against 2 GiB and the 3 × Pi 5 capacity; live scheduler figures when given.
 */
export async function infraRequests(ctx: BenchContext): Promise<ScenarioResult> {
  const loaded = (await import(pathToFileURL(join(ctx.repoRoot, 'apps/cluster/dist/index.js')).href)) as {
    default: unknown;
  };
  if (!isClusterModule(loaded.default))
    throw new Error('apps/cluster/dist/index.js: expected a cluster module as its default export');
  const module = loaded.default;
  const moduleUrl = pathToFileURL(join(ctx.repoRoot, 'apps/cluster/dist/index.js'));
  const pinsPath = module.pinsFile instanceof URL ? module.pinsFile : new URL(module.pinsFile, moduleUrl);
  const pins = existsSync(pinsPath) ? (JSON.parse(readFileSync(pinsPath, 'utf8')) as unknown) : {};
  const parsed = parseClusterDefinition(module.definition, pins as never);
  if (!parsed.value) throw new Error(`embedded cluster invalid:\n${parsed.errors.map((e) => e.message).join('\n')}`);
  const files = synthesizeClusterTree(parsed.value);
  const summary = summarizeClusterTree(parsed.value, files);
  const releases: Release[] = [];
  for (const file of files.filter((f) => f.path.startsWith('infrastructure/') || f.path.startsWith('clusters/'))) {
    for (const doc of parseAllDocuments(file.content)) {
      const o = doc.toJS() as {
        kind?: string;
        metadata?: { name: string; namespace: string };
        spec?: Record<string, unknown>;
      } | null;
      if (o?.kind !== 'HelmRelease' || !o.metadata || !o.spec) continue;
      const chart = (o.spec.chart as { spec?: { chart: string; version: string } } | undefined)?.spec;
      if (!chart) continue;
      releases.push({
        env: envOf(file.path)!,
        chart: chart.chart,
        version: chart.version,
        releaseName: (o.spec.releaseName as string | undefined) ?? o.metadata.name,
        namespace: (o.spec.targetNamespace as string | undefined) ?? o.metadata.namespace,
        values: o.spec.values ?? {},
      });
    }
  }
  const live = ctx.liveRequestsFile ? readLiveRequests(ctx.liveRequestsFile) : undefined;
  const helm = toolPath('helm');
  const blocks: Block[] = [];
  const goals: GoalCheck[] = [];
  for (const env of summary.environments) {
    const nodes = env.capacity.nodes;
    const rows: string[][] = [];
    let cpu = 0;
    let memory = 0;
    const add = (
      name: string,
      source: string,
      r: Pick<Requests, 'cpuMillis' | 'memoryBytes'>,
      summaryFigure: string,
    ) => {
      cpu += r.cpuMillis;
      memory += r.memoryBytes;
      rows.push([name, source, formatCpu(r.cpuMillis), formatMemory(r.memoryBytes), summaryFigure]);
    };
    const summaryOf = (component: string) => {
      const lines = env.infra.filter((l) => l.name.startsWith(`${component}/`));
      return {
        lines,
        cpuMillis: lines.reduce((n, l) => n + l.cpuMillis, 0),
        memoryBytes: lines.reduce((n, l) => n + l.memoryBytes, 0),
      };
    };
    const rendered = new Set<string>();
    for (const r of releases.filter((x) => x.env === env.name)) {
      const source = chartSource(r.chart, r.version, ctx.sharedCharts);
      if (!source) continue;
      const dir = freshDir(ctx.workDir, `f-${env.name}-${r.chart}`);
      writeFileSync(join(dir, 'values.json'), JSON.stringify(r.values));
      const out = await timedRun(
        helm,
        [
          'template',
          r.releaseName,
          source,
          '--namespace',
          r.namespace,
          '--values',
          join(dir, 'values.json'),
          '--kube-version',
          'v1.33.0',
        ],
        {
          env: {
            ...process.env,
            HELM_CACHE_HOME: join(dir, 'cache'),
            HELM_CONFIG_HOME: join(dir, 'config'),
            HELM_DATA_HOME: join(dir, 'data'),
          },
        },
      );
      const requests = workloadRequests(out.stdout, nodes);
      const s = summaryOf(r.chart);
      // Pods an operator creates at run time (Longhorn's instance managers) are in no chart: synth counts them from its settings.
      const component = infraComponents.find((c) => c.id === r.chart);
      const runtime = (component?.chart.workloads ?? [])
        .filter((w) => w.nodeCpuShare !== undefined)
        .map((w) => `${r.chart}/${w.name}`);
      const runtimeLines = s.lines.filter((l) => runtime.includes(l.name));
      const chartSummary = {
        cpuMillis: s.cpuMillis - runtimeLines.reduce((n, l) => n + l.cpuMillis, 0),
        memoryBytes: s.memoryBytes - runtimeLines.reduce((n, l) => n + l.memoryBytes, 0),
      };
      add(
        r.chart,
        `\`helm template\` ${r.chart} ${r.version} (${requests.pods} pods)`,
        requests,
        `${formatCpu(chartSummary.cpuMillis)}, ${formatMemory(chartSummary.memoryBytes)}`,
      );
      for (const l of runtimeLines)
        add(
          l.name,
          "created at run time by the operator: synth's summary",
          l,
          `${formatCpu(l.cpuMillis)}, ${formatMemory(l.memoryBytes)}`,
        );
      rendered.add(r.chart);
    }
    const others = [...new Set(env.infra.map((l) => l.name.split('/')[0]!))].filter((c) => !rendered.has(c));
    for (const c of others) {
      const s = summaryOf(c);
      add(
        c,
        "synth's summary (chart not available here, or not a chart)",
        s,
        `${formatCpu(s.cpuMillis)}, ${formatMemory(s.memoryBytes)}`,
      );
    }
    const summaryTotal = {
      cpu: env.infra.reduce((n, l) => n + l.cpuMillis, 0),
      memory: env.infra.reduce((n, l) => n + l.memoryBytes, 0),
    };
    const apps = {
      cpu: env.apps.reduce((n, l) => n + l.cpuMillis, 0),
      memory: env.apps.reduce((n, l) => n + l.memoryBytes, 0),
    };
    rows.push([
      '**infrastructure**',
      '',
      `**${formatCpu(cpu)}**`,
      `**${formatMemory(memory)}**`,
      `${formatCpu(summaryTotal.cpu)}, ${formatMemory(summaryTotal.memory)}`,
    ]);
    const l = live?.[env.name];
    if (l)
      rows.push(['infrastructure, live', l.source, formatCpu(l.infraCpuMillis), formatMemory(l.infraMemoryBytes), '']);
    rows.push(['apps (their overlays)', "synth's summary", formatCpu(apps.cpu), formatMemory(apps.memory), '']);
    const pct = (a: number, b: number) => `${((100 * a) / b).toFixed(1)} %`;
    rows.push([
      'total of 3 × Pi 5',
      env.capacity.description,
      `${formatCpu(cpu + apps.cpu)} of ${formatCpu(env.capacity.cpuMillis)} (${pct(cpu + apps.cpu, env.capacity.cpuMillis)})`,
      `${formatMemory(memory + apps.memory)} of ${formatMemory(env.capacity.memoryBytes)} (${pct(memory + apps.memory, env.capacity.memoryBytes)})`,
      '',
    ]);
    blocks.push({ text: `**${env.name}**:` });
    blocks.push({
      table: {
        header: ['component', 'counted from', 'CPU requests', 'memory requests', "synth's summary"],
        rows,
        numeric: [2, 3],
      },
    });
    goals.push({
      goal: `${env.name}: infrastructure memory requests at most 2 GiB`,
      measured: formatMemory(memory),
      met: memory <= goalBytes,
    });
    if (l)
      goals.push({
        goal: `${env.name}: infrastructure memory requests at most 2 GiB (live scheduler)`,
        measured: formatMemory(l.infraMemoryBytes),
        met: l.infraMemoryBytes <= goalBytes,
      });
  }
  blocks.unshift({
    text:
      'The embedded clusters (`apps/cluster`), synthesized in process. Each infrastructure HelmRelease whose chart is available here at the pinned version ' +
      '(`$SUGARKUBE_CACHE/current/helm-charts`, or the packaged charts in the shared folder) is rendered by the pinned Helm with the values synth wrote, ' +
      "and its workloads counted: containers × replicas, DaemonSets × nodes, and the pods the prometheus-operator creates from the rendered Prometheus and Alertmanager (with the config-reloader sidecar its flags set). The rest comes from synth's summary, which reads the same values. " +
      'The last column is what the summary says for the same line. ' +
      (live
        ? `Live figures from ${ctx.liveRequestsFile}.`
        : 'Live scheduler figures: not given (`--live-requests FILE`, written by the live-cluster harness; see tools/bench/README.md).'),
  });
  return { id: 'f', title: scenarioTitles.f, command: ctx.reproduce('--only f'), blocks, goals };
}

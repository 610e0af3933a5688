import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** Every figure of a run, by assertion (what gitops-loop.test.ts collects). */
export type Figures = Record<string, unknown>;

type Ready = Record<
  string,
  {
    readySecondsAfterBootstrap: Record<string, number>;
    suspended: { object: string; reason: string }[];
    dependsOnEdgesInOrder: number;
  }
>;
type Capacity = Record<
  string,
  {
    pods: number;
    nodes: Record<string, { arch: string; pods: number; cpu: string; memory: string; memoryLimits: string }>;
  }
>;
type ImageLoop = { app: string; from: string; to: string; afterPushSeconds: Record<string, number>; prod: string };

const row = (cells: readonly unknown[]) => `| ${cells.map((c) => String(c).replace(/\|/g, '\\|')).join(' | ')} |`;
const table = (head: readonly string[], rows: readonly (readonly unknown[])[]) =>
  [row(head), row(head.map(() => '---')), ...rows.map(row)].join('\n');

/**
 * The run's figures as markdown: Ready times per environment, requests against allocatable per
 * node, the image bump's timeline; every other figure as JSON under its name. Pure.
 */
export function renderReport(figures: Figures, finishedAt: string): string {
  const out = [`# The GitOps loop, live (tools/live gitops-loop.test.ts)`, '', `Run finished ${finishedAt}.`, ''];
  const ready = figures.ready as Ready | undefined;
  if (ready) {
    out.push('## Ready, in dependency order (seconds after the bootstrap was applied)', '');
    for (const [env, r] of Object.entries(ready)) {
      out.push(
        `### ${env}`,
        '',
        table(['object', 'Ready after (s)'], Object.entries(r.readySecondsAfterBootstrap)),
        '',
      );
      out.push(`${r.dependsOnEdgesInOrder} \`dependsOn\` edges, every one Ready in order.`, '');
      for (const s of r.suspended) out.push(`Suspended: ${s.object}: ${s.reason}`, '');
    }
  }
  const capacity = figures.capacity as Capacity | undefined;
  if (capacity) {
    out.push('## Requests against allocatable per node (placed by kube-scheduler)', '');
    for (const [env, c] of Object.entries(capacity))
      out.push(
        `### ${env} (${c.pods} pods)`,
        '',
        table(
          ['node', 'arch', 'pods', 'CPU requests', 'memory requests', 'memory limits'],
          Object.entries(c.nodes).map(([n, v]) => [n, v.arch, v.pods, v.cpu, v.memory, v.memoryLimits]),
        ),
        '',
      );
  }
  const loop = figures.imageLoop as ImageLoop | undefined;
  if (loop) {
    out.push(
      `## Image bump (${loop.app}: ${loop.from} → ${loop.to})`,
      '',
      table(['step (seconds after the push)', 's'], Object.entries(loop.afterPushSeconds)),
      '',
      `prod kept: \`${loop.prod}\``,
      '',
    );
  }
  const rest = Object.entries(figures).filter(([k]) => !['ready', 'capacity'].includes(k));
  out.push('## Every figure', '');
  for (const [k, v] of rest) out.push(`### ${k}`, '', '```json', JSON.stringify(v, null, 2), '```', '');
  return `${out.join('\n').trimEnd()}\n`;
}

/** Writes `live-report.json` and `live-report.md` into `dir`; returns their paths. */
export function writeReport(dir: string, figures: Figures): string[] {
  mkdirSync(dir, { recursive: true });
  const json = join(dir, 'live-report.json');
  const md = join(dir, 'live-report.md');
  writeFileSync(json, `${JSON.stringify(figures, null, 2)}\n`);
  writeFileSync(md, renderReport(figures, new Date().toISOString()));
  return [json, md];
}

import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { toolPath } from '@sugarkube/verify';
import type { BenchContext } from '../context.js';
import { appName } from '../fixtures/generated-apps.js';
import { appTemplateValues } from '../fixtures/app-template-values.js';
import { interleave, type Sample, type Variant } from '../io/interleave.js';
import { readYamlTree } from '../io/read-yaml-tree.js';
import { freshDir } from '../io/scratch.js';
import { timedRun } from '../io/timed-run.js';
import { workerPath } from '../paths.js';
import { mib, millis, num, seconds, spread, times } from '../report/format.js';
import type { Block } from '../scenario.js';
import { scenarioTitles, type GoalCheck, type ScenarioResult } from '../scenario.js';
import { summarize } from '../stats/summarize.js';
import { countObjects, describeKinds, type ObjectCount } from '../yaml/count-objects.js';

/** 18 apps ≈ the 180 objects of the cdk8s figure; then 100 and 1,000. */
export const equalOutputSizes = { full: [18, 100, 1000], smoke: [2] } as const;
/** Above this, one `helm template` process per app takes minutes per sample: left out. */
const perReleaseLimit = 100;
/**
 * app-template renders every object of a release by walking all of its values: one release of
 * 18 apps took 110 s here, so it is measured at the smallest size only (the per-app releases,
 * which is how Flux's helm-controller renders them, go up to `perReleaseLimit`).
 */
const oneReleaseLimit = 18;
/**
 * One `kubectl kustomize` over every app's overlay grows quadratically (100 apps 1.6 s of CPU,
 * 300 apps 17 s here): measured up to this size. Flux builds each app's Kustomization on its own.
 */
const kustomizeLimit = 100;
export const appTemplateChart = 'app-template-4.1.1.tgz';

interface Tool extends Variant {
  /** Counts the objects of the last sample's output. */
  readonly count: () => ObjectCount;
}

/** A worker that writes into a fresh directory each run; its JSON line's times are the in-process work. */
function workerTool(ctx: BenchContext, name: string, worker: string, n: number, extra: string[], key: string): Tool {
  let out = '';
  return {
    name,
    before: () => void (out = freshDir(ctx.workDir, `c-${key}-${n}`)),
    measure: async (): Promise<Sample> => {
      const r = await timedRun('node', [workerPath(worker), String(n), out, ...extra]);
      const figures = JSON.parse(r.stdout) as Record<string, number>;
      const inProcessMs = Object.entries(figures)
        .filter(([k]) => k.endsWith('Ms'))
        .reduce((s, [, v]) => s + v, 0);
      return { wallMs: r.wallMs, maxRssMiB: r.maxRssMiB, figures: { inProcessMs } };
    },
    count: () => countObjects(readYamlTree(out)),
  };
}

/** A command whose YAML goes to stdout; the last run's output is counted. */
function stdoutTool(name: string, run: () => Promise<{ wallMs: number; maxRssMiB: number; stdout: string }>): Tool {
  let last = '';
  return {
    name,
    measure: async () => {
      const r = await run();
      last = r.stdout;
      return { wallMs: r.wallMs, maxRssMiB: r.maxRssMiB };
    },
    count: () => countObjects([{ name, content: last }]),
  };
}

/**
 * (c) The same objects for the same generated apps from each tool, each in a cold process,
 * interleaved: Sugarkube's library (validate, plan, render, write), cdk8s + cdk8s-plus, `helm
 * template` of bjw-s app-template, and `kubectl kustomize` over the app trees Sugarkube renders.
 * Objects are counted from each output with one counter.
 */
export async function equalOutput(ctx: BenchContext): Promise<ScenarioResult> {
  const sizes = ctx.smoke ? equalOutputSizes.smoke : equalOutputSizes.full;
  const helm = toolPath('helm');
  const chart = ctx.sharedCharts ? join(ctx.sharedCharts, appTemplateChart) : undefined;
  const haveChart = chart !== undefined && existsSync(chart);
  const helmArgs = (release: string, values: string) => [
    'template',
    release,
    chart!,
    '-f',
    values,
    '--skip-schema-validation',
    '--kube-version',
    '1.33.0',
  ];
  const blocks: Block[] = [
    {
      text:
        'Each generated app (`tools/bench/src/fixtures/generated-apps.ts`) in prod is 10 objects: Namespace, Deployment, Service, HTTPRoute, Certificate, ReferenceGrant and 4 NetworkPolicies. ' +
        '**Sugarkube, one file per app**: `defineApp` (validation) → `planApp(app, "prod")` → `renderYaml`, written one file per app (`tools/bench/src/workers/sugarkube-render.ts`). ' +
        '**Sugarkube, app trees**: `renderAppTree` (base + prod overlay, what `npx projen` writes in an app repo). ' +
        `**kubectl kustomize**: builds those trees (a kustomization.yaml listing every overlay), as Flux's kustomize-controller builds each overlay; up to ${kustomizeLimit} apps (one build over every overlay grows quadratically: 17 s of CPU at 300 apps here). ` +
        '**cdk8s + cdk8s-plus**: `tools/bench/src/workers/cdk8s-app.ts`, one chart per app, `app.synth()`. ' +
        `**helm template**: bjw-s app-template 4.1.1 with equivalent values (\`tools/bench/src/fixtures/app-template-values.ts\`; Namespace, Certificate and ReferenceGrant through its rawResources), one release per app (one process each, as Flux's helm-controller renders each HelmRelease; up to ${perReleaseLimit} apps), and all apps in one release (only up to ${oneReleaseLimit} apps: the chart walks every value for every object, so one release grows much faster than linearly). ` +
        'Every row is whole cold processes, interleaved; "in process" is the work after imports, where the tool reports it. The ratio is each cold median over Sugarkube\'s (one file per app).' +
        (haveChart
          ? ''
          : ` **helm rows skipped**: ${appTemplateChart} not found (set SUGARKUBE_SHARED_CHARTS to the folder holding it).`),
    },
  ];
  const goals: GoalCheck[] = [];
  for (const n of sizes) {
    const ours = workerTool(ctx, 'Sugarkube, one file per app', 'sugarkube-render', n, [], 'sugarkube');
    const trees = workerTool(ctx, 'Sugarkube, app trees (base + overlay)', 'sugarkube-render', n, ['--trees'], 'trees');
    const cdk8s = workerTool(ctx, 'cdk8s + cdk8s-plus', 'cdk8s-app', n, [], 'cdk8s');
    const tools: Tool[] = [ours, trees, cdk8s];
    if (n <= kustomizeLimit) {
      // kustomize's input: the trees rendered once, and a kustomization.yaml over every prod overlay.
      const treeDir = freshDir(ctx.workDir, `c-kustomize-${n}`);
      await timedRun('node', [workerPath('sugarkube-render'), String(n), treeDir, '--trees']);
      writeFileSync(
        join(treeDir, 'kustomization.yaml'),
        `apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\nresources:\n${Array.from({ length: n }, (_, i) => `  - ${appName(i)}/overlays/prod\n`).join('')}`,
      );
      const kustomize = stdoutTool('kubectl kustomize (over the app trees)', () =>
        timedRun('kubectl', ['kustomize', treeDir]),
      );
      tools.splice(2, 0, kustomize);
    }
    if (haveChart) {
      const valuesDir = freshDir(ctx.workDir, `c-helm-${n}`);
      const all = join(valuesDir, 'all.json');
      writeFileSync(all, JSON.stringify(appTemplateValues(Array.from({ length: n }, (_, i) => i))));
      if (n <= oneReleaseLimit)
        tools.push(stdoutTool('helm template, one release', () => timedRun(helm, helmArgs('bench', all))));
      if (n <= perReleaseLimit) {
        for (let i = 0; i < n; i++) writeFileSync(join(valuesDir, `${i}.json`), JSON.stringify(appTemplateValues([i])));
        tools.push(
          stdoutTool(`helm template, one release per app (${n} processes)`, async () => {
            let wallMs = 0;
            let maxRssMiB = 0;
            let stdout = '';
            for (let i = 0; i < n; i++) {
              const r = await timedRun(helm, helmArgs(appName(i), join(valuesDir, `${i}.json`)));
              wallMs += r.wallMs;
              maxRssMiB = Math.max(maxRssMiB, r.maxRssMiB);
              stdout += `---\n${r.stdout}\n`;
            }
            return { wallMs, maxRssMiB, stdout };
          }),
        );
      }
    }
    ctx.log(`c: ${n} apps, ${tools.length} tools × ${ctx.runs} runs, interleaved`);
    const samples = await interleave(tools, ctx.runs, ctx.log);
    const wall = (t: Tool) => summarize(samples.get(t.name)!.map((s) => s.wallMs));
    const base = wall(ours);
    const rows = tools.map((t) => {
      const count = t.count();
      const inProcess = samples
        .get(t.name)!
        .map((s) => s.figures?.inProcessMs)
        .filter((v): v is number => v !== undefined);
      return [
        t.name,
        spread(wall(t), seconds),
        inProcess.length > 0 ? millis(summarize(inProcess).median) : '—',
        num(count.total),
        describeKinds(count),
        times(wall(t).median / base.median),
        mib(summarize(samples.get(t.name)!.map((s) => s.maxRssMiB ?? 0)).median),
      ];
    });
    blocks.push({ text: `**${num(n)} apps** (${num(n * 10)} objects expected):` });
    blocks.push({
      table: {
        header: ['tool', 'cold, median (min–max)', 'in process', 'objects', 'by kind', 'vs Sugarkube', 'peak RSS'],
        rows,
        numeric: [1, 2, 3, 5, 6],
      },
    });
    if (!ctx.smoke) {
      const cdk = wall(cdk8s).median / base.median;
      goals.push({
        goal: `at least 5× faster than cdk8s on equal output (${num(n)} apps)`,
        measured: times(cdk),
        met: cdk >= 5,
      });
      for (const release of tools.filter((t) => t.name.startsWith('helm template'))) {
        const h = wall(release).median / base.median;
        goals.push({ goal: `faster than ${release.name} (${num(n)} apps)`, measured: times(h), met: h > 1 });
      }
    }
  }
  return { id: 'c', title: scenarioTitles.c, command: ctx.reproduce('--only c'), blocks, goals };
}

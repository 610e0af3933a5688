import { join } from 'node:path';
import type { BenchContext } from '../context.js';
import { writeClusterModule } from '../io/cluster-module-file.js';
import { interleave, type Variant } from '../io/interleave.js';
import { freshDir } from '../io/scratch.js';
import { timedRun } from '../io/timed-run.js';
import { cliBin, workerPath } from '../paths.js';
import { mib, millis, num, seconds, spread, times } from '../report/format.js';
import { scenarioTitles, type GoalCheck, type ScenarioResult } from '../scenario.js';
import { fitLine } from '../stats/fit-line.js';
import { summarize, type Summary } from '../stats/summarize.js';

/** The sizes; the smoke test's. */
export const scaleSizes = { full: [10, 100, 1000, 10000], smoke: [2, 4] } as const;

/** Time per added app between two sizes, from the in-process medians. */
function marginal(rows: readonly { n: number; pipeline: Summary }[], from: number, to: number): number {
  const at = (n: number) => rows.find((r) => r.n === n)!.pipeline.median;
  return (at(to) - at(from)) / (to - from);
}

/**
 * (b) The synth pipeline for 10 … 10,000 generated apps: in process (a child per run that imports
 * the libraries, then times validate → synthesize → check → atomic write; peak RSS of that process)
 * and through the CLI (`sugarkube synth --cluster <generated module>`, whole process). Linear fits
 * over the medians give the time and memory per app.
 */
export async function scale(ctx: BenchContext): Promise<ScenarioResult> {
  const sizes = ctx.smoke ? scaleSizes.smoke : scaleSizes.full;
  const variants: Variant[] = [];
  for (const n of sizes) {
    const moduleDir = freshDir(ctx.workDir, `b-module-${n}`);
    const module = writeClusterModule(moduleDir, n);
    let inProcessOut = '';
    let cliOut = '';
    variants.push(
      {
        name: `in process ${n}`,
        before: () => void (inProcessOut = freshDir(ctx.workDir, `b-in-process-${n}`)),
        measure: async () => {
          const r = await timedRun('node', [workerPath('scale-in-process'), String(n), inProcessOut]);
          const figures = JSON.parse(r.stdout) as Record<string, number>;
          return { wallMs: r.wallMs, maxRssMiB: r.maxRssMiB, figures };
        },
      },
      {
        name: `cli ${n}`,
        before: () => void (cliOut = freshDir(ctx.workDir, `b-cli-${n}`)),
        measure: async () => {
          const r = await timedRun(
            'node',
            [join(ctx.repoRoot, cliBin), 'synth', '--cluster', module, '--out', cliOut],
            { cwd: moduleDir },
          );
          const files = Number(/synthesized (\d+) files/.exec(r.stdout)?.[1]);
          return { wallMs: r.wallMs, maxRssMiB: r.maxRssMiB, figures: { files } };
        },
      },
    );
  }
  ctx.log(`b: ${variants.length} variants × ${ctx.runs} runs, interleaved`);
  const samples = await interleave(variants, ctx.runs, ctx.log);
  const of = (
    name: string,
    pick: (s: { wallMs: number; maxRssMiB?: number; figures?: Readonly<Record<string, number>> }) => number,
  ): Summary => summarize(samples.get(name)!.map(pick));

  const rows = sizes.map((n) => {
    const pipeline = of(`in process ${n}`, (s) => s.figures!.pipelineMs!);
    const phases = ['validateDefinitionMs', 'synthesizeMs', 'checkTreeMs', 'writeMs'].map(
      (k) => of(`in process ${n}`, (s) => s.figures![k]!).median,
    );
    const rss = of(`in process ${n}`, (s) => s.figures!.maxRssMiB!);
    const cli = of(`cli ${n}`, (s) => s.wallMs);
    const cliRss = of(`cli ${n}`, (s) => s.maxRssMiB!);
    return {
      n,
      pipeline,
      rss,
      cli,
      cliRss,
      cells: [
        num(n),
        String(samples.get(`in process ${n}`)![0]!.figures!.files),
        spread(pipeline, seconds),
        phases.map((p) => millis(p)).join(' / '),
        millis(pipeline.median / n),
        mib(rss.median),
        spread(cli, seconds),
        mib(cliRss.median),
      ],
    };
  });
  const fit = (pick: (r: (typeof rows)[number]) => number) => fitLine(rows.map((r) => [r.n, pick(r)] as const));
  const timeFit = fit((r) => r.pipeline.median);
  const memFit = fit((r) => r.rss.median);
  const cliFit = fit((r) => r.cli.median);
  const cliMemFit = fit((r) => r.cliRss.median);
  const largest = rows[rows.length - 1]!;
  const goals: GoalCheck[] = ctx.smoke
    ? []
    : [
        {
          goal: '10,000 apps written to disk in at most 10 s (through the CLI)',
          measured: seconds(largest.cli.median),
          met: largest.cli.median <= 10_000,
        },
        {
          goal: '10,000 apps in at most 1 GB peak memory (through the CLI)',
          measured: mib(largest.cliRss.median),
          met: largest.cliRss.median * 1024 ** 2 <= 1e9,
        },
        {
          // r² alone cannot tell: over sizes 10…10,000 even y = x² fits a line with r² 0.993.
          goal: 'linear: time per added app from 1,000 to 10,000 apps at most 1.5× that from 100 to 1,000 (in process)',
          measured: `${millis(marginal(rows, 1000, 10000))} vs ${millis(marginal(rows, 100, 1000))} per app (${times(marginal(rows, 1000, 10000) / marginal(rows, 100, 1000))})`,
          met: marginal(rows, 1000, 10000) <= 1.5 * marginal(rows, 100, 1000),
        },
      ];
  return {
    id: 'b',
    title: scenarioTitles.b,
    command: ctx.reproduce('--only b'),
    blocks: [
      {
        text:
          'Generated apps (`tools/bench/src/fixtures/generated-apps.ts`): one Node service and one route each, in staging and prod, pinned; a cluster of two environments. ' +
          '"In process": a child process imports the libraries, then times `parseClusterDefinition` → `synthesizeClusterTree` → `validateClusterTree` → `writeTree` (the CLI\'s atomic writer, fsync included) into an empty directory; peak RSS of that process. ' +
          '"CLI": `sugarkube synth --cluster cluster.mjs --out DIR` (a module that builds the same definition), whole process, into an empty directory. ' +
          "The cluster tree holds each app's GitRepository and Flux Kustomization per environment; the app's own manifests live in its repo.",
      },
      {
        table: {
          header: [
            'apps',
            'files',
            'in process (min–max)',
            'validate / synthesize / check / write',
            'per app',
            'peak RSS',
            'CLI, cold (min–max)',
            'CLI peak RSS',
          ],
          rows: rows.map((r) => r.cells),
          numeric: [0, 1, 2, 4, 5, 6, 7],
        },
      },
      {
        text:
          `Least-squares lines through the medians: in process ${millis(timeFit.slope)} per app + ${millis(timeFit.intercept)} (r² ${num(timeFit.r2, 4)}), ` +
          `${num(memFit.slope * 1024, 1)} KiB per app + ${mib(memFit.intercept)} (r² ${num(memFit.r2, 4)}); ` +
          `CLI ${millis(cliFit.slope)} per app + ${millis(cliFit.intercept)} (r² ${num(cliFit.r2, 4)}), ${num(cliMemFit.slope * 1024, 1)} KiB per app + ${mib(cliMemFit.intercept)} (r² ${num(cliMemFit.r2, 4)}).`,
      },
    ],
    goals,
  };
}

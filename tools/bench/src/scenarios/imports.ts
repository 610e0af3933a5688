import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BenchContext } from '../context.js';
import { entryExists } from '../io/entry-exists.js';
import { interleave, type Sample, type Variant } from '../io/interleave.js';
import { timedRun } from '../io/timed-run.js';
import { millis, spread, times } from '../report/format.js';
import type { Table } from '../report/markdown-table.js';
import { scenarioTitles, type GoalCheck, type ScenarioResult } from '../scenario.js';
import { summarize } from '../stats/summarize.js';
import { entryPoints } from './entry-points.js';

const hooks = fileURLToPath(new URL('../workers/load-hooks.js', import.meta.url));
const cliArgs = ['apps/cli/dist/bin.js', '--help'];

/** The in-process time of `await import(specifier)`, resolved from the tree's root (`-e` code resolves from cwd). */
const importCode = (specifier: string) =>
  `const t = performance.now(); await import(${JSON.stringify(specifier)}); ` +
  `process.stdout.write(JSON.stringify({ importMs: performance.now() - t }));`;

interface Loaded {
  readonly modules: number;
  readonly packages: readonly string[];
}

/** One untimed run with the load hooks: which modules and packages the target loads. */
async function detectLoaded(tree: string, args: readonly string[]): Promise<Loaded> {
  const run = await timedRun('node', ['--import', hooks, ...args], { cwd: tree });
  const line = run.stderr.split('\n').find((l) => l.startsWith('@@loaded '));
  if (!line) throw new Error(`no load report from node ${args.join(' ')} in ${tree}:\n${run.stderr.slice(-2000)}`);
  return JSON.parse(line.slice('@@loaded '.length)) as Loaded;
}

interface Tree {
  readonly label: string;
  readonly dir: string;
}

/**
 * Import time of each library entry point and the cold `sugarkube --help`, before (main at the
 * ref given by --before) and after (this tree), interleaved in one run; and, from one extra run
 * with load hooks, whether each loads projen (only the `/projen` entries may).
 */
export async function importTimes(ctx: BenchContext): Promise<ScenarioResult> {
  const trees: Tree[] = [
    ...(ctx.beforeTree ? [{ label: 'before', dir: ctx.beforeTree }] : []),
    { label: 'after', dir: ctx.repoRoot },
  ];
  const targets = [...entryPoints.map((e) => e.specifier), 'sugarkube --help'];
  const argsOf = (target: string) =>
    target === 'sugarkube --help' ? cliArgs : ['--input-type=module', '-e', importCode(target)];
  const exists = (tree: Tree, target: string) => target === 'sugarkube --help' || entryExists(tree.dir, target);

  const variants: Variant[] = [
    {
      name: 'node -e 0',
      measure: async () => {
        const r = await timedRun('node', ['-e', '0'], { cwd: ctx.repoRoot });
        return { wallMs: r.wallMs, maxRssMiB: r.maxRssMiB };
      },
    },
  ];
  for (const tree of trees) {
    for (const target of targets.filter((t) => exists(tree, t))) {
      variants.push({
        name: `${tree.label} ${target}`,
        measure: async (): Promise<Sample> => {
          const r = await timedRun('node', argsOf(target), { cwd: tree.dir });
          const importMs =
            target === 'sugarkube --help' ? r.wallMs : (JSON.parse(r.stdout) as { importMs: number }).importMs;
          return { wallMs: r.wallMs, maxRssMiB: r.maxRssMiB, figures: { importMs } };
        },
      });
    }
  }
  ctx.log(`imports: ${variants.length} variants × ${ctx.runs} runs, interleaved`);
  const samples = await interleave(variants, ctx.runs, ctx.log);
  const loaded = new Map<string, Loaded>();
  for (const tree of trees) {
    for (const target of targets.filter((t) => exists(tree, t))) {
      loaded.set(`${tree.label} ${target}`, await detectLoaded(tree.dir, argsOf(target)));
    }
  }

  const importOf = (key: string) => {
    const s = samples.get(key);
    return s ? summarize(s.map((x) => x.figures!.importMs!)) : undefined;
  };
  const wallOf = (key: string) => {
    const s = samples.get(key);
    return s ? summarize(s.map((x) => x.wallMs)) : undefined;
  };
  const projen = (key: string) => {
    const l = loaded.get(key);
    return l === undefined ? '—' : l.packages.includes('projen') ? 'yes' : 'no';
  };
  const rows: string[][] = [];
  const goals: GoalCheck[] = [];
  for (const target of targets) {
    const before = importOf(`before ${target}`);
    const after = importOf(`after ${target}`);
    const afterWall = wallOf(`after ${target}`);
    const allowed = entryPoints.find((e) => e.specifier === target)?.projenAllowed ?? false;
    const afterLoaded = loaded.get(`after ${target}`);
    rows.push([
      target === 'sugarkube --help' ? '`sugarkube --help` (whole process)' : `\`${target}\``,
      before ? spread(before, millis) : ctx.beforeTree ? 'no such entry point' : 'not measured',
      after ? spread(after, millis) : 'no such entry point',
      before && after ? times(after.median / before.median) : '—',
      afterWall ? millis(afterWall.median) : '—',
      `${projen(`before ${target}`)} → ${projen(`after ${target}`)}${allowed ? ' (allowed)' : ''}`,
      afterLoaded ? String(afterLoaded.modules) : '—',
      afterLoaded ? afterLoaded.packages.join(', ') || 'none' : '—',
    ]);
    if (!allowed && afterLoaded) {
      goals.push({
        goal: `${target} does not load projen`,
        measured: afterLoaded.packages.includes('projen') ? 'projen loaded' : 'projen not loaded',
        met: !afterLoaded.packages.includes('projen'),
      });
    }
  }
  const baseline = summarize(samples.get('node -e 0')!.map((s) => s.wallMs));
  const table: Table = {
    header: [
      'entry point',
      'before: import (min–max)',
      'after: import (min–max)',
      'after / before',
      'after: cold process',
      'projen loaded (before → after)',
      'modules loaded (after)',
      'npm packages loaded (after)',
    ],
    rows,
    numeric: [1, 2, 3, 4, 6],
  };
  const beforeNote = ctx.beforeTree
    ? `"Before" is the tree at \`${ctx.beforeLabel ?? 'the --before ref'}\`, built in ${ctx.beforeTree}; "after" is this tree. Both measured in the same run, interleaved.`
    : 'No "before" tree in this run (--no-before).';
  return {
    id: 'imports',
    title: scenarioTitles.imports,
    command: ctx.reproduce('--only imports'),
    blocks: [
      {
        text:
          `Import = \`await import(entry)\` timed inside a fresh \`node\` process whose working directory is the tree's root; ` +
          `cold process = that whole process (start-up, import, exit). \`sugarkube --help\` is \`node apps/cli/dist/bin.js --help\`, whole process. ` +
          `A bare \`node -e 0\` takes ${spread(baseline, millis)} on this machine in the same run. ` +
          `"Modules" and "packages" come from one extra run with a module.registerHooks load hook (${join('tools/bench/src/workers/load-hooks.ts')}), which sees ESM and CommonJS alike. ${beforeNote}`,
      },
      { table },
    ],
    goals,
  };
}

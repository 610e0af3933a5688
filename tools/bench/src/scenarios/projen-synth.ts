import { appendFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BenchContext } from '../context.js';
import { copyExample, generatedFiles, removeGenerated } from '../io/example-copy.js';
import { interleave, type Variant } from '../io/interleave.js';
import { timedRun } from '../io/timed-run.js';
import { mib, seconds, spread, times } from '../report/format.js';
import { scenarioTitles, type GoalCheck, type ScenarioResult } from '../scenario.js';
import { summarize } from '../stats/summarize.js';

/** The example measured: the static site, which generates the most files (nginx.conf too). */
export const projenExample = 'danielsmith';

/**
 * projen's default `.projenrc.ts` runner is ts-node with type-checking. The examples are ES
 * modules, and Node 24 strips types itself before ts-node sees an ES module, so the type-checked
 * equivalent is ts-node's ESM loader with Node's stripping off (checked below: a type error fails).
 */
const tsNodeStep =
  'TS_NODE_PROJECT=tsconfig.projen.json node --no-experimental-strip-types --loader ts-node/esm .projenrc.ts';

/** The tsconfig projen writes for its ts-node runner (TypeScriptProject defaults), in NodeNext for an ES module. */
const tsconfigProjen = {
  compilerOptions: {
    alwaysStrict: true,
    declaration: true,
    esModuleInterop: true,
    experimentalDecorators: true,
    inlineSourceMap: true,
    inlineSources: true,
    lib: ['es2022'],
    module: 'NodeNext',
    moduleResolution: 'NodeNext',
    noEmitOnError: false,
    noFallthroughCasesInSwitch: true,
    noImplicitAny: true,
    noImplicitReturns: true,
    noImplicitThis: true,
    noUnusedLocals: true,
    noUnusedParameters: true,
    resolveJsonModule: true,
    strict: true,
    strictNullChecks: true,
    strictPropertyInitialization: true,
    stripInternal: true,
    target: 'ES2022',
    types: ['node'],
  },
  include: ['.projenrc.ts'],
};

/** Points the repo's default task at ts-node (projen rewrites tasks.json on every synth: set before each run). */
function useTsNode(dir: string): void {
  const file = join(dir, '.projen/tasks.json');
  const tasks = JSON.parse(readFileSync(file, 'utf8')) as { tasks: { default: { steps: { exec: string }[] } } };
  tasks.tasks.default.steps = [{ exec: tsNodeStep }];
  writeFileSync(file, JSON.stringify(tasks, null, 2));
  writeFileSync(join(dir, 'tsconfig.projen.json'), JSON.stringify(tsconfigProjen, null, 2));
}

/**
 * (d) `npx projen` in a copy of an example app repo: cold (nothing generated yet but
 * `.projen/tasks.json`, which tells projen how to run `.projenrc.ts`) and a no-change re-run;
 * the same with projen's default runner (ts-node, type-checked); `node .projenrc.ts` alone.
 */
export async function projenSynth(ctx: BenchContext): Promise<ScenarioResult> {
  const npx = (dir: string) => timedRun('npx', ['projen'], { cwd: dir });
  const setups: { name: string; tsNode: boolean; cold: boolean; direct?: boolean }[] = [
    { name: '`npx projen`, cold (Node runs .projenrc.ts)', tsNode: false, cold: true },
    { name: '`npx projen`, no change (Node runs .projenrc.ts)', tsNode: false, cold: false },
    { name: '`node .projenrc.ts`, no change (no npx, no projen CLI)', tsNode: false, cold: false, direct: true },
    { name: "`npx projen`, cold (projen's default: ts-node, type-checked)", tsNode: true, cold: true },
    { name: "`npx projen`, no change (projen's default: ts-node, type-checked)", tsNode: true, cold: false },
  ];
  const variants: Variant[] = [];
  for (const [i, setup] of setups.entries()) {
    const dir = copyExample(ctx.repoRoot, ctx.workDir, projenExample, `d-${i}`);
    const files = generatedFiles(dir);
    if (setup.tsNode) useTsNode(dir);
    if (!setup.cold) {
      await npx(dir); // the state of a repo synthesized before
    }
    variants.push({
      name: setup.name,
      before: () => {
        if (setup.cold) removeGenerated(dir, files, ['.projen/tasks.json']);
        if (setup.tsNode) useTsNode(dir);
      },
      measure: async () => (setup.direct ? timedRun('node', ['.projenrc.ts'], { cwd: dir }) : npx(dir)),
    });
  }
  // The ts-node runner must really type-check, or the comparison is with the wrong thing.
  const proof = copyExample(ctx.repoRoot, ctx.workDir, projenExample, 'd-typecheck');
  useTsNode(proof);
  appendFileSync(join(proof, '.projenrc.ts'), "\nconst typeError: number = 'not a number';\nconsole.log(typeError);\n");
  const checked = await timedRun('npx', ['projen'], { cwd: proof, expectCode: 'nonzero' });
  ctx.log(`d: ts-node rejects a type error (exit ${checked.code})`);

  ctx.log(`d: ${variants.length} variants × ${ctx.runs} runs, interleaved`);
  const samples = await interleave(variants, ctx.runs, ctx.log);
  const wall = (name: string) => summarize(samples.get(name)!.map((s) => s.wallMs));
  const ours = wall(setups[0]!.name);
  const oursAgain = wall(setups[1]!.name);
  const rows = variants.map((v) => [
    v.name,
    spread(wall(v.name), seconds),
    mib(summarize(samples.get(v.name)!.map((s) => s.maxRssMiB ?? 0)).median),
    times(wall(v.name).median / ours.median),
  ]);
  const goals: GoalCheck[] = [
    { goal: '`npx projen` cold at most 1.5 s', measured: seconds(ours.median), met: ours.median <= 1500 },
    { goal: '`npx projen` no change at most 1 s', measured: seconds(oursAgain.median), met: oursAgain.median <= 1000 },
  ];
  return {
    id: 'd',
    title: scenarioTitles.d,
    command: ctx.reproduce('--only d'),
    blocks: [
      {
        text:
          `A copy of \`examples/${projenExample}\` outside the monorepo with \`node_modules\` linked to the workspace's (projen ${'and'} the built packages), one copy per row. ` +
          '"Cold": every file projen generated is deleted before each run except `.projen/tasks.json` (without it `npx projen` stops: "Unable to find projen project"). ' +
          `projen's default runner for \`.projenrc.ts\` is ts-node with type-checking; these repos are ES modules and Node 24 strips types before ts-node sees them, so the type-checked equivalent is \`${tsNodeStep}\` ` +
          "with projen's TypeScriptProject compiler options (no skipLibCheck); a deliberate type error makes it exit 1 (checked in every run of this scenario). " +
          'Peak RSS is the largest process of the run. Ratios are over the first row.',
      },
      { table: { header: ['command', 'wall, median (min–max)', 'peak RSS', 'vs cold'], rows, numeric: [1, 2, 3] } },
    ],
    goals,
  };
}

import { join } from 'node:path';
import type { BenchContext } from '../context.js';
import { interleave, type Variant } from '../io/interleave.js';
import { readYamlTree } from '../io/read-yaml-tree.js';
import { freshDir } from '../io/scratch.js';
import { timedRun } from '../io/timed-run.js';
import { cliBin, workerPath } from '../paths.js';
import { mib, millis, seconds, spread, times } from '../report/format.js';
import { scenarioTitles, type GoalCheck, type ScenarioResult } from '../scenario.js';
import { summarize } from '../stats/summarize.js';
import { countObjects, describeKinds } from '../yaml/count-objects.js';

/** Objects per generated app in the cdk8s app (see workers/cdk8s-app.ts). */
const objectsPerApp = 10;

/**
 * (a) The commands people run most, each in a cold process: `sugarkube synth` of the embedded
 * clusters into an empty directory and again over its own output, `sugarkube validate`,
 * `sugarkube --help`; against a cdk8s + cdk8s-plus app writing the same number of objects
 * (the objects synth writes) and the number its summary counts (with the apps' overlays).
 */
export async function cliCold(ctx: BenchContext): Promise<ScenarioResult> {
  // The bin turns on Node's compile cache (`module.enableCompileCache()`, in the OS temp
  // directory): every run after a user's first finds it warm. Here it lives in the scratch
  // directory, warmed by the runs below; "first run" rows turn it off as a new install would.
  const compileCache = { ...process.env, NODE_COMPILE_CACHE: freshDir(ctx.workDir, 'a-compile-cache') };
  const firstRun = { ...process.env, NODE_DISABLE_COMPILE_CACHE: '1' };
  const cli = (args: string[], env: NodeJS.ProcessEnv = compileCache) =>
    timedRun('node', [cliBin, ...args], { cwd: ctx.repoRoot, env });
  await cli(['--help']);
  // One synth first: the tree whose objects cdk8s must match, and the "no change" target.
  const again = freshDir(ctx.workDir, 'a-synth-again');
  const first = await cli(['synth', '--out', again]);
  const written = countObjects(readYamlTree(again));
  const summaryObjects = [...first.stdout.matchAll(/^\w+: (\d+) objects on/gm)].reduce((n, m) => n + Number(m[1]), 0);
  const small = Math.max(1, Math.round(written.total / objectsPerApp));
  const large = Math.max(1, Math.round(summaryObjects / objectsPerApp));
  const cdk8s = (apps: number): Variant => {
    let out = '';
    return {
      name: `cdk8s + cdk8s-plus, ${apps} apps (${apps * objectsPerApp} objects)`,
      before: () => void (out = freshDir(ctx.workDir, `a-cdk8s-${apps}`)),
      measure: async () => {
        return timedRun('node', [workerPath('cdk8s-app'), String(apps), out]);
      },
    };
  };
  let out = '';
  let firstOut = '';
  const variants: Variant[] = [
    {
      name: 'sugarkube synth (empty directory)',
      before: () => void (out = freshDir(ctx.workDir, 'a-synth')),
      measure: async () => cli(['synth', '--out', out]),
    },
    { name: 'sugarkube synth (again, no change)', measure: async () => cli(['synth', '--out', again]) },
    { name: 'sugarkube validate', measure: async () => cli(['validate']) },
    { name: 'sugarkube --help', measure: async () => cli(['--help']) },
    { name: 'sugarkube --version', measure: async () => cli(['--version']) },
    {
      name: 'sugarkube synth (empty directory), first run (no compile cache)',
      before: () => void (firstOut = freshDir(ctx.workDir, 'a-synth-first')),
      measure: async () => cli(['synth', '--out', firstOut], firstRun),
    },
    { name: 'sugarkube --help, first run (no compile cache)', measure: async () => cli(['--help'], firstRun) },
    { name: 'node -e 0', measure: async () => timedRun('node', ['-e', '0']) },
    cdk8s(small),
    ...(large !== small ? [cdk8s(large)] : []),
  ];
  ctx.log(`a: ${variants.length} variants × ${ctx.runs} runs, interleaved`);
  const samples = await interleave(variants, ctx.runs, ctx.log);
  const wall = (name: string) => summarize(samples.get(name)!.map((s) => s.wallMs));
  const rss = (name: string) => summarize(samples.get(name)!.map((s) => s.maxRssMiB ?? 0));
  const cpu = (name: string) => summarize(samples.get(name)!.map((s) => s.cpuMs ?? 0));
  const synth = wall('sugarkube synth (empty directory)');
  const rows = variants.map((v) => [
    v.name,
    spread(wall(v.name), seconds),
    seconds(cpu(v.name).median),
    mib(rss(v.name).median),
    times(wall(v.name).median / synth.median),
  ]);
  const cdkSmall = wall(cdk8s(small).name);
  const help = wall('sugarkube --help');
  const goals: GoalCheck[] = [
    { goal: 'synth + validate at most 0.6 s', measured: seconds(synth.median), met: synth.median <= 600 },
    {
      goal: `at least 2× faster than cdk8s on the same number of objects (${small * objectsPerApp})`,
      measured: `${times(cdkSmall.median / synth.median)} (cdk8s ${seconds(cdkSmall.median)})`,
      met: cdkSmall.median / synth.median >= 2,
    },
    { goal: '`--help` at most 0.15 s', measured: millis(help.median), met: help.median <= 150 },
  ];
  return {
    id: 'a',
    title: scenarioTitles.a,
    command: ctx.reproduce('--only a'),
    blocks: [
      {
        text:
          `Each row is a new \`node\` process (\`node ${cliBin} …\` in the repository root, which names the embedded clusters in its package.json), ` +
          `timed from spawn to exit; peak RSS from GNU time. synth validates the definition and the tree before it writes (there is no separate validate step to add). ` +
          `It writes ${written.total} objects (${describeKinds(written)}) in ${readYamlTree(again).length} YAML files; its summary counts ${summaryObjects} objects ` +
          `(with the apps' overlays as Kubernetes will hold them). The cdk8s app (\`${join('tools/bench/src/workers/cdk8s-app.ts')}\`) writes ${objectsPerApp} objects per app ` +
          `(Namespace, Deployment, Service, HTTPRoute, Certificate, ReferenceGrant, 4 NetworkPolicies), so ${small} apps match what synth writes` +
          `${large !== small ? ` and ${large} apps what its summary counts` : ''}. The last column is each median over synth's. ` +
          "The bin turns on Node's compile cache (`module.enableCompileCache()`): every run after the first on a machine skips compiling the modules it loads. " +
          "The rows without a note run as a user's second and later runs do (NODE_COMPILE_CACHE set to a directory the first runs filled); " +
          'the "first run" rows set NODE_DISABLE_COMPILE_CACHE=1, as the very first run after an install. The goals are checked on the former. ' +
          '`--help` and `--version` import no command module (each is imported when its command runs).',
      },
      {
        table: {
          header: ['command (cold process)', 'wall, median (min–max)', 'CPU (user + sys)', 'peak RSS', 'vs synth'],
          rows,
          numeric: [1, 2, 3, 4],
        },
      },
    ],
    goals,
  };
}

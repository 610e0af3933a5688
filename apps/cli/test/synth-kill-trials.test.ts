import { spawn, spawnSync } from 'node:child_process';
import { existsSync, watch, type FSWatcher } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../src/cli.js';
import { buildCli } from './support/build-cli.js';
import {
  copyTree,
  makeTemplate,
  outOf,
  seededRandom,
  snapshotTree,
  temporaryEntries,
  trialCache,
  trialModules,
  type Layout,
} from './support/trial-trees.js';

/*
 * Attacks the promise "the tree changes all at once": a real `sugarkube synth` child writes one
 * real cluster tree over another and is killed with SIGKILL, at random or aimed at the write step
 * (when its staging area appears, or when its journal appears, plus a random delay). Then the next
 * command (`validate --dir`) runs, and the tree must be entirely the old one or entirely the new
 * one, byte for byte and directory for directory, with the user's files intact and none of the
 * writer's temporary files left. The writer has no test switch: what is killed is what ships.
 * The same for an I/O error injected mid-write: `chattr +i` on a directory the commit renames
 * in (root, which runs these tests, bypasses mode bits but not the immutable flag).
 */

type Tree = 'A' | 'B';
interface Timing {
  readonly staged: number;
  readonly journal: number;
  readonly exit: number;
}
interface ChildRun {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
  readonly stderr: string;
  readonly fired: boolean;
}

// Printed with the results: to replay a run's delays, put its seed here.
const seed = Date.now() % 1_000_000;
const random = seededRandom(seed);
let bin = '';
let modules: Record<Tree, string> = { A: '', B: '' };
const templates = new Map<string, { dir: string; tree: Record<string, string> }>();
const template = (tree: Tree, layout: Layout) => templates.get(`${tree}-${layout}`)!;
let work = '';
const immutable: string[] = [];

beforeAll(async () => {
  bin = buildCli('kill-trials');
  modules = await trialModules();
  work = await mkdtemp(join(trialCache, 'run-'));
  for (const tree of ['A', 'B'] as const) {
    for (const layout of ['out', 'root'] as const) {
      const dir = join(trialCache, `template-${tree}-${layout}`);
      await makeTemplate(dir, layout, modules[tree]);
      templates.set(`${tree}-${layout}`, { dir, tree: await snapshotTree(dir) });
    }
  }
}, 600_000);

afterAll(async () => {
  for (const path of immutable) spawnSync('chattr', ['-i', path]);
  await rm(work, { recursive: true, force: true });
});

/**
 * Runs `synth` of `next` over a copy of the `prev` template in a child process. `arm` decides when
 * to act: from the spawn, when `.sugarkube-txn` appears, or when its journal appears; `act` then
 * kills the child or injects a fault. Returns the exit, and the milliseconds at which each step was seen.
 */
async function runChild(
  dir: string,
  layout: Layout,
  next: Tree,
  plan?: {
    readonly on: 'spawn' | 'staged' | 'journal';
    readonly delay: number;
    readonly act: (kill: () => void) => void;
  },
): Promise<ChildRun & { timing: Timing }> {
  const out = outOf(dir, layout);
  const started = performance.now();
  const seen: { staged: number; journal: number } = { staged: NaN, journal: NaN };
  const child = spawn(process.execPath, [bin, 'synth', '--out', out, '--cluster', modules[next]], {
    cwd: dir,
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  let armed = false;
  let fired = false;
  let timer: NodeJS.Timeout | undefined;
  let exited = false;
  const fire = (on: 'spawn' | 'staged' | 'journal') => {
    if (!plan || plan.on !== on || armed) return;
    armed = true;
    timer = setTimeout(() => {
      if (exited) return;
      fired = true;
      plan.act(() => child.kill('SIGKILL'));
    }, plan.delay);
  };
  const watchers: FSWatcher[] = [];
  const txn = join(out, '.sugarkube-txn');
  const onJournal = () => {
    if (!Number.isNaN(seen.journal)) return;
    seen.journal = performance.now() - started;
    fire('journal');
  };
  const onStaged = () => {
    if (!Number.isNaN(seen.staged)) return;
    seen.staged = performance.now() - started;
    fire('staged');
    try {
      watchers.push(watch(txn, (_, name) => name === 'journal.json' && onJournal()));
    } catch {
      // gone already: the write finished before the watch
    }
    if (existsSync(join(txn, 'journal.json'))) onJournal();
  };
  watchers.push(watch(out, (_, name) => name === '.sugarkube-txn' && onStaged()));
  fire('spawn');
  const [code, signal] = await new Promise<[number | null, NodeJS.Signals | null]>((done) =>
    child.once('exit', (c, s) => {
      // A fault injected after the child is gone would strike the next command instead.
      exited = true;
      clearTimeout(timer);
      done([c, s]);
    }),
  );
  for (const w of watchers) w.close();
  return { code, signal, stderr, fired, timing: { ...seen, exit: performance.now() - started } };
}

/** The next command: `validate --dir`, in process; returns what it said it recovered. */
async function nextCommand(out: string): Promise<{ code: number; recovery: string }> {
  const err: string[] = [];
  const code = await main(['validate', '--dir', out], {
    stdout: { write: () => true },
    stderr: { write: (t: string) => err.push(t) },
    cwd: out,
  });
  const said = /recovered [^:]+: (finished|undid|removed)/.exec(err.join(''));
  return {
    code,
    recovery: said
      ? { finished: 'rolled forward', undid: 'rolled back', removed: 'cleaned up' }[said[1] as 'finished']
      : 'nothing to recover',
  };
}

/** Asserts the tree is entirely `prev` or entirely `next` and holds no temporary file; returns which. */
async function verdict(dir: string, prev: Tree, next: Tree, layout: Layout): Promise<'old' | 'new'> {
  const now = await snapshotTree(dir);
  expect(temporaryEntries(now)).toEqual([]);
  if (JSON.stringify(now) === JSON.stringify(template(prev, layout).tree)) return 'old';
  expect(now).toEqual(template(next, layout).tree); // prints the mixed entries when it is neither
  return 'new';
}

/**
 * How long each step took in the runs that completed so far (calibration and trials alike): the
 * delays are drawn from the medians, so the aim follows the machine's load as it changes.
 */
const observed = { run: [] as number[], staging: [] as number[], commit: [] as number[] };
function observe(timing: Timing): void {
  if (Number.isNaN(timing.staged) || Number.isNaN(timing.journal)) return;
  observed.run.push(timing.exit);
  observed.staging.push(timing.journal - timing.staged);
  observed.commit.push(timing.exit - timing.journal);
}
function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}
/** A delay drawn uniformly from [0, factor × the median of `step`]. */
const delayIn = (step: keyof typeof observed, factor = 1.1) => Math.round(random() * median(observed[step]) * factor);
const tally = new Map<string, number>();
const count = (key: string) => tally.set(key, (tally.get(key) ?? 0) + 1);

describe('synth survives SIGKILL and I/O errors: the tree is entirely old or entirely new', () => {
  it('calibrates: an uninterrupted run over each previous tree gives exactly the other template', async () => {
    for (const [prev, next, layout] of [
      ['A', 'B', 'root'],
      ['B', 'A', 'out'],
      ['A', 'B', 'out'],
    ] as const) {
      const dir = await mkdtemp(join(work, 'cal-'));
      copyTree(template(prev, layout).dir, dir);
      const run = await runChild(dir, layout, next);
      expect([run.code, run.stderr]).toEqual([0, expect.not.stringContaining('recovered')]);
      expect(await verdict(dir, prev, next, layout)).toBe('new');
      expect(run.timing.staged).toBeLessThan(run.timing.journal);
      observe(run.timing);
    }
    expect(observed.run).toHaveLength(3);
    console.log(
      `kill trials: seed ${seed}; calibration medians: run ${median(observed.run).toFixed(0)} ms, staging ${median(observed.staging).toFixed(0)} ms, commit ${median(observed.commit).toFixed(0)} ms`,
    );
  }, 600_000);

  it('100 SIGKILL trials (40 at random, 60 aimed at the write step): always entirely old or new after the next command', async () => {
    const groups = [
      ...Array.from({ length: 40 }, () => 'random' as const),
      ...Array.from({ length: 30 }, () => 'staged' as const),
      ...Array.from({ length: 30 }, () => 'journal' as const),
    ];
    for (const [i, group] of groups.entries()) {
      const layout: Layout = i % 2 === 0 ? 'root' : 'out';
      const [prev, next]: [Tree, Tree] = Math.floor(i / 2) % 2 === 0 ? ['A', 'B'] : ['B', 'A'];
      // random: anywhere in the run; staged: from the staging area's appearance on; journal: in the commit's
      // renames (its first part: the rest of the commit time is deleting the old tree and exiting).
      const delay =
        group === 'random' ? delayIn('run') : group === 'staged' ? delayIn('staging', 1.3) : delayIn('commit', 0.4);
      const dir = await mkdtemp(join(work, `kill-${i}-`));
      copyTree(template(prev, layout).dir, dir);
      const run = await runChild(dir, layout, next, {
        on: group === 'random' ? 'spawn' : group,
        delay,
        act: (kill) => kill(),
      });
      const killed = run.signal === 'SIGKILL';
      if (!killed) observe(run.timing);
      const { code, recovery } = await nextCommand(outOf(dir, layout));
      expect(code).toBe(0); // the recovered tree is a whole, valid tree
      const result = await verdict(dir, prev, next, layout);
      count(`${group}: ${killed ? `killed, ${recovery}` : 'finished before the kill'} → ${result}`);
      await rm(dir, { recursive: true, force: true });
    }
    console.log(
      `kill trials (seed ${seed}):\n${[...tally]
        .sort()
        .map(([k, v]) => `  ${String(v).padStart(3)}  ${k}`)
        .join('\n')}`,
    );
    const killedInWrite = [...tally]
      .filter(([k]) => !k.startsWith('random') && k.includes('killed'))
      .reduce((n, [, v]) => n + v, 0);
    expect(killedInWrite).toBeGreaterThanOrEqual(30); // most aimed trials did die inside the write step
    expect([...tally.keys()].some((k) => k.includes('rolled forward'))).toBe(true);
    expect([...tally.keys()].some((k) => k.includes('rolled back'))).toBe(true);
  }, 3_600_000);

  const canChattr = spawnSync('chattr', ['--help']).error === undefined;

  it.skipIf(!canChattr)(
    'an immutable directory before synth starts: exit 2 naming it, nothing written',
    async () => {
      const dir = await mkdtemp(join(work, 'eperm-'));
      copyTree(template('A', 'root').dir, dir);
      const target = join(dir, 'clusters/staging');
      expect(spawnSync('chattr', ['+i', target]).status).toBe(0);
      immutable.push(target);
      const run = await runChild(dir, 'root', 'B');
      spawnSync('chattr', ['-i', target]);
      expect(run.code).toBe(2);
      expect(run.stderr).toContain(
        `cannot write ${dir}, nothing was changed: ${target}: directory not writable (EPERM`,
      );
      expect(await verdict(dir, 'A', 'B', 'root')).toBe('old');
    },
    600_000,
  );

  it.skipIf(!canChattr)(
    '30 trials of an I/O error mid-write (chattr +i on a directory the commit renames in): entirely old or new',
    async () => {
      const outcomes = new Map<string, number>();
      for (let i = 0; i < 30; i++) {
        const [prev, next]: [Tree, Tree] = i % 2 === 0 ? ['A', 'B'] : ['B', 'A'];
        const dir = await mkdtemp(join(work, `fault-${i}-`));
        copyTree(template(prev, 'root').dir, dir);
        // clusters/staging holds a user file, so its generated files are units of their own, committed
        // after README.md, apps/ and clusters/prod: a fault there strikes a commit already under way.
        const target = join(dir, 'clusters/staging');
        // staged: the fault lands while the tree is staged, and the commit meets it; journal: during the commit.
        const on = i % 3 === 0 ? 'journal' : 'staged';
        const run = await runChild(dir, 'root', next, {
          on,
          delay: on === 'staged' ? delayIn('staging', 0.9) : delayIn('commit', 0.3),
          act: () => {
            spawnSync('chattr', ['+i', target]);
            immutable.push(target);
          },
        });
        spawnSync('chattr', ['-i', target]);
        if (run.code === 0 && !run.fired) observe(run.timing);
        const writer =
          run.code === 0
            ? run.fired
              ? 'writer finished (fault after its last rename)'
              : 'writer finished before the fault'
            : /the previous tree is intact/.test(run.stderr)
              ? 'writer rolled back'
              : /is half-written/.test(run.stderr)
                ? 'writer left the journal'
                : `writer exit ${run.code}: ${run.stderr}`;
        const { code, recovery } = await nextCommand(dir);
        expect(code).toBe(0);
        const key = `${writer}, next command: ${recovery} → ${await verdict(dir, prev, next, 'root')}`;
        outcomes.set(key, (outcomes.get(key) ?? 0) + 1);
        await rm(dir, { recursive: true, force: true });
      }
      console.log(
        `I/O-error trials (seed ${seed}):\n${[...outcomes]
          .sort()
          .map(([k, v]) => `  ${String(v).padStart(3)}  ${k}`)
          .join('\n')}`,
      );
      expect([...outcomes.keys()].some((k) => k.startsWith('writer rolled back'))).toBe(true);
    },
    3_600_000,
  );
});

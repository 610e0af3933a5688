#!/usr/bin/env node
// npm run bench -- [options]: runs the scenarios and writes docs/benchmarks.md. Benchmarks
// report; a missed goal is printed, never an exit code. A scenario that cannot run (a tool
// missing) is reported on stderr and the others still run; the exit code is 1 then.
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { sugarkubeCache, toolPath } from '@sugarkube/verify';
import type { BenchContext } from './context.js';
import { defaultBeforeRef, prepareBeforeTree } from './io/before-tree.js';
import { describeMachine } from './io/machine.js';
import { readResults, writeResults } from './io/results-store.js';
import { findSharedCharts } from './io/shared-charts.js';
import { parseOptions, reproduceArgs } from './options.js';
import { scenarios } from './scenarios/registry.js';

const repoRoot = resolve(fileURLToPath(new URL('../../..', import.meta.url)));
const log = (message: string) => process.stderr.write(`${message}\n`);

let options;
try {
  options = parseOptions(process.argv.slice(2), {
    out: join(repoRoot, 'docs/benchmarks.md'),
    smokeOut: join(tmpdir(), 'sugarkube-bench-smoke/benchmarks.md'),
    beforeRef: defaultBeforeRef,
  });
} catch (error) {
  log((error as Error).message);
  process.exit(2);
}

const workDir = mkdtempSync(join(tmpdir(), 'sugarkube-bench-'));
let helm: string | undefined;
try {
  helm = toolPath('helm');
} catch {
  helm = undefined;
}
const machine = describeMachine(repoRoot, helm);
let beforeTree: string | undefined;
if (options.only.includes('imports') && options.before) {
  beforeTree =
    'dir' in options.before
      ? resolve(options.before.dir)
      : prepareBeforeTree(repoRoot, options.before.ref, sugarkubeCache(), log);
}
const sharedCharts = options.sharedCharts ?? findSharedCharts(repoRoot);
const ctx: BenchContext = {
  repoRoot,
  runs: options.runs,
  smoke: options.smoke,
  workDir,
  ...(beforeTree
    ? { beforeTree, beforeLabel: options.before && 'ref' in options.before ? options.before.ref : beforeTree }
    : {}),
  ...(sharedCharts ? { sharedCharts } : {}),
  ...(options.liveRequests ? { liveRequestsFile: resolve(options.liveRequests) } : {}),
  reproduce: (args) => reproduceArgs(options, args),
  log,
};

const stored = options.smoke ? {} : readResults(options.out);
let failed = 0;
try {
  for (const id of options.only) {
    log(`— scenario ${id}`);
    const started = performance.now();
    try {
      const result = await scenarios[id](ctx);
      machine.loadEnd = loadavg()[0]!;
      stored[id] = {
        result: { ...result, elapsedMs: performance.now() - started },
        machine: { ...machine },
        runs: options.runs,
      };
      writeResults(options.out, stored);
      for (const g of result.goals)
        log(`  ${g.met === undefined ? '?' : g.met ? 'met' : 'MISSED'}: ${g.goal}: ${g.measured}`);
    } catch (error) {
      failed++;
      log(`scenario ${id} failed: ${(error as Error).stack ?? String(error)}`);
    }
  }
} finally {
  if (!options.keepWork) rmSync(workDir, { recursive: true, force: true });
  else log(`scratch kept in ${workDir}`);
}
log(`wrote ${options.out}`);
process.exitCode = failed > 0 ? 1 : 0;

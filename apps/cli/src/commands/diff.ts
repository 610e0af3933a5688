import { resolve } from 'node:path';
import type { Command } from '../context.js';
import { parseCommandArgs } from '../parse-command-args.js';
import { plannedTree, readExisting } from '../io/planned-tree.js';
import { describeRecovery, readOwned, recoverTree } from '../io/write-tree.js';
import { unifiedDiff } from '../render/unified-diff.js';
import { synthesizeAndValidate } from './cluster-pipeline.js';

const usage = `Usage: sugarkube diff [--out DIR] [--cluster MODULE] [--stat]

Shows what \`sugarkube synth\` would change in DIR, as a unified diff, without writing.
It synthesizes and validates exactly as synth does (progress on stderr) and, like synth,
keeps the values Flux image automation committed on setter-marker lines, so a tag
automation moved is not reported as drift. If a killed synth left DIR mid-write, diff
first finishes or undoes that write (as the next synth would), so it never compares a
half-written tree.
Exits 1 when there are changes (use it in CI to catch a stale tree), 0 when none,
2 when the cluster definition or the synthesized tree is invalid.

Options:
  --out DIR          the synthesized tree to compare with (default: as for synth)
  --cluster MODULE   the cluster definition module (as for synth)
  --stat             list changed files only`;

export const diffCommand: Command = {
  name: 'diff',
  summary: 'show what synth would change, without writing',
  usage,
  async run(args, context) {
    const { values } = parseCommandArgs(args, { out: { type: 'string' }, cluster: { type: 'string' }, stat: { type: 'boolean' } });
    // stdout carries only the diff: the pipeline's own report goes to stderr.
    const outcome = await synthesizeAndValidate({ ...context, stdout: context.stderr }, values.cluster);
    const { files } = outcome;
    const out = values.out === undefined ? outcome.out : resolve(context.cwd, values.out);
    // A write a killed synth left half done is finished or undone first: never compare with a mixed tree.
    const recovered = describeRecovery(out, await recoverTree(out));
    if (recovered) context.stderr.write(`${recovered}\n`);
    if (!files) {
      context.stderr.write('nothing to compare: fix the errors above\n');
      return 2;
    }
    const next = new Map((await plannedTree(out, files)).map((f) => [f.path, f.content]));
    const paths = [...new Set([...next.keys(), ...(await readOwned(out))])].sort();
    let changed = 0;
    for (const path of paths) {
      const before = await readExisting(out, path);
      const diff = unifiedDiff(path, before, next.get(path));
      if (!diff) continue;
      changed++;
      context.stdout.write(values.stat ? `${before === undefined ? 'A' : next.has(path) ? 'M' : 'D'} ${path}\n` : diff);
    }
    context.stderr.write(changed === 0 ? `${out} is up to date\n` : `${changed} file(s) would change in ${out}\n`);
    return changed === 0 ? 0 : 1;
  },
};

import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { Command } from '../context.js';
import { parseCommandArgs } from '../parse-command-args.js';
import { loadCluster } from '../io/load-cluster.js';
import { OWNED_FILES_MANIFEST } from '../io/write-tree.js';
import { unifiedDiff } from '../render/unified-diff.js';

const usage = `Usage: sugarkube diff [--out DIR] [--cluster MODULE] [--stat]

Shows what \`sugarkube synth\` would change in DIR, as a unified diff, without writing.
Exits 1 when there are changes (use it in CI to catch a stale tree), 0 when none.

Options:
  --out DIR          the synthesized tree to compare with (default: ./out)
  --cluster MODULE   the cluster definition module (as for synth)
  --stat             list changed files only`;

async function readOwned(out: string): Promise<string[]> {
  try {
    const parsed = JSON.parse(await readFile(join(out, OWNED_FILES_MANIFEST), 'utf8')) as { files?: unknown };
    return Array.isArray(parsed.files) ? parsed.files.filter((f): f is string => typeof f === 'string') : [];
  } catch {
    return [];
  }
}

export const diffCommand: Command = {
  name: 'diff',
  summary: 'show what synth would change, without writing',
  usage,
  async run(args, context) {
    const { values } = parseCommandArgs(args, { out: { type: 'string' }, cluster: { type: 'string' }, stat: { type: 'boolean' } });
    const out = resolve(context.cwd, values.out ?? 'out');
    const { module } = await loadCluster(context.cwd, values.cluster);
    const next = new Map((await module.synthesizeCluster()).map((f) => [f.path, f.content]));
    const paths = [...new Set([...next.keys(), ...(await readOwned(out))])].sort();
    let changed = 0;
    for (const path of paths) {
      const before = await readFile(join(out, path), 'utf8').catch(() => undefined);
      const diff = unifiedDiff(path, before, next.get(path));
      if (!diff) continue;
      changed++;
      context.stdout.write(values.stat ? `${before === undefined ? 'A' : next.has(path) ? 'M' : 'D'} ${path}\n` : diff);
    }
    context.stderr.write(changed === 0 ? `${out} is up to date\n` : `${changed} file(s) would change in ${out}\n`);
    return changed === 0 ? 0 : 1;
  },
};

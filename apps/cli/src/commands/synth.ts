import { parseArgs } from 'node:util';
import { resolve } from 'node:path';
import { synthesizeCluster } from '@sugarkube/cluster';
import { UsageError, type Command } from '../context.js';
import { writeTree } from '../io/write-tree.js';

const usage = `Usage: sugarkube synth [--out DIR]

Synthesizes the embedded Sugarkube cluster (apps/cluster) into DIR.

Options:
  --out DIR   output directory (default: ./out)`;

export const synthCommand: Command = {
  name: 'synth',
  summary: 'synthesize the cluster GitOps tree into ./out',
  usage,
  async run(args, context) {
    let values;
    try {
      ({ values } = parseArgs({ args: [...args], options: { out: { type: 'string' } }, allowPositionals: false }));
    } catch (error) {
      throw new UsageError((error as Error).message);
    }
    const out = resolve(context.cwd, values.out ?? 'out');
    const files = synthesizeCluster();
    const result = await writeTree(out, files);
    context.stdout.write(
      `synthesized ${files.length} files into ${out} (${result.written} written, ${result.unchanged} unchanged, ${result.removed} removed)\n`,
    );
    return 0;
  },
};

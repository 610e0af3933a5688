import { parseArgs } from 'node:util';
import { resolve } from 'node:path';
import { UsageError, type Command } from '../context.js';
import { loadCluster } from '../io/load-cluster.js';
import { writeTree } from '../io/write-tree.js';

const usage = `Usage: sugarkube synth [--out DIR] [--cluster MODULE]

Synthesizes a cluster definition into the GitOps tree Flux reconciles.

Options:
  --out DIR          output directory (default: ./out)
  --cluster MODULE   the cluster definition module (default: "sugarkube.cluster" in the
                     nearest package.json; in the Sugarkube repo, the embedded apps/cluster)`;

export const synthCommand: Command = {
  name: 'synth',
  summary: 'synthesize the cluster GitOps tree into ./out',
  usage,
  async run(args, context) {
    let values;
    try {
      ({ values } = parseArgs({ args: [...args], options: { out: { type: 'string' }, cluster: { type: 'string' } }, allowPositionals: false }));
    } catch (error) {
      throw new UsageError((error as Error).message);
    }
    const out = resolve(context.cwd, values.out ?? 'out');
    const { module } = await loadCluster(context.cwd, values.cluster);
    const files = await module.synthesizeCluster();
    const result = await writeTree(out, files);
    context.stdout.write(
      `synthesized ${files.length} files into ${out} (${result.written} written, ${result.unchanged} unchanged, ${result.removed} removed)\n`,
    );
    return 0;
  },
};

import { resolve } from 'node:path';
import { UsageError, type Command } from '../context.js';
import { parseCommandArgs } from '../parse-command-args.js';
import { plannedTree } from '../io/planned-tree.js';
import { writeTree } from '../io/write-tree.js';
import { printSummary, step, synthesizeAndValidate } from './cluster-pipeline.js';

const usage = `Usage: sugarkube synth [--out DIR] [--cluster MODULE]

Synthesizes a cluster definition into the GitOps tree Flux reconciles, validates it
(definition schema, kustomization resources, Flux Kustomization paths, dependsOn
graph, no removed Flux APIs) BEFORE writing, then prints objects per kind and the
CPU and memory requests per environment against the nodes' capacity.
A failed run writes nothing and leaves the previous tree as it was. Values on lines with
a Flux setter marker keep what image automation committed to DIR.

Options:
  --out DIR          output directory (default: "sugarkube.out" in the nearest package.json,
                     else the directory of that package.json: the cluster repo's root)
  --cluster MODULE   the cluster definition module (default: "sugarkube.cluster" in the
                     nearest package.json)`;

export const synthCommand: Command = {
  name: 'synth',
  summary: 'synthesize and validate the cluster GitOps tree',
  usage,
  async run(args, context) {
    const { values } = parseCommandArgs(args, { out: { type: 'string' }, cluster: { type: 'string' } });
    if (values.out === '') throw new UsageError('--out: expected a directory, received ""');
    const outcome = await synthesizeAndValidate(context, values.cluster);
    const { files, cluster } = outcome;
    const out = values.out === undefined ? outcome.out : resolve(context.cwd, values.out);
    if (!files) {
      context.stderr.write(`nothing written: ${out} is unchanged\n`);
      return 1;
    }
    const planned = await plannedTree(out, files);
    const result = await step(context, `writing ${out}`, () => writeTree(out, planned));
    context.stdout.write(
      `synthesized ${files.length} files into ${out} (${result.written} written, ${result.unchanged} unchanged, ${result.removed} removed)\n`,
    );
    printSummary(context, cluster, files);
    return 0;
  },
};

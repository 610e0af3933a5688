import { resolve } from 'node:path';
import { z } from 'zod';
import { UsageError } from '../cli-error.js';
import { defineCommand } from '../command.js';
import { exitCodes } from '../exit-codes.js';
import { describeRecovery, recoverTree } from '../io/write-tree.js';
import { synthesizeCluster } from '../pipeline/synthesize-cluster.js';
import { treeDiff } from '../pipeline/tree-diff.js';
import { treeWriteFailure } from '../pipeline/tree-errors.js';
import { environmentOfPath } from '../render/environment-of-path.js';
import { renderMarkdownDiff } from '../render/markdown-diff.js';
import { objectChanges } from '../render/object-changes.js';

const formats = ['unified', 'stat', 'markdown'] as const;

const usage = `Usage: sugarkube diff [--out DIR] [--cluster MODULE] [--format unified|stat|markdown] [--stat]

Shows what \`sugarkube synth\` would change in DIR, without writing. It synthesizes and
validates exactly as synth does and, like synth, keeps the values Flux image automation
committed on setter-marker lines, so a tag automation moved is not reported as drift. If a
killed synth left DIR mid-write, diff first finishes or undoes that write (as the next synth
would), so it never compares a half-written tree.

Formats:
  unified    a unified diff per file (default), as git diff prints it
  stat       one line per file: A (added), M (modified) or D (deleted) and its path
  markdown   for a pull-request comment: per environment, the objects (kind, name) added,
             changed and removed, then each file's unified diff folded in <details>

Options:
  --out DIR          the synthesized tree to compare with (default: as for synth)
  --cluster MODULE   the cluster definition module (as for synth)
  --format FORMAT    unified, stat or markdown
  --stat             the same as --format stat`;

const objectChangeSchema = z
  .object({ kind: z.string(), name: z.string(), change: z.enum(['added', 'changed', 'removed']) })
  .strict();

const report = z
  .object({
    out: z.string(),
    format: z.enum(formats),
    recovered: z.string().optional(),
    files: z.array(
      z
        .object({
          path: z.string(),
          change: z.enum(['added', 'modified', 'removed']),
          environment: z.string().optional().describe('The environment the file belongs to, when it belongs to one.'),
          objects: z.array(objectChangeSchema).describe('Kubernetes objects added, changed or removed in the file.'),
          diff: z.string().describe('The unified diff of the file.'),
        })
        .strict(),
    ),
  })
  .strict();

export const diffCommand = defineCommand({
  usage,
  options: {
    out: { type: 'string', values: 'dir' },
    cluster: { type: 'string', values: 'file' },
    format: { type: 'string', values: formats },
    stat: { type: 'boolean' },
  },
  exitCodes: [exitCodes.ok, exitCodes.changes, exitCodes.usage, exitCodes.io, exitCodes.internal],
  report,
  async run({ args, context, progress }) {
    const values = args.values as { out?: string; cluster?: string; format?: string; stat?: boolean };
    const format = values.format ?? (values.stat ? 'stat' : 'unified');
    if (!(formats as readonly string[]).includes(format))
      throw new UsageError(`--format: expected one of ${formats.join(', ')}, received "${format}"`);
    if (values.out === '') throw new UsageError('--out: expected a directory, received ""');
    const synthesized = await synthesizeCluster({ context, progress }, values.cluster);
    const out = values.out === undefined ? synthesized.loaded.out : resolve(context.cwd, values.out);
    // A write a killed synth left half done is finished or undone first: never compare with a mixed tree.
    const recovered = describeRecovery(out, await recoverTree(out).catch(treeWriteFailure));
    const environments = synthesized.cluster.environments.map((e) => e.name);
    const files = (await treeDiff(out, synthesized.files)).map((f) => {
      const environment = environmentOfPath(f.path, environments);
      return {
        path: f.path,
        change: f.change,
        ...(environment ? { environment } : {}),
        objects: objectChanges(f.before, f.after),
        diff: f.diff,
      };
    });
    return {
      exitCode: files.length === 0 ? exitCodes.ok : exitCodes.changes,
      report: { out, format: format as (typeof formats)[number], files, ...(recovered ? { recovered } : {}) },
      warnings: synthesized.warnings,
      // Under GitHub Actions each stale file is an annotation on the pull request.
      annotations: files.map((f) => ({
        message: `${f.path}: out of date (${f.change === 'added' ? 'missing' : f.change === 'removed' ? 'no longer generated' : 'differs'}); run sugarkube synth`,
        file: `${out}/${f.path}`,
      })),
    };
  },
  print(r, { out, err, style }) {
    if (r.recovered) err(`${r.recovered}\n`);
    if (r.format === 'markdown') {
      out(
        renderMarkdownDiff(
          'sugarkube diff',
          r.files.map((f) => ({ ...f, environment: f.environment })),
        ),
      );
    } else {
      for (const f of r.files) {
        if (r.format === 'stat') out(`${f.change === 'added' ? 'A' : f.change === 'removed' ? 'D' : 'M'} ${f.path}\n`);
        else
          out(
            f.diff
              .split('\n')
              .map((l) =>
                /^\+(?!\+\+ )/.test(l)
                  ? style('green', l)
                  : /^-(?!-- )/.test(l)
                    ? style('red', l)
                    : /^@@/.test(l)
                      ? style('cyan', l)
                      : l,
              )
              .join('\n'),
          );
      }
    }
    err(r.files.length === 0 ? `${r.out} is up to date\n` : `${r.files.length} file(s) would change in ${r.out}\n`);
  },
});

import { join, resolve } from 'node:path';
import { formatClusterSummary, validateClusterTree } from '@sugarkube/cluster';
import { z } from 'zod';
import { inputError } from '../cli-error.js';
import { defineCommand } from '../command.js';
import { exitCodes } from '../exit-codes.js';
import { findRepoConfig, shownPath } from '../io/load-cluster.js';
import { fileExists, readYamlTree } from '../io/read-input-file.js';
import { describeRecovery, recoverTree } from '../io/write-tree.js';
import { clusterSummary, synthesizeCluster } from '../pipeline/synthesize-cluster.js';
import { treeWriteFailure } from '../pipeline/tree-errors.js';
import { validateAppFile } from '../pipeline/validate-app-file.js';
import { clusterSummarySchema, fluxOrderSchema } from '../reports/tree-reports.js';

const usage = `Usage: sugarkube validate [--cluster MODULE] [--dir DIR] [--app FILE]

In a cluster repo: validates the cluster definition and its pins (every error at once,
with its path) and the tree synth would write (kustomization resources, Flux
Kustomization paths, an acyclic dependsOn graph, no removed Flux APIs), without writing.
With --dir, checks an existing tree on disk the same way instead.
In an app repo (a sugarkube.yaml and no cluster module): validates the app descriptor,
each error with its file, line and path.
With --dir, if a killed synth left DIR mid-write, it first finishes or undoes that write
(the only change it ever makes), so it never validates a half-written tree.
Every error is bad input: exit 2.

Options:
  --cluster MODULE   the cluster definition module (as for synth)
  --dir DIR          validate the YAML tree in DIR instead of synthesizing
  --app FILE         validate this app descriptor (default in an app repo: ./sugarkube.yaml)`;

const report = z
  .object({
    target: z
      .enum(['cluster', 'tree', 'app'])
      .describe('What was validated: a cluster definition, a tree on disk, an app descriptor.'),
    source: z.string().describe('The cluster module, the directory or the descriptor file, absolute.'),
    files: z.number().int().optional().describe('cluster, tree: the files checked.'),
    services: z.number().int().optional().describe('app: the services of the descriptor.'),
    order: fluxOrderSchema.optional(),
    summary: clusterSummarySchema.optional(),
    recovered: z.string().optional(),
  })
  .strict();

export const validateCommand = defineCommand({
  usage,
  options: {
    cluster: { type: 'string', values: 'file' },
    dir: { type: 'string', values: 'dir' },
    app: { type: 'string', values: 'file' },
  },
  exitCodes: [exitCodes.ok, exitCodes.usage, exitCodes.io, exitCodes.internal],
  report,
  async run({ args, context, progress }) {
    const values = args.values as { cluster?: string; dir?: string; app?: string };
    const appFile =
      values.app !== undefined ? resolve(context.cwd, values.app) : join(resolve(context.cwd), 'sugarkube.yaml');
    const inAppRepo =
      values.cluster === undefined &&
      values.dir === undefined &&
      !findRepoConfig(context.cwd)?.cluster &&
      (await fileExists(appFile));
    if (values.app !== undefined || inAppRepo) {
      const app = await progress(`validating ${shownPath(context.cwd, appFile)}`, () =>
        validateAppFile(context.cwd, appFile),
      );
      return {
        exitCode: exitCodes.ok,
        report: { target: 'app' as const, source: appFile, services: app.services },
        warnings: app.warnings,
      };
    }
    if (values.dir !== undefined) {
      const dir = resolve(context.cwd, values.dir);
      // A write a killed synth left half done is finished or undone first: never validate a mixed tree.
      const recovered = describeRecovery(dir, await recoverTree(dir).catch(treeWriteFailure));
      const files = await progress(`reading ${dir}`, () => readYamlTree(context.cwd, dir));
      const { problems, order } = validateClusterTree(files);
      if (problems.length > 0)
        throw inputError(
          problems.map((p) => ({
            message: `${shownPath(context.cwd, join(dir, p.file))}: ${p.message}`,
            file: join(dir, p.file),
          })),
        );
      const names = Object.fromEntries(
        Object.entries(order).map(([env, list]) => [env, list.map((n) => n.replace(/^flux-system\//, ''))]),
      );
      return {
        exitCode: exitCodes.ok,
        report: {
          target: 'tree' as const,
          source: dir,
          files: files.length,
          order: names,
          ...(recovered ? { recovered } : {}),
        },
      };
    }
    const synthesized = await synthesizeCluster({ context, progress }, values.cluster);
    return {
      exitCode: exitCodes.ok,
      report: {
        target: 'cluster' as const,
        source: synthesized.loaded.source,
        files: synthesized.files.length,
        order: synthesized.order,
        summary: clusterSummary(synthesized),
      },
      warnings: synthesized.warnings,
    };
  },
  print(r, { out, err }) {
    if (r.recovered) err(`${r.recovered}\n`);
    for (const [env, names] of Object.entries(r.order ?? {})) out(`${env}: Flux order ${names.join(' → ')}\n`);
    if (r.target === 'app') out(`${r.source} is a valid app descriptor (${r.services} service(s))\n`);
    else if (r.target === 'tree') out(`${r.files} files valid\n`);
    else {
      out(`cluster definition and ${r.files} synthesized files valid\n`);
      if (r.summary) out(formatClusterSummary(r.summary));
    }
  },
});

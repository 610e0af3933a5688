import { readdir, readFile } from 'node:fs/promises';
import { join, relative, resolve, sep } from 'node:path';
import { validateClusterTree } from '@sugarkube/cluster';
import type { GeneratedFile } from '@sugarkube/core';
import { existsSync } from 'node:fs';
import { loadAppYaml } from '@sugarkube/manifests';
import { UsageError, type Command, type CommandContext } from '../context.js';
import { findRepoConfig } from '../io/load-cluster.js';
import { parseCommandArgs } from '../parse-command-args.js';
import { describeRecovery, recoverTree } from '../io/write-tree.js';
import { printSummary, step, synthesizeAndValidate } from './cluster-pipeline.js';

const usage = `Usage: sugarkube validate [--cluster MODULE] [--dir DIR] [--app FILE]

In a cluster repo: validates the cluster definition and its pins (every error at once,
with its path) and the tree synth would write (kustomization resources, Flux
Kustomization paths, an acyclic dependsOn graph, no removed Flux APIs), without writing.
With --dir, checks an existing tree on disk the same way instead.
In an app repo (a sugarkube.yaml and no cluster module): validates the app descriptor,
each error with its file, line and path.
With --dir, if a killed synth left DIR mid-write, it first finishes or undoes that write
(the only change it ever makes), so it never validates a half-written tree.
Exits 1 on any error.

Options:
  --cluster MODULE   the cluster definition module (as for synth)
  --dir DIR          validate the YAML tree in DIR instead of synthesizing
  --app FILE         validate this app descriptor (default in an app repo: ./sugarkube.yaml)`;

/** Validates an app descriptor file; prints every problem with its line. */
async function validateAppFile(context: CommandContext, file: string): Promise<number> {
  const text = await readFile(file, 'utf8').catch((error: NodeJS.ErrnoException) => {
    throw new UsageError(`--app: cannot read ${file} (${error.code === 'ENOENT' ? 'no such file' : error.message})`);
  });
  const result = loadAppYaml(text, file);
  for (const warning of result.warnings) context.stderr.write(`warning: ${warning.message}\n`);
  for (const error of result.errors) context.stderr.write(`${error.message}\n`);
  if (!result.value) {
    context.stderr.write(`${result.errors.length} error(s) in ${file}\n`);
    return 1;
  }
  context.stdout.write(`${file} is a valid app descriptor (${result.value.descriptor.services.length} service(s))\n`);
  return 0;
}

async function readYamlTree(root: string): Promise<GeneratedFile[]> {
  const entries = await readdir(root, { recursive: true, withFileTypes: true });
  const files: GeneratedFile[] = [];
  for (const entry of entries) {
    if (!entry.isFile() || !/\.ya?ml$/.test(entry.name)) continue;
    const full = join(entry.parentPath, entry.name);
    files.push({ path: relative(root, full).split(sep).join('/'), content: await readFile(full, 'utf8') });
  }
  return files.sort((a, b) => (a.path < b.path ? -1 : 1));
}

export const validateCommand: Command = {
  name: 'validate',
  summary: 'validate the cluster definition and its tree, without writing',
  usage,
  async run(args, context) {
    const { values } = parseCommandArgs(args, { cluster: { type: 'string' }, dir: { type: 'string' }, app: { type: 'string' } });
    if (values.app !== undefined) return validateAppFile(context, resolve(context.cwd, values.app));
    const appFile = join(resolve(context.cwd), 'sugarkube.yaml');
    if (values.cluster === undefined && values.dir === undefined && !findRepoConfig(context.cwd)?.cluster && existsSync(appFile)) {
      return validateAppFile(context, appFile);
    }
    if (values.dir !== undefined) {
      const dir = resolve(context.cwd, values.dir);
      // A write a killed synth left half done is finished or undone first: never validate a mixed tree.
      const recovered = describeRecovery(dir, await recoverTree(dir));
      if (recovered) context.stderr.write(`${recovered}\n`);
      const files = await step(context, `reading ${dir}`, () => readYamlTree(dir));
      const { problems, order } = validateClusterTree(files);
      for (const [env, names] of Object.entries(order)) context.stdout.write(`${env}: Flux order ${names.map((n) => n.replace(/^flux-system\//, '')).join(' → ')}\n`);
      for (const problem of problems) context.stderr.write(`${problem.file}: ${problem.message}\n`);
      context.stdout.write(problems.length === 0 ? `${files.length} files valid\n` : '');
      return problems.length === 0 ? 0 : 1;
    }
    const { files, cluster } = await synthesizeAndValidate(context, values.cluster);
    if (!files) return 1;
    context.stdout.write(`cluster definition and ${files.length} synthesized files valid\n`);
    printSummary(context, cluster, files);
    return 0;
  },
};

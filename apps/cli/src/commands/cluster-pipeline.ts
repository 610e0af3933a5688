import {
  formatClusterSummary,
  parseClusterDefinition,
  summarizeClusterTree,
  synthesizeClusterTree,
  validateClusterTree,
  type ResolvedCluster,
} from '@sugarkube/cluster';
import type { GeneratedFile } from '@sugarkube/core';
import type { CommandContext } from '../context.js';
import { loadCluster } from '../io/load-cluster.js';

/** A step with progress on stderr: `› name… done (12 ms)`. */
export async function step<T>(context: CommandContext, name: string, run: () => T | Promise<T>): Promise<T> {
  context.stderr.write(`› ${name}… `);
  const started = performance.now();
  try {
    const value = await run();
    context.stderr.write(`done (${Math.round(performance.now() - started)} ms)\n`);
    return value;
  } catch (error) {
    context.stderr.write('failed\n');
    throw error;
  }
}

export interface PipelineOutcome {
  /** The synthesized files, when the definition and the tree are valid. */
  readonly files: readonly GeneratedFile[] | undefined;
  readonly cluster: ResolvedCluster | undefined;
  /** Where synth writes by default (package.json `sugarkube.out`, else the cluster repo root). */
  readonly out: string;
  /** The pins file of the cluster module. */
  readonly pinsPath: string;
}

/**
 * Loads the cluster module and its pins, validates the definition (every error at once),
 * synthesizes the tree in memory and validates its structure. Nothing is written here: a
 * failed run leaves the previous output as it was.
 */
export async function synthesizeAndValidate(context: CommandContext, clusterOption: string | undefined): Promise<PipelineOutcome> {
  const loaded = await loadCluster(context.cwd, clusterOption);
  const base = { out: loaded.out, pinsPath: loaded.pinsPath };
  const parsed = await step(context, `validating ${loaded.source}`, () => parseClusterDefinition(loaded.module.definition, loaded.pins));
  for (const warning of parsed.warnings) context.stderr.write(`warning: ${warning.message}\n`);
  if (!parsed.value) {
    context.stderr.write(`${parsed.errors.length} error(s) in the cluster definition:\n${parsed.errors.map((e) => `  ${e.message}\n`).join('')}`);
    return { files: undefined, cluster: undefined, ...base };
  }
  const cluster = parsed.value;
  const files = await step(context, 'synthesizing the tree', () => synthesizeClusterTree(cluster));
  const checked = await step(context, `checking ${files.length} files (kustomizations, paths, dependsOn, Flux APIs)`, () => validateClusterTree(files));
  if (checked.problems.length > 0) {
    context.stderr.write(`${checked.problems.length} problem(s) in the synthesized tree:\n${checked.problems.map((p) => `  ${p.file}: ${p.message}\n`).join('')}`);
    return { files: undefined, cluster, ...base };
  }
  for (const [env, order] of Object.entries(checked.order)) {
    context.stdout.write(`${env}: Flux order ${order.map((n) => n.replace(/^flux-system\//, '')).join(' → ')}\n`);
  }
  return { files, cluster, ...base };
}

/** Prints objects per kind and requests against capacity per environment. */
export function printSummary(context: CommandContext, cluster: ResolvedCluster | undefined, files: readonly GeneratedFile[]): void {
  if (cluster) context.stdout.write(formatClusterSummary(summarizeClusterTree(cluster, files)));
}

import {
  parseClusterDefinition,
  summarizeClusterTree,
  synthesizeClusterTree,
  validateClusterTree,
  type ClusterSummary,
  type ResolvedCluster,
} from '@sugarkube/cluster';
import type { GeneratedFile, Issue } from '@sugarkube/core';
import { inputError, type Problem } from '../cli-error.js';
import type { RunInput } from '../command.js';
import { loadCluster, shownPath, type LoadedCluster } from '../io/load-cluster.js';
import { withoutImpliedIssues } from '../issues/without-implied-issues.js';

/** A definition synthesized in memory and checked; nothing written. */
export interface SynthesizedCluster {
  readonly loaded: LoadedCluster;
  readonly cluster: ResolvedCluster;
  readonly files: readonly GeneratedFile[];
  /** Flux's apply order per environment (Kustomization names, without `flux-system/`). */
  readonly order: Readonly<Record<string, readonly string[]>>;
  readonly warnings: readonly Problem[];
}

/** An issue of the definition or its pins as a problem on the file it is in. */
function issueProblem(cwd: string, loaded: LoadedCluster, issue: Issue): Problem {
  const file = issue.path.startsWith('pins') ? loaded.pinsPath : loaded.source;
  return { message: `${shownPath(cwd, file)}: ${issue.message}`, file };
}

/**
 * Loads the cluster module and its pins (or `pins`, a promotion's new pins), validates the
 * definition (every error at once), synthesizes the tree in memory and validates its structure.
 * Bad input throws a CliError (exit 2) with one problem per line; nothing is written.
 */
export async function synthesizeCluster(
  input: Pick<RunInput, 'context' | 'progress'>,
  clusterOption: string | undefined,
  pins?: unknown,
): Promise<SynthesizedCluster> {
  const { cwd } = input.context;
  const loaded = await input.progress('loading the cluster module', () => loadCluster(cwd, clusterOption));
  const parsed = await input.progress(`validating ${shownPath(cwd, loaded.source)}`, () =>
    parseClusterDefinition(loaded.module.definition, pins ?? loaded.pins),
  );
  const warnings = parsed.warnings.map((w) => issueProblem(cwd, loaded, w));
  if (!parsed.value) throw inputError(withoutImpliedIssues(parsed.errors).map((e) => issueProblem(cwd, loaded, e)));
  const cluster = parsed.value;
  const files = await input.progress('synthesizing the tree', () => synthesizeClusterTree(cluster));
  const checked = await input.progress(
    `checking ${files.length} files (kustomizations, paths, dependsOn, Flux APIs)`,
    () => validateClusterTree(files),
  );
  if (checked.problems.length > 0) {
    throw inputError(
      checked.problems.map((p) => ({
        message: `${shownPath(cwd, loaded.source)}: the synthesized ${p.file}: ${p.message}`,
        file: loaded.source,
      })),
    );
  }
  const order = Object.fromEntries(
    Object.entries(checked.order).map(([env, names]) => [env, names.map((n) => n.replace(/^flux-system\//, ''))]),
  );
  return { loaded, cluster, files, order, warnings };
}

/** Objects per kind and requests against capacity, for the report. */
export function clusterSummary(synthesized: SynthesizedCluster): ClusterSummary {
  return summarizeClusterTree(synthesized.cluster, synthesized.files);
}

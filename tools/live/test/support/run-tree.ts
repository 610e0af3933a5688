import {
  parseClusterDefinition,
  synthesizeClusterTree,
  type ClusterDefinition,
  type PinsInput,
} from '@sugarkube/cluster';
import type { App } from '@sugarkube/manifests';
import { sugarkubeCluster } from '@sugarkube/sugarkube-cluster';
import { liveRewrite, type LiveEdit, type LiveEndpoints, type RepoFile } from '../../src/index.js';
import { notesApp, notesRepository } from './notes-app.js';

/** One app of the run: the real clusters' four, and the notes app of the data-safety proof. */
export interface RunAppSpec {
  readonly app: App;
  /** The repository URL the cluster definition names (github.com). */
  readonly url: string;
  /** The environments it runs in. */
  readonly environments: readonly string[];
  /** The example app repo under `examples/` whose files are committed, or none (generated). */
  readonly example?: string;
}

export const environments = Object.keys(sugarkubeCluster.environments) as readonly string[];

/** The cluster repository's URL in the definition (github.com) and its path on the git server. */
export const clusterRepoUrl = sugarkubeCluster.repository!.url;

/** The kubeconfig context each environment's cluster is reached through (`sugar-staging`, …). */
export function kubeContext(env: string): string {
  return sugarkubeCluster.environments[env]!.kubeContext ?? `sugarkube-${env}`;
}

/** The apps of the run: every app of the real definition, plus notes in staging. */
export function runApps(): RunAppSpec[] {
  return [
    ...sugarkubeCluster.apps.map((a) => ({
      app: a.app as App,
      url: a.repository!.url,
      environments: a.environments ?? environments,
      example: (a.app as App).descriptor.name,
    })),
    { app: notesApp, url: notesRepository, environments: ['staging'] },
  ];
}

/** The path of a github.com URL (`owner/repo`): the repository's name on the git server. */
export function repoPath(url: string): string {
  const match = /^https:\/\/github\.com\/([^/]+\/[^/]+)$/.exec(url);
  if (!match) throw new Error(`expected https://github.com/<owner>/<repo>, received ${url}`);
  return match[1]!;
}

/**
 * The real cluster definition (apps/cluster) with the notes app added to staging, and the
 * definition's own settings otherwise. `without` leaves apps out (the removal proof).
 */
export function runDefinition(without: readonly string[] = []): ClusterDefinition {
  return {
    ...sugarkubeCluster,
    apps: [
      ...sugarkubeCluster.apps,
      { app: notesApp, repository: { url: notesRepository }, environments: ['staging'] },
    ].filter((a) => !without.includes((a.app as App).descriptor.name)),
  };
}

export interface RunTree {
  /** The synthesized tree as committed: rewritten for the run. */
  readonly files: RepoFile[];
  readonly edits: LiveEdit[];
  /** The definition's warnings (the sealed secrets not committed yet), by path. */
  readonly warnings: string[];
}

/**
 * `sugarkube synth` of the run's definition with the run's pins (the real synthesizer), then the
 * live rewrite. Throws with every definition error, or an object the rewrite cannot serve.
 */
export function synthesizeRunTree(pins: PinsInput, endpoints: LiveEndpoints, without: readonly string[] = []): RunTree {
  const parsed = parseClusterDefinition(runDefinition(without), pins);
  if (parsed.errors.length > 0 || !parsed.value)
    throw new Error(`the run's cluster definition: ${parsed.errors.map((e) => e.message).join('; ')}`);
  const rewrite = liveRewrite(synthesizeClusterTree(parsed.value), endpoints);
  if (rewrite.problems.length > 0) throw new Error(`the run's tree: ${rewrite.problems.join('; ')}`);
  return { files: rewrite.files, edits: rewrite.edits, warnings: parsed.warnings.map((w) => w.path) };
}

import type { RepoFile } from '../../src/index.js';
import { exampleFiles, publishAppRepo, type RunAppRepo } from './app-repos.js';
import { getObject, rolledOut, requestReconcile, templateImages, until, type KubeItem } from './kube.js';
import { runEpoch, type LiveRun } from './live-run.js';
import { notesRepoFiles } from './notes-app.js';

/** When each step of one image bump was first seen, in ms after the push finished. */
export interface BumpTimeline {
  /** image-reflector-controller: the ImagePolicy's latestRef names the new tag. */
  readonly policy: number;
  /** image-automation-controller: its commit is on the cluster repo's branch. */
  readonly commit: number;
  /** source-controller: the GitRepository's artifact is that commit. */
  readonly source: number;
  /** kustomize-controller: the Deployment's template names the new tag. */
  readonly applied: number;
  /** kube-controller-manager + scheduler + kwok: every replica of the new template Ready. */
  readonly running: number;
}

export interface Bump {
  readonly before: RunAppRepo;
  readonly after: RunAppRepo;
  /** The cluster repo's head before the automation's commit, and the commit. */
  readonly previousHead: string;
  readonly automationCommit: string;
  readonly timeline: BumpTimeline;
  /** How long the build and push of the new tag took (ms). */
  readonly publishMs: number;
}

/**
 * One build on main: a new commit to the app's repository (`change`), its image built with the
 * commit as its revision label and pushed with its sortable tag; then a scan of the app's
 * ImageRepository is requested (what a registry webhook would do: its own interval is 5 min) and
 * everything after runs on the controllers' own watches and intervals, timed step by step up to
 * the staging Deployment running the new image.
 */
export async function bumpImage(
  run: LiveRun,
  app: string,
  date: number,
  change: (files: readonly RepoFile[]) => RepoFile[],
  timeoutMs: number,
): Promise<Bump> {
  const before = run.repos.get(app)!;
  const staging = run.clusters.staging!;
  const previousHead = await run.servers.git.head(run.clusterRepo);
  const t0 = Date.now();
  const after = await publishAppRepo(
    before.spec,
    run.servers,
    run.endpoints,
    { store: run.store, buildArgs: run.buildArgs },
    {
      date,
      files: change(before.spec.example ? exampleFiles(before.spec.example) : notesRepoFiles()),
      // The same SOURCE_DATE_EPOCH as the first build: only the layers `change` touches are rebuilt.
      // (buildah 1.28's layer cache does not key a LABEL on its build arguments: a new revision
      // label alone gives the cached image back, the same digest; the change must reach a file.)
      labelRevision: true,
      epoch: runEpoch,
    },
  );
  const publishMs = Date.now() - t0;
  const pushed = Date.now();
  const service = before.spec.app.descriptor.services[0]!.name;
  const policyName = `${app}-${service}`;
  await requestReconcile(staging, 'imagerepository', policyName, 'flux-system');
  const seen: Partial<Record<keyof BumpTimeline, number>> = {};
  const mark = (step: keyof BumpTimeline) => (seen[step] ??= Date.now() - pushed);
  let automationCommit = '';
  await until(
    `${app}: staging runs ${after.tag}`,
    async () => {
      const policy = await getObject<KubeItem>(staging, 'imagepolicy', policyName, 'flux-system');
      if ((policy?.status?.latestRef as { tag?: string } | undefined)?.tag === after.tag) mark('policy');
      const head = await run.servers.git.head(run.clusterRepo);
      if (head !== previousHead) {
        automationCommit = head;
        mark('commit');
      }
      const source = await getObject<KubeItem>(staging, 'gitrepository', 'flux-system', 'flux-system');
      const revision = (source?.status?.artifact as { revision?: string } | undefined)?.revision ?? '';
      if (automationCommit && revision.endsWith(automationCommit)) mark('source');
      const deployment = await getObject(staging, 'deployment', service, app);
      if (templateImages(deployment).some((i) => i.endsWith(`:${after.tag}`))) {
        mark('applied');
        if (rolledOut(deployment)) return mark('running');
      }
      return undefined;
    },
    timeoutMs,
  );
  for (const step of ['policy', 'commit', 'source', 'applied', 'running'] as const)
    if (seen[step] === undefined) throw new Error(`${app}: the bump reached "running" without "${step}" being seen`);
  run.repos.set(app, after);
  return { before, after, previousHead, automationCommit, timeline: seen as BumpTimeline, publishMs };
}

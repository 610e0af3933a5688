/**
 * The event fixtures of docker/metadata-action's tests (`__tests__/fixtures/*.env` and
 * their event JSON), reduced to what the preview reads, and the harness that runs one
 * upstream row. The repo fixture (`repo.json`) has default branch `master`; the tests
 * freeze both clocks (`Date.toISOString` and every `moment()` call) at
 * 2020-01-10T00:30:00.000Z, so `date` and `commit_date` are that instant.
 *
 * `ref`/`sha` are what metadata-action's `getContext` hands to `Meta`: for
 * `pull_request_target` it rewrites the ref to `refs/pull/<payload.number>/merge`, and
 * with `DOCKER_METADATA_PR_HEAD_SHA=true` a pull request's sha becomes the payload's
 * `pull_request.head.sha`. `baseRef` is the payload's `base_ref` (tag push) or
 * `pull_request.base.ref`; `''` where the fixture has no payload or the payload none.
 */
import { previewMetadata, type PreviewTagsInput, type TagPreview } from '../../src/tags/index.js';

export type Fixture = Pick<PreviewTagsInput, 'eventName' | 'ref' | 'sha' | 'baseRef'>;

const sha860 = '860c1904a1ce19322e91ac35af1ab07466440c37';
const sha266 = '266574110acf203503badf966df2ea24b5d732d7';
/** `pull_request.head.sha` of event_pull_request.json and event_pull_request_target.json. */
export const prHeadSha = '3370e228f2209994d57af4427fe64e71bb79ac96';
const tag = (name: string, baseRef = ''): Fixture => ({
  eventName: 'push',
  ref: `refs/tags/${name}`,
  sha: sha860,
  baseRef,
});

export const fixtures: Record<string, Fixture> = {
  'event_empty.env': { eventName: '', ref: '', sha: '' },
  'event_push_dev.env': { eventName: 'push', ref: 'refs/heads/dev', sha: sha860 },
  'event_push_master.env': { eventName: 'push', ref: 'refs/heads/master', sha: sha266 },
  'event_push_invalidchars.env': {
    eventName: 'push',
    ref: 'refs/heads/my/feature#1245',
    sha: '983315b5e8d46e46fc4c49869e85e7ee5fb289ba',
  },
  'event_workflow_dispatch.env': { eventName: 'workflow_dispatch', ref: 'refs/heads/master', sha: sha860 },
  'event_schedule.env': { eventName: 'schedule', ref: 'refs/heads/master', sha: sha860 },
  'event_tag_release1.env': tag('release1'),
  'event_tag_20200110-RC2.env': tag('20200110-RC2'),
  // event_tag_v1.1.1.json carries base_ref refs/heads/master (test tag20 expects "master-foo").
  'event_tag_v1.1.1.env': tag('v1.1.1', 'refs/heads/master'),
  'event_tag_sometag.env': tag('sometag'),
  'event_tag_v2.0.8-beta.67.env': tag('v2.0.8-beta.67'),
  'event_tag_p1-v1.0.0.env': tag('p1/v1.0.0'),
  'event_tag_1.2.env': tag('1.2'),
  'event_tag_1.1beta2.env': tag('1.1beta2'),
  'event_tag_1.0dev4.env': tag('1.0dev4'),
  'event_tag_1.2.3rc2.env': tag('1.2.3rc2'),
  'event_tag_1.2post1.env': tag('1.2post1'),
  'event_tag_v1.2.3rc2.env': tag('v1.2.3rc2'),
  'event_release_created.env': { eventName: 'release', ref: 'refs/tags/v1.1.1', sha: sha860, baseRef: '' },
  // event_pull_request.json: number 15, base branch master.
  'event_pull_request.env': {
    eventName: 'pull_request',
    ref: 'refs/pull/15/merge',
    sha: 'a9c8c5828b91be19d9728548b24759e352367ef1',
    baseRef: 'master',
  },
  // GITHUB_REF refs/heads/master, payload number 15: getContext makes it refs/pull/15/merge.
  'event_pull_request_target.env': {
    eventName: 'pull_request_target',
    ref: 'refs/pull/15/merge',
    sha: sha266,
    baseRef: 'master',
  },
};

export const frozenClock = '2020-01-10T00:30:00.000Z';
export const repoDefaultBranch = 'master';

/** One upstream row's inputs, as upstream's `Inputs` (lists already split: its tests bypass list parsing). */
export interface Inputs {
  readonly images: readonly string[];
  readonly tags?: readonly string[];
  readonly flavor?: readonly string[];
}

/** Runs `Meta` the way upstream's `tagsLabelsTest` does, on the preview. */
export function runUpstream(fixture: string, inputs: Inputs, options: { prHeadSha?: boolean } = {}): TagPreview {
  const event = fixtures[fixture];
  if (!event) throw new Error(`fixture ${fixture} not transcribed`);
  const headSha = options.prHeadSha && /pull_request/.test(event.eventName) ? { sha: prHeadSha } : {};
  return previewMetadata({
    ...event,
    ...headSha,
    defaultBranch: repoDefaultBranch,
    timestamp: frozenClock,
    commitTimestamp: frozenClock,
    images: inputs.images,
    ...(inputs.tags ? { tags: inputs.tags } : {}),
    ...(inputs.flavor ? { flavor: inputs.flavor } : {}),
  });
}

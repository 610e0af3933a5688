/**
 * The event fixtures of docker/metadata-action's tests
 * (`__tests__/fixtures/*.env`), reduced to what the preview reads. The repo
 * fixture (`repo.json`) has default branch `master`; the tests freeze both
 * clocks (`Date.toISOString` and moment) at 2020-01-10T00:30:00.000Z.
 */
import type { PreviewTagsInput } from '../../src/index.js';

export type Fixture = Pick<PreviewTagsInput, 'eventName' | 'ref' | 'sha' | 'baseRef'>;

const sha860 = '860c1904a1ce19322e91ac35af1ab07466440c37';

export const fixtures: Record<string, Fixture> = {
  'event_empty.env': { eventName: '', ref: '', sha: '' },
  'event_push_dev.env': { eventName: 'push', ref: 'refs/heads/dev', sha: sha860 },
  'event_push_master.env': { eventName: 'push', ref: 'refs/heads/master', sha: '266574110acf203503badf966df2ea24b5d732d7' },
  'event_push_invalidchars.env': { eventName: 'push', ref: 'refs/heads/my/feature#1245', sha: '983315b5e8d46e46fc4c49869e85e7ee5fb289ba' },
  'event_workflow_dispatch.env': { eventName: 'workflow_dispatch', ref: 'refs/heads/master', sha: sha860 },
  'event_schedule.env': { eventName: 'schedule', ref: 'refs/heads/master', sha: sha860 },
  'event_tag_release1.env': { eventName: 'push', ref: 'refs/tags/release1', sha: sha860 },
  'event_tag_20200110-RC2.env': { eventName: 'push', ref: 'refs/tags/20200110-RC2', sha: sha860 },
  // event_tag_v1.1.1.json carries base_ref refs/heads/master (test tag20 expects "master-foo").
  'event_tag_v1.1.1.env': { eventName: 'push', ref: 'refs/tags/v1.1.1', sha: sha860, baseRef: 'refs/heads/master' },
  'event_tag_sometag.env': { eventName: 'push', ref: 'refs/tags/sometag', sha: sha860 },
  'event_tag_v2.0.8-beta.67.env': { eventName: 'push', ref: 'refs/tags/v2.0.8-beta.67', sha: sha860 },
  'event_tag_p1-v1.0.0.env': { eventName: 'push', ref: 'refs/tags/p1/v1.0.0', sha: sha860 },
  'event_release_created.env': { eventName: 'release', ref: 'refs/tags/v1.1.1', sha: sha860 },
  // event_pull_request.json: base branch master.
  'event_pull_request.env': { eventName: 'pull_request', ref: 'refs/pull/15/merge', sha: 'a9c8c5828b91be19d9728548b24759e352367ef1', baseRef: 'master' },
};

export const frozenClock = '2020-01-10T00:30:00.000Z';
export const repoDefaultBranch = 'master';

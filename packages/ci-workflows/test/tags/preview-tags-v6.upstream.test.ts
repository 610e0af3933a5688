/**
 * docker/metadata-action's own test cases (`__tests__/meta.test.ts` of the v6.0.0 tree),
 * part 2: every row part 1 does not carry. `type=pep440` (13 rows: push12, push14,
 * tag23–tag30, tag32, tag33, push35), `{{is_not_default_branch}}` (push22), a quoted
 * `"match=…"` attribute (tag34, push35), the pull_request_target fixture (pr07–pr10),
 * the `pr-head-sha` block run with DOCKER_METADATA_PR_HEAD_SHA=true (12 rows) and
 * latest09 (whose labels the preview does not compute; its version and tags are
 * checked). Expected versions and tags verbatim. Not ported: null01 (its fixture
 * event_null.env is not in the upstream tree) and the json/bakeFile/sepTags blocks
 * (output formats of the same tags).
 */
import { describe, expect, it } from 'vitest';
import type { TagVersion } from '../../src/tags/index.js';
import { runUpstream, type Inputs } from './upstream-fixtures.js';

type Row = [id: string, fixture: string, inputs: Inputs, version: TagVersion, tags: string[]];

const two = ['org/app', 'ghcr.io/user/app'];
const v = (main: string | undefined, partial: string[], latest: boolean): TagVersion => ({ main, partial, latest });
const both = (...tags: string[]) => [...tags.map((t) => `org/app:${t}`), ...tags.map((t) => `ghcr.io/user/app:${t}`)];
const pep = (...patterns: string[]) => patterns.map((p) => `type=pep440,pattern=${p}`);

export const pep440Rows: Row[] = [
  [
    'push12',
    'event_push_invalidchars.env',
    { images: two, tags: ['type=semver,pattern={{version}}', 'type=pep440,pattern={{version}}', 'type=edge'] },
    v(undefined, [], false),
    [],
  ],
  [
    'push14',
    'event_push_master.env',
    {
      images: ['user/app'],
      tags: [
        'type=semver,pattern={{version}},value=v1.2.3',
        'type=pep440,pattern={{version}},value=v1.2.3',
        'type=edge',
      ],
    },
    v('1.2.3', ['edge'], true),
    ['user/app:1.2.3', 'user/app:edge', 'user/app:latest'],
  ],
  [
    'tag23',
    'event_tag_v1.1.1.env',
    { images: ['org/app'], tags: pep('{{raw}}', '{{major}}.{{minor}}') },
    v('v1.1.1', ['1.1'], true),
    ['org/app:v1.1.1', 'org/app:1.1', 'org/app:latest'],
  ],
  [
    'tag24',
    'event_tag_1.2.env',
    { images: ['org/app'], tags: pep('{{version}}', '{{major}}.{{minor}}') },
    v('1.2', [], true),
    ['org/app:1.2', 'org/app:latest'],
  ],
  [
    'tag25',
    'event_tag_1.1beta2.env',
    { images: two, tags: pep('{{major}}.{{minor}}', '{{major}}') },
    v('1.1b2', [], false),
    both('1.1b2'),
  ],
  [
    'tag26',
    'event_tag_1.0dev4.env',
    { images: two, tags: pep('{{major}}.{{minor}}', '{{major}}') },
    v('1.0.dev4', [], false),
    both('1.0.dev4'),
  ],
  [
    'tag27',
    'event_tag_1.2.3rc2.env',
    { images: two, tags: pep('{{raw}}', '{{version}}', '{{major}}.{{minor}}', '{{major}}') },
    v('1.2.3rc2', [], false),
    both('1.2.3rc2'),
  ],
  [
    'tag28',
    'event_tag_v1.1.1.env',
    {
      images: ['org/app'],
      tags: pep('{{version}}', '{{major}}.{{minor}}.{{patch}}', '{{major}}.{{minor}}', '{{major}}'),
    },
    v('1.1.1', ['1.1', '1'], true),
    ['org/app:1.1.1', 'org/app:1.1', 'org/app:1', 'org/app:latest'],
  ],
  [
    'tag29',
    'event_tag_1.2post1.env',
    { images: ['org/app'], tags: pep('{{version}}', '{{major}}.{{minor}}', '{{major}}') },
    v('1.2.post1', [], false),
    ['org/app:1.2.post1'],
  ],
  [
    'tag30',
    'event_tag_sometag.env',
    {
      images: ['ghcr.io/user/app'],
      tags: ['type=ref,event=tag', ...pep('{{version}}', '{{major}}.{{minor}}', '{{major}}')],
      flavor: ['latest=false'],
    },
    v('sometag', [], false),
    ['ghcr.io/user/app:sometag'],
  ],
  [
    'tag32',
    'event_tag_v1.2.3rc2.env',
    { images: two, tags: pep('{{raw}}', '{{major}}.{{minor}}') },
    v('v1.2.3rc2', ['1.2.3rc2'], false),
    ['org/app:v1.2.3rc2', 'org/app:1.2.3rc2', 'ghcr.io/user/app:v1.2.3rc2', 'ghcr.io/user/app:1.2.3rc2'],
  ],
  [
    'tag33',
    'event_tag_v1.1.1.env',
    { images: [], tags: pep('{{version}}', '{{major}}.{{minor}}.{{patch}}', '{{major}}.{{minor}}', '{{major}}') },
    v('1.1.1', ['1.1', '1'], true),
    ['1.1.1', '1.1', '1', 'latest'],
  ],
  [
    'push35',
    'event_push_master.env',
    {
      images: ['user/app'],
      tags: [
        'type=semver,pattern={{version}},value=p1/v1.2.3,"match=v(\\d.\\d.\\d)$"',
        'type=pep440,pattern={{version}},value=p1/v1.2.3,"match=v(\\d.\\d.\\d)$"',
        'type=edge',
      ],
    },
    v('1.2.3', ['edge'], true),
    ['user/app:1.2.3', 'user/app:edge', 'user/app:latest'],
  ],
];

export const isNotDefaultBranchRows: Row[] = [
  [
    'push22',
    'event_push_dev.env',
    {
      images: ['org/app'],
      tags: [
        'type=edge,branch=master',
        'type=sha,format=long',
        'type=raw,value=notdefbranch,enable={{is_not_default_branch}}',
      ],
    },
    v('notdefbranch', ['sha-860c1904a1ce19322e91ac35af1ab07466440c37'], false),
    ['org/app:notdefbranch', 'org/app:sha-860c1904a1ce19322e91ac35af1ab07466440c37'],
  ],
];

export const quotedMatchRows: Row[] = [
  [
    'tag34',
    'event_tag_p1-v1.0.0.env',
    { images: ['org/app'], tags: ['type=semver,pattern={{version}},"match=v(\\d.\\d.\\d)$"'] },
    v('1.0.0', [], true),
    ['org/app:1.0.0', 'org/app:latest'],
  ],
];

const prTargetRows: Row[] = [
  [
    'pr07',
    'event_pull_request_target.env',
    { images: two, tags: ['type=sha,priority=2000', 'type=ref,event=pr'] },
    v('sha-2665741', ['pr-15'], false),
    both('sha-2665741', 'pr-15'),
  ],
  [
    'pr08',
    'event_pull_request_target.env',
    { images: two, tags: ['type=ref,event=pr,prefix='], flavor: ['prefix=glo-', 'suffix=-bal'] },
    v('15-bal', [], false),
    both('15-bal'),
  ],
  [
    'pr09',
    'event_pull_request_target.env',
    {
      images: ['org/app'],
      tags: ['type=ref,event=tag', 'type=ref,event=pr', 'type=ref,event=branch', 'type=sha', 'type=sha,format=long'],
    },
    v('pr-15', ['sha-2665741', 'sha-266574110acf203503badf966df2ea24b5d732d7'], false),
    ['org/app:pr-15', 'org/app:sha-2665741', 'org/app:sha-266574110acf203503badf966df2ea24b5d732d7'],
  ],
  [
    'pr10',
    'event_pull_request_target.env',
    {
      images: ['org/app'],
      tags: ['type=raw,value=mytag-{{base_ref}}', 'type=raw,mytag-defbranch,enable={{is_default_branch}}'],
    },
    v('mytag-master', [], false),
    ['org/app:mytag-master'],
  ],
];

const prHeadShaRows: Row[] = [
  ['pr01', 'event_pull_request.env', { images: ['user/app'] }, v('pr-15', [], false), ['user/app:pr-15']],
  ['pr02', 'event_pull_request.env', { images: two }, v('pr-15', [], false), both('pr-15')],
  [
    'pr03',
    'event_pull_request.env',
    { images: two, tags: ['type=ref,event=pr', 'type=sha'] },
    v('pr-15', ['sha-3370e22'], false),
    both('pr-15', 'sha-3370e22'),
  ],
  [
    'pr04',
    'event_pull_request.env',
    { images: two, tags: ['type=sha,priority=2000', 'type=ref,event=pr'] },
    v('sha-3370e22', ['pr-15'], false),
    both('sha-3370e22', 'pr-15'),
  ],
  [
    'pr05',
    'event_pull_request.env',
    { images: two, tags: ['type=ref,event=pr'], flavor: ['prefix=glo-', 'suffix=-bal'] },
    v('pr-15-bal', [], false),
    both('pr-15-bal'),
  ],
  [
    'pr06',
    'event_pull_request.env',
    { images: two, tags: ['type=ref,event=pr,prefix='], flavor: ['prefix=glo-', 'suffix=-bal'] },
    v('15-bal', [], false),
    both('15-bal'),
  ],
  [
    'pr07',
    'event_pull_request_target.env',
    { images: two, tags: ['type=sha,priority=2000', 'type=ref,event=pr'] },
    v('sha-3370e22', ['pr-15'], false),
    both('sha-3370e22', 'pr-15'),
  ],
  [
    'pr08',
    'event_pull_request_target.env',
    { images: two, tags: ['type=ref,event=pr,prefix='], flavor: ['prefix=glo-', 'suffix=-bal'] },
    v('15-bal', [], false),
    both('15-bal'),
  ],
  [
    'pr09',
    'event_pull_request_target.env',
    {
      images: ['org/app'],
      tags: ['type=ref,event=tag', 'type=ref,event=pr', 'type=ref,event=branch', 'type=sha', 'type=sha,format=long'],
    },
    v('pr-15', ['sha-3370e22', 'sha-3370e228f2209994d57af4427fe64e71bb79ac96'], false),
    ['org/app:pr-15', 'org/app:sha-3370e22', 'org/app:sha-3370e228f2209994d57af4427fe64e71bb79ac96'],
  ],
  [
    'pr10',
    'event_pull_request_target.env',
    {
      images: ['org/app'],
      tags: ['type=raw,value=mytag-{{base_ref}}', 'type=raw,mytag-defbranch,enable={{is_default_branch}}'],
    },
    v('mytag-master', [], false),
    ['org/app:mytag-master'],
  ],
  [
    'pr11',
    'event_pull_request.env',
    {
      images: ['org/app'],
      tags: ['type=raw,value=mytag-{{base_ref}}', 'type=raw,mytag-defbranch,enable={{is_default_branch}}'],
    },
    v('mytag-master', [], false),
    ['org/app:mytag-master'],
  ],
  [
    'pr12',
    'event_pull_request.env',
    { images: ['org/app'], tags: ['type=raw,value=src-{{commit_date YYYY-MM-DD}}'] },
    v('src-2020-01-10T00-30-00Z', [], false),
    ['org/app:src-2020-01-10T00-30-00Z'],
  ],
];

const latestRows: Row[] = [
  [
    'latest09',
    'event_tag_v1.1.1.env',
    { images: ['org/app', 'ghcr.io/MyUSER/MyApp'], tags: ['type=ref,event=tag'], flavor: ['latest=false'] },
    v('v1.1.1', [], false),
    ['org/app:v1.1.1', 'ghcr.io/myuser/myapp:v1.1.1'],
  ],
];

const check =
  (prHeadSha: boolean) => (_id: string, fixture: string, inputs: Inputs, version: TagVersion, tags: string[]) => {
    const result = runUpstream(fixture, inputs, { prHeadSha });
    expect(result.version).toEqual(version);
    expect(result.tags).toEqual(tags);
  };

describe('docker/metadata-action __tests__/meta.test.ts (v6.0.0), ported: part 2', () => {
  describe('type=pep440', () => it.each(pep440Rows)('%s (%s)', check(false)));
  describe('{{is_not_default_branch}}', () => it.each(isNotDefaultBranchRows)('%s (%s)', check(false)));
  describe('quoted "match=…" attribute', () => it.each(quotedMatchRows)('%s (%s)', check(false)));
  describe('pr, pull_request_target', () => it.each(prTargetRows)('%s (%s)', check(false)));
  describe('pr-head-sha (DOCKER_METADATA_PR_HEAD_SHA=true)', () => it.each(prHeadShaRows)('%s (%s)', check(true)));
  describe('latest', () => it.each(latestRows)('%s (%s)', check(false)));
});

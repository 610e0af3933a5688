/**
 * docker/metadata-action's own test cases (`__tests__/meta.test.ts`), part 1: the rows
 * that run on the semver, match, edge, ref, raw, sha and schedule rule types. Source:
 * https://github.com/docker/metadata-action/blob/87ff116aea663b442e84ade2e0757db0646e3f10/__tests__/meta.test.ts
 * (each row checked unchanged in the file of the v6.0.0 tree). Each row keeps the
 * upstream describe block and test id (`push01`, `tag11`, …) and its expected version
 * and tags verbatim; inputs are passed as upstream's tests pass them (lists already
 * split). The pep440, is_not_default_branch, quoted `match=`, pull_request_target and
 * DOCKER_METADATA_PR_HEAD_SHA rows are in preview-tags-v6.upstream.test.ts.
 */
import { describe, expect, it } from 'vitest';
import type { TagVersion } from '../../src/tags/index.js';
import { isRawStatement } from '../../src/tags/template.js';
import { runUpstream as run, type Inputs } from './upstream-fixtures.js';

type Row = [id: string, fixture: string, inputs: Inputs, version: TagVersion, tags: string[]];

const two = ['org/app', 'ghcr.io/user/app'];
const v = (main: string | undefined, partial: string[], latest: boolean): TagVersion => ({ main, partial, latest });

const blocks: Record<string, Row[]> = {
  null: [
    [
      'null02',
      'event_empty.env',
      { images: ['user/app'], tags: ['type=sha', 'type=raw,{{branch}}'] },
      v(undefined, [], false),
      [],
    ],
  ],
  push: [
    ['push01', 'event_push_dev.env', { images: ['user/app'] }, v('dev', [], false), ['user/app:dev']],
    [
      'push02',
      'event_push_master.env',
      { images: ['user/app'], tags: ['type=edge'] },
      v('edge', [], false),
      ['user/app:edge'],
    ],
    ['push03', 'event_push_master.env', { images: ['user/app'] }, v('master', [], false), ['user/app:master']],
    [
      'push04',
      'event_workflow_dispatch.env',
      { images: ['user/app'], tags: ['type=edge'] },
      v('edge', [], false),
      ['user/app:edge'],
    ],
    ['push05', 'event_push_dev.env', { images: two }, v('dev', [], false), ['org/app:dev', 'ghcr.io/user/app:dev']],
    [
      'push06',
      'event_push_master.env',
      { images: two, tags: ['type=edge'] },
      v('edge', [], false),
      ['org/app:edge', 'ghcr.io/user/app:edge'],
    ],
    [
      'push07',
      'event_push_dev.env',
      { images: two, tags: ['type=ref,event=branch', 'type=sha'] },
      v('dev', ['sha-860c190'], false),
      ['org/app:dev', 'org/app:sha-860c190', 'ghcr.io/user/app:dev', 'ghcr.io/user/app:sha-860c190'],
    ],
    [
      'push08',
      'event_push_master.env',
      { images: two, tags: ['type=edge', 'type=sha'] },
      v('edge', ['sha-2665741'], false),
      ['org/app:edge', 'org/app:sha-2665741', 'ghcr.io/user/app:edge', 'ghcr.io/user/app:sha-2665741'],
    ],
    [
      'push09',
      'event_push_dev.env',
      { images: two, tags: ['type=edge,branch=dev', 'type=sha'] },
      v('edge', ['sha-860c190'], false),
      ['org/app:edge', 'org/app:sha-860c190', 'ghcr.io/user/app:edge', 'ghcr.io/user/app:sha-860c190'],
    ],
    [
      'push10',
      'event_push_master.env',
      { images: two, tags: ['type=edge,branch=dev', 'type=sha'] },
      v('sha-2665741', [], false),
      ['org/app:sha-2665741', 'ghcr.io/user/app:sha-2665741'],
    ],
    [
      'push11',
      'event_push_invalidchars.env',
      { images: two, tags: ['type=edge', 'type=sha'] },
      v('sha-983315b', [], false),
      ['org/app:sha-983315b', 'ghcr.io/user/app:sha-983315b'],
    ],
    [
      'push13',
      'event_push_master.env',
      { images: ['user/app'], tags: ['type=ref,priority=2000,event=branch', 'type=edge'] },
      v('master', ['edge'], false),
      ['user/app:master', 'user/app:edge'],
    ],
    [
      'push15',
      'event_push_master.env',
      { images: ['user/app'], tags: ['type=match,pattern=v(.*),group=1,value=v1.2.3', 'type=edge'] },
      v('1.2.3', ['edge'], true),
      ['user/app:1.2.3', 'user/app:edge', 'user/app:latest'],
    ],
    [
      'push16',
      'event_push_master.env',
      { images: ['user/app'], tags: ['type=match,enable=false,pattern=v(.*),group=1,value=v1.2.3', 'type=edge'] },
      v('edge', [], false),
      ['user/app:edge'],
    ],
    [
      'push17',
      'event_push_master.env',
      {
        images: ['user/app'],
        tags: [
          'type=raw,value=mytag-{{branch}}',
          "type=raw,value=mytag-{{date 'YYYYMMDD'}}",
          "type=raw,value=mytag-cd-{{commit_date 'YYYYMMDD'}}",
          "type=raw,value=mytag-{{date 'YYYYMMDD-HHmmss' tz='Asia/Tokyo'}}",
          'type=raw,value=mytag-tag-{{tag}}',
          'type=raw,value=mytag-baseref-{{base_ref}}',
          'type=raw,value=mytag-defbranch,enable={{is_default_branch}}',
        ],
      },
      v(
        'mytag-master',
        [
          'mytag-20200110',
          'mytag-cd-20200110',
          'mytag-20200110-093000',
          'mytag-tag-',
          'mytag-baseref-',
          'mytag-defbranch',
        ],
        false,
      ),
      [
        'user/app:mytag-master',
        'user/app:mytag-20200110',
        'user/app:mytag-cd-20200110',
        'user/app:mytag-20200110-093000',
        'user/app:mytag-tag-',
        'user/app:mytag-baseref-',
        'user/app:mytag-defbranch',
      ],
    ],
    [
      'push18',
      'event_push_dev.env',
      { images: two, tags: ['type=ref,event=branch', 'type=sha,format=long'] },
      v('dev', ['sha-860c1904a1ce19322e91ac35af1ab07466440c37'], false),
      [
        'org/app:dev',
        'org/app:sha-860c1904a1ce19322e91ac35af1ab07466440c37',
        'ghcr.io/user/app:dev',
        'ghcr.io/user/app:sha-860c1904a1ce19322e91ac35af1ab07466440c37',
      ],
    ],
    [
      'push19',
      'event_push_dev.env',
      {
        images: two,
        tags: [
          'type=edge,branch=master',
          'type=ref,event=branch,enable=false',
          'type=sha,format=long',
          'type=raw,value=defbranch,enable={{is_default_branch}}',
        ],
      },
      v('sha-860c1904a1ce19322e91ac35af1ab07466440c37', [], false),
      [
        'org/app:sha-860c1904a1ce19322e91ac35af1ab07466440c37',
        'ghcr.io/user/app:sha-860c1904a1ce19322e91ac35af1ab07466440c37',
      ],
    ],
    [
      'push20',
      'event_push_dev.env',
      {
        images: ['org/app', 'ghcr.io/user/app,enable=false'],
        tags: ['type=edge,branch=master', 'type=ref,event=branch,enable=false', 'type=sha,format=long'],
      },
      v('sha-860c1904a1ce19322e91ac35af1ab07466440c37', [], false),
      ['org/app:sha-860c1904a1ce19322e91ac35af1ab07466440c37'],
    ],
    [
      'push21',
      'event_push_master.env',
      {
        images: [],
        tags: [
          'type=raw,value=mytag-{{branch}}',
          "type=raw,value=mytag-{{date 'YYYYMMDD'}}",
          "type=raw,value=mytag-{{date 'YYYYMMDD-HHmmss' tz='Asia/Tokyo'}}",
          "type=raw,value=mytag-src-{{commit_date 'YYYYMMDD'}}",
          'type=raw,value=mytag-tag-{{tag}}',
          'type=raw,value=mytag-baseref-{{base_ref}}',
          'type=raw,value=mytag-defbranch,enable={{is_default_branch}}',
        ],
      },
      v(
        'mytag-master',
        [
          'mytag-20200110',
          'mytag-20200110-093000',
          'mytag-src-20200110',
          'mytag-tag-',
          'mytag-baseref-',
          'mytag-defbranch',
        ],
        false,
      ),
      [
        'mytag-master',
        'mytag-20200110',
        'mytag-20200110-093000',
        'mytag-src-20200110',
        'mytag-tag-',
        'mytag-baseref-',
        'mytag-defbranch',
      ],
    ],
  ],
  tag: [
    [
      'tag01',
      'event_tag_release1.env',
      { images: ['user/app'] },
      v('release1', [], true),
      ['user/app:release1', 'user/app:latest'],
    ],
    [
      'tag02',
      'event_tag_20200110-RC2.env',
      { images: ['user/app'] },
      v('20200110-RC2', [], true),
      ['user/app:20200110-RC2', 'user/app:latest'],
    ],
    [
      'tag03',
      'event_tag_20200110-RC2.env',
      { images: ['user/app'], tags: ['type=match,pattern=\\d{8}'], flavor: ['latest=false'] },
      v('20200110', [], false),
      ['user/app:20200110'],
    ],
    [
      'tag04',
      'event_tag_20200110-RC2.env',
      { images: ['user/app'], tags: ['type=match,pattern=(.*)-RC,group=1'], flavor: ['latest=false'] },
      v('20200110', [], false),
      ['user/app:20200110'],
    ],
    [
      'tag05',
      'event_tag_v1.1.1.env',
      { images: two, tags: ['type=match,"pattern=\\d.\\d.\\d"'] },
      v('1.1.1', [], true),
      ['org/app:1.1.1', 'org/app:latest', 'ghcr.io/user/app:1.1.1', 'ghcr.io/user/app:latest'],
    ],
    [
      'tag06',
      'event_tag_v1.1.1.env',
      { images: two, tags: ['type=match,"pattern=^v(\\d.\\d.\\d)$",group=1'] },
      v('1.1.1', [], true),
      ['org/app:1.1.1', 'org/app:latest', 'ghcr.io/user/app:1.1.1', 'ghcr.io/user/app:latest'],
    ],
    [
      'tag07',
      'event_tag_v2.0.8-beta.67.env',
      { images: two, tags: ['type=match,"pattern=\\d.\\d.\\d-(alpha|beta).\\d+"'] },
      v('2.0.8-beta.67', [], true),
      ['org/app:2.0.8-beta.67', 'org/app:latest', 'ghcr.io/user/app:2.0.8-beta.67', 'ghcr.io/user/app:latest'],
    ],
    [
      'tag08',
      'event_tag_v2.0.8-beta.67.env',
      { images: two, tags: ['type=match,"pattern=\\d.\\d"'] },
      v('2.0', [], true),
      ['org/app:2.0', 'org/app:latest', 'ghcr.io/user/app:2.0', 'ghcr.io/user/app:latest'],
    ],
    [
      'tag09',
      'event_tag_v2.0.8-beta.67.env',
      {
        images: two,
        tags: ['type=match,"pattern=v(.*)-beta.(.*)",group=1', 'type=match,"pattern=v(.*)-beta.(.*)",group=2'],
      },
      v('2.0.8', ['67'], true),
      [
        'org/app:2.0.8',
        'org/app:67',
        'org/app:latest',
        'ghcr.io/user/app:2.0.8',
        'ghcr.io/user/app:67',
        'ghcr.io/user/app:latest',
      ],
    ],
    [
      'tag10',
      'event_tag_sometag.env',
      { images: two, tags: ['type=match,"pattern=\\d.\\d"'] },
      v(undefined, [], false),
      [],
    ],
    [
      'tag11',
      'event_tag_v1.1.1.env',
      {
        images: two,
        tags: [
          'type=semver,pattern={{version}}',
          'type=semver,pattern={{major}}.{{minor}}',
          'type=semver,pattern={{major}}',
        ],
      },
      v('1.1.1', ['1.1', '1'], true),
      [
        'org/app:1.1.1',
        'org/app:1.1',
        'org/app:1',
        'org/app:latest',
        'ghcr.io/user/app:1.1.1',
        'ghcr.io/user/app:1.1',
        'ghcr.io/user/app:1',
        'ghcr.io/user/app:latest',
      ],
    ],
    [
      'tag12',
      'event_tag_v1.1.1.env',
      { images: two, tags: ['type=semver,pattern={{version}}', 'type=semver,pattern={{major}}.{{minor}}.{{patch}}'] },
      v('1.1.1', [], true),
      ['org/app:1.1.1', 'org/app:latest', 'ghcr.io/user/app:1.1.1', 'ghcr.io/user/app:latest'],
    ],
    [
      'tag13',
      'event_tag_v2.0.8-beta.67.env',
      { images: two, tags: ['type=semver,pattern={{major}}.{{minor}}', 'type=semver,pattern={{major}}'] },
      v('2.0.8-beta.67', [], false),
      ['org/app:2.0.8-beta.67', 'ghcr.io/user/app:2.0.8-beta.67'],
    ],
    [
      'tag14',
      'event_tag_sometag.env',
      {
        images: ['ghcr.io/user/app'],
        tags: [
          'type=ref,event=tag',
          'type=semver,pattern={{version}}',
          'type=semver,pattern={{major}}.{{minor}}',
          'type=semver,pattern={{major}}',
        ],
        flavor: ['latest=false'],
      },
      v('sometag', [], false),
      ['ghcr.io/user/app:sometag'],
    ],
    [
      'tag15',
      'event_tag_v2.0.8-beta.67.env',
      {
        images: two,
        tags: ['type=raw,priority=2000,foo', 'type=semver,pattern={{version}}', 'type=match,"pattern=\\d.\\d"'],
      },
      v('foo', ['2.0.8-beta.67', '2.0'], false),
      [
        'org/app:foo',
        'org/app:2.0.8-beta.67',
        'org/app:2.0',
        'ghcr.io/user/app:foo',
        'ghcr.io/user/app:2.0.8-beta.67',
        'ghcr.io/user/app:2.0',
      ],
    ],
    [
      'tag16',
      'event_tag_v1.1.1.env',
      { images: two, tags: ['type=raw,priority=2000,foo', 'type=ref,event=tag', 'type=edge'] },
      v('foo', ['v1.1.1'], false),
      ['org/app:foo', 'org/app:v1.1.1', 'ghcr.io/user/app:foo', 'ghcr.io/user/app:v1.1.1'],
    ],
    [
      'tag17',
      'event_tag_p1-v1.0.0.env',
      {
        images: two,
        tags: [
          'type=match,"pattern=/^v(\\d.\\d.\\d)$/ig",group=1',
          'type=match,pattern=\\d.\\d.\\d',
          'type=match,pattern=\\d.\\d',
          'type=ref,event=pr',
          'type=sha',
        ],
      },
      v('1.0.0', ['1.0', 'sha-860c190'], true),
      [
        'org/app:1.0.0',
        'org/app:1.0',
        'org/app:sha-860c190',
        'org/app:latest',
        'ghcr.io/user/app:1.0.0',
        'ghcr.io/user/app:1.0',
        'ghcr.io/user/app:sha-860c190',
        'ghcr.io/user/app:latest',
      ],
    ],
    [
      'tag18',
      'event_tag_p1-v1.0.0.env',
      {
        images: two,
        tags: [
          'type=match,pattern=p1/v(\\d.\\d.\\d),group=1',
          'type=match,pattern=p1/v(\\d.\\d),group=1',
          'type=match,pattern=p1/v(\\d.\\d),group=3',
          'type=ref,event=pr',
          'type=sha',
        ],
      },
      v('1.0.0', ['1.0', 'sha-860c190'], true),
      [
        'org/app:1.0.0',
        'org/app:1.0',
        'org/app:sha-860c190',
        'org/app:latest',
        'ghcr.io/user/app:1.0.0',
        'ghcr.io/user/app:1.0',
        'ghcr.io/user/app:sha-860c190',
        'ghcr.io/user/app:latest',
      ],
    ],
    [
      'tag19',
      'event_tag_p1-v1.0.0.env',
      {
        images: two,
        tags: [
          'type=match,pattern=p1/v(\\d.\\d.\\d),group=1',
          'type=match,pattern=p1/v(\\d.\\d),group=1,suffix=',
          'type=ref,event=pr',
          'type=sha',
        ],
        flavor: ['suffix=-dev'],
      },
      v('1.0.0-dev', ['1.0', 'sha-860c190-dev'], true),
      [
        'org/app:1.0.0-dev',
        'org/app:1.0',
        'org/app:sha-860c190-dev',
        'org/app:latest',
        'ghcr.io/user/app:1.0.0-dev',
        'ghcr.io/user/app:1.0',
        'ghcr.io/user/app:sha-860c190-dev',
        'ghcr.io/user/app:latest',
      ],
    ],
    [
      'tag20',
      'event_tag_v1.1.1.env',
      {
        images: two,
        tags: [
          'type=raw,{{tag}}-{{sha}}-foo',
          'type=raw,{{base_ref}}-foo',
          'type=raw,defbranch-foo,enable={{is_default_branch}}',
        ],
      },
      v('v1.1.1-860c190-foo', ['master-foo'], false),
      [
        'org/app:v1.1.1-860c190-foo',
        'org/app:master-foo',
        'ghcr.io/user/app:v1.1.1-860c190-foo',
        'ghcr.io/user/app:master-foo',
      ],
    ],
    [
      'tag21',
      'event_tag_v1.1.1.env',
      {
        images: two,
        tags: ['type=semver,pattern={{version}}', 'type=semver,pattern={{major}}.{{minor}}.{{patch}}'],
        flavor: ['suffix=-dev,onlatest=true'],
      },
      v('1.1.1-dev', [], true),
      ['org/app:1.1.1-dev', 'org/app:latest-dev', 'ghcr.io/user/app:1.1.1-dev', 'ghcr.io/user/app:latest-dev'],
    ],
    [
      'tag22',
      'event_tag_v1.1.1.env',
      {
        images: two,
        tags: ['type=semver,pattern={{version}}', 'type=semver,pattern={{major}}.{{minor}}.{{patch}}'],
        flavor: ['prefix=foo-,onlatest=true', 'suffix=-dev,onlatest=true'],
      },
      v('foo-1.1.1-dev', [], true),
      [
        'org/app:foo-1.1.1-dev',
        'org/app:foo-latest-dev',
        'ghcr.io/user/app:foo-1.1.1-dev',
        'ghcr.io/user/app:foo-latest-dev',
      ],
    ],
    [
      'tag31',
      'event_tag_v2.0.8-beta.67.env',
      { images: two, tags: ['type=semver,pattern={{raw}}'] },
      v('v2.0.8-beta.67', [], false),
      ['org/app:v2.0.8-beta.67', 'ghcr.io/user/app:v2.0.8-beta.67'],
    ],
  ],
  latest: [
    [
      'latest01',
      'event_tag_release1.env',
      { images: ['user/app'], tags: ['type=match,"pattern=^release\\d{1,2}"'] },
      v('release1', [], true),
      ['user/app:release1', 'user/app:latest'],
    ],
    [
      'latest02',
      'event_tag_20200110-RC2.env',
      { images: ['user/app'], tags: ['type=match,"pattern=^\\d+-RC\\d{1,2}"'] },
      v('20200110-RC2', [], true),
      ['user/app:20200110-RC2', 'user/app:latest'],
    ],
    [
      'latest03',
      'event_tag_20200110-RC2.env',
      { images: ['user/app'], tags: ['type=match,pattern=\\d{8}'] },
      v('20200110', [], true),
      ['user/app:20200110', 'user/app:latest'],
    ],
    [
      'latest04',
      'event_tag_v1.1.1.env',
      { images: ['user/app'], tags: ['type=match,"pattern=\\d.\\d.\\d"'] },
      v('1.1.1', [], true),
      ['user/app:1.1.1', 'user/app:latest'],
    ],
    [
      'latest05',
      'event_tag_v1.1.1.env',
      { images: two },
      v('v1.1.1', [], true),
      ['org/app:v1.1.1', 'org/app:latest', 'ghcr.io/user/app:v1.1.1', 'ghcr.io/user/app:latest'],
    ],
    [
      'latest06',
      'event_tag_v2.0.8-beta.67.env',
      { images: two, tags: ['type=match,"pattern=\\d.\\d.\\d"'] },
      v('2.0.8', [], true),
      ['org/app:2.0.8', 'org/app:latest', 'ghcr.io/user/app:2.0.8', 'ghcr.io/user/app:latest'],
    ],
    [
      'latest07',
      'event_tag_v1.1.1.env',
      { images: two, tags: ['type=ref,event=tag'], flavor: ['latest=false'] },
      v('v1.1.1', [], false),
      ['org/app:v1.1.1', 'ghcr.io/user/app:v1.1.1'],
    ],
    [
      'latest08',
      'event_tag_v1.1.1.env',
      { images: ['org/app', 'ghcr.io/MyUSER/MyApp'], tags: ['type=ref,event=tag'], flavor: ['latest=false'] },
      v('v1.1.1', [], false),
      ['org/app:v1.1.1', 'ghcr.io/myuser/myapp:v1.1.1'],
    ],
    [
      'latest10',
      'event_tag_v2.0.8-beta.67.env',
      { images: [], tags: ['type=match,"pattern=\\d.\\d.\\d"'] },
      v('2.0.8', [], true),
      ['2.0.8', 'latest'],
    ],
  ],
  pr: [
    ['pr01', 'event_pull_request.env', { images: ['user/app'] }, v('pr-15', [], false), ['user/app:pr-15']],
    [
      'pr02',
      'event_pull_request.env',
      { images: two },
      v('pr-15', [], false),
      ['org/app:pr-15', 'ghcr.io/user/app:pr-15'],
    ],
    [
      'pr03',
      'event_pull_request.env',
      { images: two, tags: ['type=ref,event=pr', 'type=sha'] },
      v('pr-15', ['sha-a9c8c58'], false),
      ['org/app:pr-15', 'org/app:sha-a9c8c58', 'ghcr.io/user/app:pr-15', 'ghcr.io/user/app:sha-a9c8c58'],
    ],
    [
      'pr04',
      'event_pull_request.env',
      { images: two, tags: ['type=sha,priority=2000', 'type=ref,event=pr'] },
      v('sha-a9c8c58', ['pr-15'], false),
      ['org/app:sha-a9c8c58', 'org/app:pr-15', 'ghcr.io/user/app:sha-a9c8c58', 'ghcr.io/user/app:pr-15'],
    ],
    [
      'pr05',
      'event_pull_request.env',
      { images: two, tags: ['type=ref,event=pr'], flavor: ['prefix=glo-', 'suffix=-bal'] },
      v('pr-15-bal', [], false),
      ['org/app:pr-15-bal', 'ghcr.io/user/app:pr-15-bal'],
    ],
    [
      'pr06',
      'event_pull_request.env',
      { images: two, tags: ['type=ref,event=pr,prefix='], flavor: ['prefix=glo-', 'suffix=-bal'] },
      v('15-bal', [], false),
      ['org/app:15-bal', 'ghcr.io/user/app:15-bal'],
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
      { images: ['org/app'], tags: ['type=raw,value={{commit_date YYYY-MM-DD-HHmmSS}}'] },
      v('2020-01-10T00-30-00Z', [], false),
      ['org/app:2020-01-10T00-30-00Z'],
    ],
  ],
  schedule: [
    [
      'schedule01',
      'event_schedule.env',
      { images: ['user/app'] },
      v('nightly', ['master'], false),
      ['user/app:nightly', 'user/app:master'],
    ],
    [
      'schedule02',
      'event_schedule.env',
      {
        images: ['user/app'],
        tags: [
          "type=schedule,pattern={{date 'YYYYMMDD'}}",
          "type=schedule,pattern=source-date-{{commit_date 'YYYY-MM-DD'}}",
        ],
      },
      v('20200110', ['source-date-2020-01-10'], false),
      ['user/app:20200110', 'user/app:source-date-2020-01-10'],
    ],
    [
      'schedule03',
      'event_schedule.env',
      { images: ['user/app'], tags: ["type=schedule,pattern={{date 'YYYYMMDD-HHmmss'}}"] },
      v('20200110-003000', [], false),
      ['user/app:20200110-003000'],
    ],
    [
      'schedule04',
      'event_schedule.env',
      { images: two },
      v('nightly', ['master'], false),
      ['org/app:nightly', 'org/app:master', 'ghcr.io/user/app:nightly', 'ghcr.io/user/app:master'],
    ],
    [
      'schedule05',
      'event_schedule.env',
      { images: two, tags: ['type=schedule', 'type=sha'] },
      v('nightly', ['sha-860c190'], false),
      ['org/app:nightly', 'org/app:sha-860c190', 'ghcr.io/user/app:nightly', 'ghcr.io/user/app:sha-860c190'],
    ],
    [
      'schedule06',
      'event_schedule.env',
      {
        images: two,
        tags: ['type=schedule', 'type=sha,priority=2000', 'type=raw,value=defbranch,enable={{is_default_branch}}'],
      },
      v('sha-860c190', ['nightly', 'defbranch'], false),
      [
        'org/app:sha-860c190',
        'org/app:nightly',
        'org/app:defbranch',
        'ghcr.io/user/app:sha-860c190',
        'ghcr.io/user/app:nightly',
        'ghcr.io/user/app:defbranch',
      ],
    ],
    [
      'schedule07',
      'event_schedule.env',
      { images: two, tags: ['type=schedule'], flavor: ['prefix=glo-', 'suffix=-bal'] },
      v('glo-nightly-bal', [], false),
      ['org/app:glo-nightly-bal', 'ghcr.io/user/app:glo-nightly-bal'],
    ],
    [
      'schedule08',
      'event_schedule.env',
      {
        images: ['user/app'],
        tags: [
          "type=schedule,pattern={{date 'YYYYMMDD-HHmmss' tz='Asia/Tokyo'}}",
          "type=schedule,pattern=src-{{commit_date 'YYYYMMDD-HHmmss' tz='Asia/Tokyo'}}",
        ],
      },
      v('20200110-093000', ['src-20200110-093000'], false),
      ['user/app:20200110-093000', 'user/app:src-20200110-093000'],
    ],
  ],
  release: [
    [
      'release01',
      'event_release_created.env',
      { images: ['user/app'] },
      v('v1.1.1', [], true),
      ['user/app:v1.1.1', 'user/app:latest'],
    ],
    [
      'release02',
      'event_release_created.env',
      {
        images: ['user/app'],
        tags: [
          'type=ref,event=tag',
          'type=raw,value=baseref-{{base_ref}}',
          'type=raw,value=defbranch,enable={{is_default_branch}}',
        ],
      },
      v('v1.1.1', ['baseref-'], true),
      ['user/app:v1.1.1', 'user/app:baseref-', 'user/app:latest'],
    ],
    [
      'release03',
      'event_release_created.env',
      {
        images: ['user/app'],
        tags: ["type=raw,value=src-{{commit_date 'YYYYMMDD-HHmmss'}}", "type=raw,value={{date 'YYYYMMDD-HHmmss'}}"],
      },
      v('src-20200110-003000', ['20200110-003000'], false),
      ['user/app:src-20200110-003000', 'user/app:20200110-003000'],
    ],
  ],
  raw: [
    [
      'raw01',
      'event_push_dev.env',
      { images: ['user/app'], tags: ['type=ref,event=branch', 'type=raw,my', 'type=raw,custom', 'type=raw,tags'] },
      v('dev', ['my', 'custom', 'tags'], false),
      ['user/app:dev', 'user/app:my', 'user/app:custom', 'user/app:tags'],
    ],
    [
      'raw02',
      'event_push_dev.env',
      { images: ['user/app'], tags: ['type=ref,event=branch', 'type=raw,my'] },
      v('dev', ['my'], false),
      ['user/app:dev', 'user/app:my'],
    ],
    [
      'raw03',
      'event_tag_release1.env',
      { images: ['user/app'], tags: ['type=ref,event=tag', 'type=raw,my', 'type=raw,custom', 'type=raw,tags'] },
      v('release1', ['my', 'custom', 'tags'], true),
      ['user/app:release1', 'user/app:my', 'user/app:custom', 'user/app:tags', 'user/app:latest'],
    ],
    [
      'raw04',
      'event_tag_20200110-RC2.env',
      {
        images: ['user/app'],
        tags: ['type=match,pattern=\\d{8}', 'type=raw,my', 'type=raw,custom', 'type=raw,tags'],
        flavor: ['latest=false'],
      },
      v('20200110', ['my', 'custom', 'tags'], false),
      ['user/app:20200110', 'user/app:my', 'user/app:custom', 'user/app:tags'],
    ],
    [
      'raw05',
      'event_tag_v1.1.1.env',
      {
        images: two,
        tags: [
          'type=semver,pattern={{version}}',
          'type=semver,pattern={{major}}.{{minor}}',
          'type=semver,pattern={{major}}',
          'type=raw,my',
          'type=raw,custom',
          'type=raw,tags',
        ],
      },
      v('1.1.1', ['1.1', '1', 'my', 'custom', 'tags'], true),
      [
        'org/app:1.1.1',
        'org/app:1.1',
        'org/app:1',
        'org/app:my',
        'org/app:custom',
        'org/app:tags',
        'org/app:latest',
        'ghcr.io/user/app:1.1.1',
        'ghcr.io/user/app:1.1',
        'ghcr.io/user/app:1',
        'ghcr.io/user/app:my',
        'ghcr.io/user/app:custom',
        'ghcr.io/user/app:tags',
        'ghcr.io/user/app:latest',
      ],
    ],
    [
      'raw06',
      'event_tag_v1.1.1.env',
      { images: two, tags: ['type=raw,my', 'type=raw,custom', 'type=raw,tags'] },
      v('my', ['custom', 'tags'], false),
      [
        'org/app:my',
        'org/app:custom',
        'org/app:tags',
        'ghcr.io/user/app:my',
        'ghcr.io/user/app:custom',
        'ghcr.io/user/app:tags',
      ],
    ],
    [
      'raw07',
      'event_push_dev.env',
      {
        images: ['user/app'],
        tags: ['type=ref,priority=90,event=branch', 'type=raw,my', 'type=raw,custom', 'type=raw,tags'],
        flavor: ['latest=true'],
      },
      v('my', ['custom', 'tags', 'dev'], true),
      ['user/app:my', 'user/app:custom', 'user/app:tags', 'user/app:dev', 'user/app:latest'],
    ],
    [
      'raw08',
      'event_push_dev.env',
      {
        images: ['user/app'],
        tags: ['type=match,pattern=\\d{8}', 'type=raw,my', 'type=raw,custom', 'type=raw,tags'],
        flavor: ['latest=false'],
      },
      v('my', ['custom', 'tags'], false),
      ['user/app:my', 'user/app:custom', 'user/app:tags'],
    ],
    [
      'raw09',
      'event_push_dev.env',
      {
        images: ['user/app'],
        tags: ['type=match,pattern=\\d{8}', 'type=raw,my,prefix=foo-,suffix=-bar', 'type=raw,custom', 'type=raw,tags'],
        flavor: ['latest=false', 'prefix=glo-', 'suffix=-bal'],
      },
      v('foo-my-bar', ['glo-custom-bal', 'glo-tags-bal'], false),
      ['user/app:foo-my-bar', 'user/app:glo-custom-bal', 'user/app:glo-tags-bal'],
    ],
    [
      'raw10',
      'event_push_dev.env',
      {
        images: ['user/app'],
        tags: ['type=raw,foo', 'type=raw,bar,enable=false', 'type=raw,baz,enable=true'],
        flavor: ['latest=false'],
      },
      v('foo', ['baz'], false),
      ['user/app:foo', 'user/app:baz'],
    ],
  ],
};

describe('docker/metadata-action __tests__/meta.test.ts, ported', () => {
  for (const [block, rows] of Object.entries(blocks)) {
    describe(block, () => {
      it.each(rows)('%s (%s)', (_id, fixture, inputs, version, tags) => {
        const result = run(fixture, inputs);
        expect(result.version).toEqual(version);
        expect(result.tags).toEqual(tags);
      });
    });
  }
});

describe('docker/metadata-action __tests__/meta.test.ts isRawStatement, ported', () => {
  it.each([
    ['{{ raw }}.{{ version }}', false],
    ['{{ version }},{{raw }.', false],
    ['{{ raw }}', true],
    ['{{ raw}}', true],
    ['{{raw}}', true],
  ] as const)('given %j pattern', (pattern, expected) => {
    expect(isRawStatement(pattern)).toBe(expected);
  });
});

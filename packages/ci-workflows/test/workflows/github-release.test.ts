import { spawnSync } from 'node:child_process';
import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { buildAndPushFiles } from '../../src/index.js';
import { githubReleaseScript } from '../../src/workflows/build-and-push.js';

const image = 'ghcr.io/futuroptimist/token.place';
const dir = mkdtempSync(join(tmpdir(), 'sugarkube-release-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

// Real bash; `gh` is a stand-in that records its arguments, one per line.
function release(tag: string) {
  writeFileSync(join(dir, 'gh'), '#!/usr/bin/env bash\nprintf "%s\\n" "$@" > "$GH_LOG"\n');
  chmodSync(join(dir, 'gh'), 0o755);
  const r = spawnSync('bash', ['-e', '-c', githubReleaseScript], {
    encoding: 'utf8',
    env: {
      PATH: `${dir}:${process.env['PATH']}`,
      GH_LOG: join(dir, 'gh.log'),
      TAG: tag,
      INDEX: `${image}@sha256:${'a'.repeat(64)}`,
      GITHUB_REPOSITORY: 'futuroptimist/token.place',
    },
  });
  expect(r.status, r.stderr).toBe(0);
  return readFileSync(join(dir, 'gh.log'), 'utf8').trim().split('\n');
}

describe('GitHub release job', () => {
  it('exists only when asked, runs only for v* tags, with contents: write in that job alone', () => {
    type Wire = { jobs: Record<string, { if?: string; needs?: string[]; permissions: Record<string, string> }> };
    expect(Object.keys((parse(buildAndPushFiles({ image })[0]!.content) as Wire).jobs)).not.toContain('release');
    const w = parse(buildAndPushFiles({ image, githubRelease: true })[0]!.content) as Wire;
    expect(w.jobs['release']!.if).toBe("startsWith(github.ref, 'refs/tags/v')");
    expect(w.jobs['release']!.needs).toEqual(['merge']);
    expect(w.jobs['release']!.permissions).toEqual({ contents: 'write' });
    const writers = Object.entries(w.jobs)
      .filter(([, j]) => j.permissions['contents'] === 'write')
      .map(([id]) => id);
    expect(writers).toEqual(['release']);
  });

  it('creates the release of the tag with generated notes naming the image by digest (real bash)', () => {
    expect(release('v1.2.3')).toEqual([
      'release',
      'create',
      'v1.2.3',
      '--repo',
      'futuroptimist/token.place',
      '--verify-tag',
      '--title',
      'v1.2.3',
      '--generate-notes',
      '--notes',
      `Image: \`${image}@sha256:${'a'.repeat(64)}\``,
    ]);
  });

  it('marks a prerelease tag as a prerelease', () => {
    expect(release('v2.0.0-rc.1').at(-1)).toBe('--prerelease');
  });
});

import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { planBuildAndPush, imageTagRules, type RunStep, type StepsJob } from '../../src/index.js';
import { previewMetadata } from '../../src/tags/index.js';

// The merge job's scripts under real bash and jq. `docker` is a stand-in that
// records its arguments (one per line) and answers `imagetools inspect` the
// way buildx does; METADATA is docker/metadata-action's JSON output for a
// default-branch push, computed by previewMetadata from the same inputs.
const image = 'ghcr.io/futuroptimist/token.place';
const merge = planBuildAndPush({ image }).jobs['merge'] as StepsJob;
const script = (name: string) => (merge.steps.find((s) => s.name === name) as RunStep).run;

const dir = mkdtempSync(join(tmpdir(), 'sugarkube-merge-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const metadata = JSON.stringify({
  tags: previewMetadata({
    eventName: 'push',
    ref: 'refs/heads/main',
    sha: 'a'.repeat(40),
    defaultBranch: 'main',
    timestamp: 1_800_000_000,
    images: image,
    ...imageTagRules(),
  }).tags,
});
const digests = ['1'.repeat(64), '2'.repeat(64)];

function run(body: string, env: Record<string, string>, cwd: string) {
  const docker = join(dir, 'docker');
  writeFileSync(
    docker,
    [
      '#!/usr/bin/env bash',
      'printf "%s\\n" "$@" > "$DOCKER_LOG"',
      'if [ "$2 $3" = "imagetools inspect" ]; then echo "{\\"mediaType\\":\\"application/vnd.oci.image.index.v1+json\\",\\"digest\\":\\"sha256:$(printf 9%.0s {1..64})\\"}"; fi',
    ].join('\n'),
  );
  chmodSync(docker, 0o755);
  const result = spawnSync('bash', ['-e', '-c', body], {
    cwd,
    encoding: 'utf8',
    env: { PATH: `${dir}:${process.env['PATH']}`, IMAGE: image, DOCKER_LOG: join(dir, 'docker.log'), ...env },
  });
  return { ...result, docker: readFileSync(join(dir, 'docker.log'), 'utf8').trim().split('\n') };
}

describe('merge job scripts (real bash and jq)', () => {
  it('creates one index from every digest, with every tag metadata-action computed', () => {
    const digestDir = join(dir, 'digests');
    mkdirSync(digestDir);
    for (const d of digests) writeFileSync(join(digestDir, d), '');
    const r = run(script('Create the index with docker buildx imagetools'), { METADATA: metadata }, digestDir);
    expect(r.status, r.stderr).toBe(0);
    expect(r.docker).toEqual([
      'buildx',
      'imagetools',
      'create',
      '--tag',
      `${image}:edge`,
      '--tag',
      `${image}:main-1800000000-aaaaaaa`,
      '--tag',
      `${image}:sha-aaaaaaa`,
      `${image}@sha256:${digests[0]}`,
      `${image}@sha256:${digests[1]}`,
    ]);
  });

  it('refuses to create an untagged index', () => {
    const r = run(
      script('Create the index with docker buildx imagetools'),
      { METADATA: '{"tags":[]}', GITHUB_REF: 'refs/tags/nightly' },
      dir,
    );
    expect(r.status).toBe(1);
    expect(r.stdout).toContain('::error::metadata-action produced no tags for refs/tags/nightly');
  });

  it('resolves the index digest into the job outputs', () => {
    const output = join(dir, 'github-output');
    writeFileSync(output, '');
    const r = run(script('Resolve the index digest'), { METADATA: metadata, GITHUB_OUTPUT: output }, dir);
    expect(r.status, r.stderr).toBe(0);
    expect(r.docker).toEqual(['buildx', 'imagetools', 'inspect', `${image}:edge`, '--format', '{{json .Manifest}}']);
    const digest = `sha256:${'9'.repeat(64)}`;
    expect(readFileSync(output, 'utf8')).toBe(`digest=${digest}\nimage=${image}@${digest}\n`);
  });
});

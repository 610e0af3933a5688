// sugarkube promote against real parts: the pinned Gitea (GitHub's REST shape at /api/v1) behind a
// recording proxy, a real registry holding multi-arch and amd64-only images, a real Git repository
// pushed over HTTP. Every request promote made is then checked against GitHub's own OpenAPI
// description (@octokit/openapi), since Gitea is not GitHub.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  startGitea,
  startRegistry,
  validateJsonSchema,
  type RunningGitea,
  type RunningRegistry,
} from '@sugarkube/verify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { git, makeClusterRepo } from './support/cluster-repo.js';
import { githubOperation, requestSchema, responseSchema } from './support/github-openapi.js';
import { pushImage } from './support/push-image.js';
import { startRecordingProxy } from './support/recording-proxy.js';
import { runCli } from './support/run-cli.js';

const run = (argv: string[], cwd: string, env: Record<string, string | undefined> = {}) =>
  runCli(argv, cwd, { env: { PATH: process.env.PATH, HOME: process.env.HOME, ...env } });

const work = mkdtempSync(join(tmpdir(), 'sugarkube-promote-'));
let registry: RunningRegistry;
let gitea: RunningGitea;
let image: string;
const staged = 'main-1767225600-5ca96df';
const amd64Only = 'main-1767300000-aaaaaaa';
const prodBefore = 'main-1766000000-0000000';
let stagedDigest: string;

beforeAll(async () => {
  registry = await startRegistry(work, 'registry', '', 'distribution-v3');
  image = `${registry.host}/acme/shop`;
  stagedDigest = await pushImage(registry.host, 'acme/shop', [staged, prodBefore]);
  await pushImage(registry.host, 'acme/shop', [amd64Only], ['amd64']);
  gitea = await startGitea(join(work, 'gitea'));
}, 300_000);

afterAll(async () => {
  await gitea?.stop();
  await registry?.stop();
});

/** A cluster repo on Gitea whose staging runs `stagingTag` (moved there by image automation, as Flux commits it). */
async function clusterRepo(name: string, stagingTag: string): Promise<string> {
  const dir = mkdtempSync(join(work, `${name}-`));
  makeClusterRepo(dir, image, { staging: 'main-1765000000-1111111', prod: prodBefore });
  expect((await run(['synth'], dir)).code).toBe(0);
  const stagingFile = join(dir, 'clusters/staging/apps/shop.yaml');
  const before = readFileSync(stagingFile, 'utf8');
  expect(before).toContain('newTag: main-1765000000-1111111 # {"$imagepolicy": "flux-system:shop-web:tag"}');
  git(dir, 'add', '-A');
  git(dir, 'commit', '--quiet', '-m', 'Cluster repo');
  writeFileSync(stagingFile, before.replace('newTag: main-1765000000-1111111 #', `newTag: ${stagingTag} #`));
  git(dir, 'commit', '--quiet', '-am', `Update shop-web to ${stagingTag} (image automation)`);
  const created = await fetch(`${gitea.apiUrl}/user/repos`, {
    method: 'POST',
    headers: { authorization: `token ${gitea.token}`, 'content-type': 'application/json' },
    body: JSON.stringify({ name, default_branch: 'main' }),
  });
  expect(created.status).toBe(201);
  git(
    dir,
    'remote',
    'add',
    'origin',
    `${gitea.url.replace('://', `://${gitea.user}:${gitea.token}@`)}/${gitea.user}/${name}.git`,
  );
  git(dir, 'push', '--quiet', 'origin', 'main');
  return dir;
}

describe('sugarkube promote', { timeout: 300_000 }, () => {
  it('pins prod to the tag and digest staging runs, on a branch, and opens a pull request showing the rendered diff', async () => {
    const dir = await clusterRepo('gitops', staged);
    const head = git(dir, 'rev-parse', 'HEAD');

    const dry = await run(['promote', 'shop', '--from', 'staging', '--to', 'prod', '--dry-run'], dir);
    expect(dry.code, dry.stderr).toBe(0);
    expect(dry.stdout).toContain(
      `web: ${image}:${staged}@${stagedDigest} (linux/amd64, linux/arm64), prod ran ${prodBefore}\n`,
    );
    expect(dry.stdout).toContain(`--- a/sugarkube.pins.json\n+++ b/sugarkube.pins.json\n`);
    expect(dry.stdout).toContain(
      `-        "tag": "${prodBefore}"\n+        "tag": "${staged}",\n+        "digest": "${stagedDigest}"\n`,
    );
    expect(dry.stdout).toContain(
      `-      newTag: ${prodBefore}\n+      digest: ${stagedDigest}\n+      newTag: ${staged}\n`,
    );
    expect(dry.stderr).toMatch(/dry run: 2 file\(s\) would change; nothing was written, committed or pushed/);
    expect([git(dir, 'status', '--porcelain'), git(dir, 'rev-parse', 'HEAD'), git(dir, 'branch', '--list')]).toEqual([
      '',
      head,
      '* main\n',
    ]);

    const proxy = await startRecordingProxy(gitea.apiUrl);
    const promoted = await run(
      ['promote', 'shop', '--from', 'staging', '--to', 'prod', '--api-url', proxy.apiUrl, '--json'],
      dir,
      { GITHUB_TOKEN: gitea.token },
    );
    await proxy.close();
    expect(promoted.code, promoted.stderr).toBe(0);
    const report = JSON.parse(promoted.stdout).report;
    const branch = `promote/shop-prod-${staged}`;
    expect(report).toMatchObject({
      app: 'shop',
      from: 'staging',
      to: 'prod',
      dryRun: false,
      branch,
      base: 'main',
      images: [{ service: 'web', image, tag: staged, digest: stagedDigest, previous: { tag: prodBefore } }],
    });
    // The working tree is back on main, unchanged; the promotion is on its branch, pushed.
    expect([
      git(dir, 'status', '--porcelain'),
      git(dir, 'rev-parse', 'HEAD'),
      git(dir, 'rev-parse', '--abbrev-ref', 'HEAD'),
    ]).toEqual(['', head, 'main\n']);
    expect(JSON.parse(git(dir, 'show', `${branch}:sugarkube.pins.json`)).prod.shop.web).toEqual({
      tag: staged,
      digest: stagedDigest,
    });
    expect(git(dir, 'show', `${branch}:clusters/prod/apps/shop.yaml`)).toContain(
      `      digest: ${stagedDigest}\n      newTag: ${staged}\n`,
    );
    expect(git(dir, 'ls-remote', 'origin', branch)).toContain(report.commit);

    // The pull request as Gitea holds it.
    const pull = (await (
      await fetch(`${gitea.apiUrl}/repos/${gitea.user}/gitops/pulls/${report.pullRequest.number}`, {
        headers: { authorization: `token ${gitea.token}` },
      })
    ).json()) as {
      title: string;
      body: string;
      head: { ref: string; sha: string };
      base: { ref: string };
      state: string;
      html_url: string;
    };
    expect(pull).toMatchObject({
      title: `Promote shop to prod: ${staged}`,
      head: { ref: branch, sha: report.commit },
      base: { ref: 'main' },
      state: 'open',
      html_url: report.pullRequest.url,
    });
    expect(pull.body).toContain(
      `| web | \`${image}\` | \`${prodBefore}\` | \`${staged}\` | \`${stagedDigest}\` | linux/amd64, linux/arm64 |`,
    );
    expect(pull.body).toContain(
      '#### Environment `prod`\n\n| change | kind | name | file |\n| --- | --- | --- | --- |\n| changed | Kustomization | flux-system/app-shop | `clusters/prod/apps/shop.yaml` |',
    );
    expect(pull.body).toContain(
      '<details><summary><code>clusters/prod/apps/shop.yaml</code> (modified)</summary>\n\n```diff\n--- a/clusters/prod/apps/shop.yaml\n+++ b/clusters/prod/apps/shop.yaml\n',
    );

    // Each request against GitHub's published description: the operation exists, the body fits its schema exactly.
    const differences: Record<string, string[]> = {};
    expect(proxy.requests.map((r) => `${r.method} ${r.path} ${r.status}`)).toEqual([
      `GET /repos/${gitea.user}/gitops 200`,
      `POST /repos/${gitea.user}/gitops/pulls 201`,
    ]);
    for (const request of proxy.requests) {
      const found = githubOperation(request.method, request.path);
      expect(found?.operation.operationId, `${request.method} ${request.path}`).toBe(
        request.method === 'GET' ? 'repos/get' : 'pulls/create',
      );
      const schema = requestSchema(found!.operation);
      if (request.body !== undefined) {
        expect(schema).toBeDefined();
        const strict = { $schema: 'http://json-schema.org/draft-07/schema#', ...schema, additionalProperties: false };
        const checked = await validateJsonSchema(strict, [
          { path: 'body.json', content: JSON.stringify(request.body) },
        ]);
        expect(checked.problems).toEqual([]);
      }
      // What the CLI reads from each answer is in GitHub's response schema and in Gitea's answer.
      const used = request.method === 'GET' ? ['default_branch'] : ['number', 'html_url'];
      const response = responseSchema(found!.operation, request.status);
      for (const field of used) {
        expect(response?.required).toContain(field);
        expect(request.response as Record<string, unknown>).toHaveProperty(field);
      }
      // Where Gitea's answer differs from GitHub's schema (fields GitHub requires that Gitea leaves out): recorded, not used.
      differences[found!.operation.operationId] = (response?.required ?? []).filter(
        (f) => !(f in (request.response as object)),
      );
    }
    expect(differences['pulls/create']).toEqual(
      expect.arrayContaining(['node_id', 'auto_merge', 'author_association']),
    );
    writeFileSync(
      join(work, 'pull-request.json'),
      JSON.stringify(
        {
          pull: {
            title: pull.title,
            head: pull.head.ref,
            base: pull.base.ref,
            state: pull.state,
            url: pull.html_url,
            body: pull.body,
          },
          requests: proxy.requests.map((r) => ({ method: r.method, path: r.path, status: r.status, body: r.body })),
          differences,
        },
        null,
        2,
      ),
    );
  });

  it('refuses a dirty tree (3), a tag not in the registry (4) and an image without arm64 (5), changing nothing', async () => {
    const env = { GITHUB_TOKEN: gitea.token };
    const dirty = await clusterRepo('dirty', staged);
    writeFileSync(join(dirty, 'notes.txt'), 'work in progress\n');
    const refusedDirty = await run(
      ['promote', 'shop', '--from', 'staging', '--to', 'prod', '--api-url', gitea.apiUrl],
      dirty,
      env,
    );
    expect([refusedDirty.code, refusedDirty.stderr]).toEqual([
      3,
      `sugarkube promote: ${dirty} has uncommitted changes (notes.txt); commit or stash them, then promote\n`,
    ]);

    const missing = await clusterRepo('missing', 'main-1767400000-bbbbbbb');
    const refusedMissing = await run(
      ['promote', 'shop', '--from', 'staging', '--to', 'prod', '--api-url', gitea.apiUrl],
      missing,
      env,
    );
    expect([refusedMissing.code, refusedMissing.stderr]).toEqual([
      4,
      `sugarkube promote: manifest acme/shop:main-1767400000-bbbbbbb from ${registry.host}: HTTP 404 (MANIFEST_UNKNOWN: manifest unknown)\n`,
    ]);

    const amd64 = await clusterRepo('amd64', amd64Only);
    const refusedAmd64 = await run(
      ['promote', 'shop', '--from', 'staging', '--to', 'prod', '--api-url', gitea.apiUrl],
      amd64,
      env,
    );
    expect([refusedAmd64.code, refusedAmd64.stderr]).toEqual([
      5,
      `sugarkube promote: ${image}:${amd64Only} lacks linux/arm64 (it has linux/amd64); the prod nodes cannot run it, so it is not promoted\n`,
    ]);

    for (const dir of [dirty, missing, amd64]) {
      expect(git(dir, 'branch', '--list')).toBe('* main\n');
      expect(JSON.parse(readFileSync(join(dir, 'sugarkube.pins.json'), 'utf8')).prod.shop.web).toEqual({
        tag: prodBefore,
      });
    }
    expect(git(dirty, 'status', '--porcelain')).toBe('?? notes.txt\n');
    // Nothing was pushed: the forge has main only, so no pull request can exist.
    for (const dir of [dirty, missing, amd64])
      expect(
        git(dir, 'ls-remote', '--heads', 'origin')
          .trim()
          .split('\n')
          .map((l) => l.split('\t')[1]),
      ).toEqual(['refs/heads/main']);
  });
});

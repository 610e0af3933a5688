/**
 * Every generated workflow, and the monorepo's own, through the real tools:
 * actionlint (pinned, built from the Go module proxy; shellcheck on PATH checks
 * the run scripts), SchemaStore's GitHub workflow JSON schema, and zizmor
 * (offline) with nothing at medium severity or above. Missing tools fail with
 * @sugarkube/verify's message (run `bash tools/upstream/install.sh`).
 */
import { rmSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { actionlint, validateWorkflowSchema, writeTempTree, zizmor } from '@sugarkube/verify';
import { afterAll, describe, expect, it } from 'vitest';
import type { GeneratedFile } from '@sugarkube/core';
import { appBuildFiles, arm64GuardFiles, buildAndPushFiles, smokeFiles } from '../../src/index.js';
import { exampleBuilds } from '../support/example-builds.js';

const image = 'ghcr.io/futuroptimist/token.place';
const workflowsOf = (files: readonly GeneratedFile[]) => files.filter((f) => f.path.startsWith('.github/workflows/'));
const variants: Record<string, GeneratedFile[]> = {
  defaults: [...buildAndPushFiles({ image })],
  'signed, smoke-tested, released, with the guard': [
    ...buildAndPushFiles({
      image,
      sign: true,
      smoke: true,
      githubRelease: true,
      buildArgs: { NODE_ENV: 'production' },
    }),
    ...smokeFiles({ runtime: 'node', port: 3000, probes: { readiness: '/healthz', liveness: '/' } }),
    ...arm64GuardFiles({ image, tags: ['edge', 'latest'] }),
  ],
  'QEMU fallback, registry cache, sub-folder context': [
    ...buildAndPushFiles({ image, qemuFallback: true, cache: 'registry', context: 'frontend' }),
  ],
  'amd64 only, no cache, static-nginx smoke': [
    ...buildAndPushFiles({ image, platforms: ['linux/amd64'], cache: 'none', smoke: true, defaultBranch: 'trunk' }),
    ...smokeFiles({ runtime: 'static-nginx' }),
  ],
  // What an app repo gets from its descriptor, one per runtime, and a two-service repo.
  ...Object.fromEntries(
    Object.entries(exampleBuilds).map(([name, input]) => [`appBuildFiles: ${name}`, workflowsOf(appBuildFiles(input))]),
  ),
  'appBuildFiles: two services in one repo': [
    ...workflowsOf(appBuildFiles({ ...exampleBuilds.dspace, service: 'web', directory: 'services/web' })),
    ...workflowsOf(appBuildFiles({ ...exampleBuilds.tokenplace, service: 'relay', directory: 'services/relay' })),
  ],
};

const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

async function checkAll(files: readonly GeneratedFile[]) {
  const dir = await writeTempTree(files);
  dirs.push(dir);
  const lint = await actionlint(files.map((f) => join(dir, f.path)));
  const schema = await Promise.all(
    files.map(async (f) => ({ path: f.path, ...(await validateWorkflowSchema(f.content)) })),
  );
  const audit = await zizmor(dir, { minSeverity: 'medium' });
  return { lint, schema, audit };
}

describe('generated workflows pass actionlint, the workflow schema and zizmor (medium+)', () => {
  it.each(Object.entries(variants))(
    '%s',
    async (_name, files) => {
      const { lint, schema, audit } = await checkAll(files);
      expect(lint.output).toBe('');
      expect(lint.ok).toBe(true);
      for (const s of schema) expect(s.errors, s.path).toEqual([]);
      expect(audit.findings).toEqual([]);
    },
    120_000,
  );
});

describe('the checks can fail', () => {
  it('actionlint and the schema reject an unknown key and a job without runs-on', async () => {
    const broken = ['name: broken', 'on: push', 'jobs:', '  y:', '    timeout-minutes: 5', '    stepz: []', ''].join(
      '\n',
    );
    const dir = await writeTempTree([{ path: '.github/workflows/broken.yml', content: broken }]);
    dirs.push(dir);
    const lint = await actionlint([join(dir, '.github/workflows/broken.yml')]);
    expect(lint.ok).toBe(false);
    expect(lint.output).toMatch(/stepz/);
    expect((await validateWorkflowSchema(broken)).errors.length).toBeGreaterThan(0);
  }, 120_000);

  it('zizmor (medium+) flags template injection under a dangerous trigger', async () => {
    const insecure = [
      'name: insecure',
      'on: pull_request_target',
      'jobs:',
      '  x:',
      '    runs-on: ubuntu-24.04',
      '    steps:',
      '      - uses: actions/checkout@v4',
      '        with:',
      '          ref: ${{ github.event.pull_request.head.sha }}',
      '      - run: echo "${{ github.event.pull_request.title }}"',
      '',
    ].join('\n');
    const { audit, schema } = await checkAll([{ path: '.github/workflows/insecure.yml', content: insecure }]);
    expect(schema[0]!.errors).toEqual([]);
    expect(audit.ok).toBe(false);
    const found = JSON.stringify(audit.findings);
    expect(found).toMatch(/template-injection/);
    expect(found).toMatch(/dangerous-triggers/);
  }, 120_000);
});

describe("the monorepo's own workflows", () => {
  const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..', '..');
  it('every workflow under .github/workflows passes actionlint, the schema and zizmor (medium+)', async () => {
    const names = (await readdir(join(root, '.github/workflows'))).filter((f) => /\.ya?ml$/.test(f));
    expect(names).toContain('ci.yml');
    const files = await Promise.all(
      names.map(async (f) => {
        const path = `.github/workflows/${f}`;
        return { path, content: await readFile(join(root, path), 'utf8') };
      }),
    );
    const { lint, schema, audit } = await checkAll(files);
    expect(lint.output).toBe('');
    for (const s of schema) expect(s.errors, s.path).toEqual([]);
    expect(audit.findings).toEqual([]);
  }, 120_000);
});

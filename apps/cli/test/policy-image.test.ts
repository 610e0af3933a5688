// sugarkube image check / policy preview against a real registry on loopback (the pinned CNCF
// Distribution v3 build) holding a multi-arch index, an amd64-only image and an app's tags,
// pushed through the distribution API (the registry client itself is also tested against
// docker-registry, buildah and skopeo in @sugarkube/image-policy).
import { execFileSync } from 'node:child_process';
import { createServer } from 'node:net';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort, startRegistry, type RunningRegistry } from '@sugarkube/verify';
import {
  followBranchBuilds,
  followReleases,
  imagePolicy,
  imageRepository,
  imageUpdateAutomation,
  setterMarker,
} from '@sugarkube/image-policy';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { main } from '../src/cli.js';
import { pushImage, pushSingleImage } from './support/push-image.js';
import { capture } from './support/run-cli.js';

const tags = ['main-1700000000-aaaaaaa', 'main-1800000000-bbbbbbb', 'v1.0.0', 'v1.2.0', 'v2.0.0-rc.1', 'edge'];

// A real registry: the pinned CNCF Distribution v3 build (tools/upstream), on loopback, no auth.
let registry: RunningRegistry;
let host: string;
let storage: string;
beforeAll(async () => {
  storage = mkdtempSync(join(tmpdir(), 'sugarkube-cli-registry-'));
  registry = await startRegistry(storage, 'cli', '', 'distribution-v3');
  host = registry.host;
  await pushImage(host, 'o/multi', ['1.0.0']);
  await pushSingleImage(host, 'o/amd64only', '1.0.0', 'amd64');
  await pushImage(host, 'o/app', tags);
}, 60_000);
afterAll(async () => {
  await registry?.stop();
  rmSync(storage, { recursive: true, force: true });
});

function tree(registryHost = host, exclusionList?: string[]): string {
  const dir = mkdtempSync(join(tmpdir(), 'sugarkube-policy-'));
  const objects = [
    imageRepository({
      name: 'app',
      namespace: 'flux-system',
      image: `${registryHost}/o/app`,
      ...(exclusionList ? { exclusionList } : {}),
    }),
    imagePolicy({
      name: 'app-staging',
      namespace: 'flux-system',
      imageRepositoryRef: { name: 'app' },
      ...followBranchBuilds('main'),
    }),
    imagePolicy({
      name: 'app-prod',
      namespace: 'flux-system',
      imageRepositoryRef: { name: 'app' },
      ...followReleases('^1.0.0'),
    }),
    imageUpdateAutomation({
      name: 'staging',
      namespace: 'flux-system',
      sourceRef: { name: 'flux-system' },
      path: './apps/app/staging',
    }),
  ];
  mkdirSync(join(dir, 'flux-system'), { recursive: true });
  writeFileSync(
    join(dir, 'flux-system', 'images.yaml'),
    objects.map((o) => stringify(o, { lineWidth: 0 })).join('---\n'),
  );
  for (const env of ['staging', 'prod']) {
    mkdirSync(join(dir, 'apps', 'app', env), { recursive: true });
    writeFileSync(
      join(dir, 'apps', 'app', env, 'kustomization.yaml'),
      `apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\nresources:\n  - ../base\nimages:\n  - name: app\n    newName: ${registryHost}/o/app\n    newTag: main-1600000000-0000000 # ${setterMarker('flux-system', `app-${env}`, 'tag')}\n`,
    );
  }
  return dir;
}

describe('sugarkube image check', () => {
  it('passes a multi-arch index', async () => {
    const c = capture('/');
    expect(
      await main(['image', 'check', `${host}/o/multi:1.0.0`, '--platforms', 'linux/amd64,linux/arm64'], c.context),
    ).toBe(0);
    expect(c.out.join('')).toMatch(
      /\(image index sha256:[0-9a-f]{64}\): linux\/amd64, linux\/arm64\nok: every platform asked for is there\n$/,
    );
  });
  it('fails an amd64-only image, naming the missing platform', async () => {
    const c = capture('/');
    expect(
      await main(['image', 'check', `${host}/o/amd64only:1.0.0`, '--platforms', 'linux/amd64,linux/arm64'], c.context),
    ).toBe(1);
    expect(c.err.join('')).toBe(
      `sugarkube image: ${host}/o/amd64only:1.0.0 is missing platform linux/arm64 (it has linux/amd64)\n`,
    );
  });
  it('explains usage errors and registry errors in one line', async () => {
    const usage = capture('/');
    expect(await main(['image', 'check', `${host}/o/multi:1.0.0`, '--platforms', 'arm64'], usage.context)).toBe(2);
    expect(usage.err.join('')).toMatch(
      /^sugarkube image: invalid platform: expected a platform os\/architecture\[\/variant\] such as "linux\/arm64", received "arm64"/,
    );
    const missing = capture('/');
    expect(await main(['image', 'check', `${host}/o/nope:1`], missing.context)).toBe(4);
    // What the real registry answers for a repository it never saw: not found, exit 4.
    expect(missing.err.join('')).toBe(
      `sugarkube image: manifest o/nope:1 from ${host}: HTTP 404 (MANIFEST_UNKNOWN: manifest unknown)\n`,
    );
  });
  it('a registry that never answers: a progress line on a terminal, then exit 6 after --timeout, naming host and cause', async () => {
    const silent = createServer(() => undefined); // accepts, never answers
    await new Promise<void>((done) => silent.listen(0, '127.0.0.1', done));
    const port = (silent.address() as { port: number }).port;
    const out: string[] = [];
    const err: string[] = [];
    const context = {
      stdout: { write: (t: string) => out.push(t), isTTY: true },
      stderr: { write: (t: string) => err.push(t), isTTY: true },
      cwd: '/',
      env: {},
    };
    const started = Date.now();
    expect(await main(['image', 'check', `127.0.0.1:${port}/o/multi:1.0.0`, '--timeout', '1'], context)).toBe(6);
    expect(Date.now() - started).toBeGreaterThanOrEqual(1000);
    silent.close();
    const text = err.join('').replace(/\u001b\[[0-9;]*m/g, '');
    expect(text).toContain(`› reading the manifest of 127.0.0.1:${port}/o/multi:1.0.0… failed\n`);
    expect(text).toContain(
      `sugarkube image: manifest o/multi:1.0.0 from 127.0.0.1:${port}: no answer within 1 s (timeout)`,
    );
  });

  it('offline: names the host and the cause, and exits 6, not 1 (a missing platform)', async () => {
    const port = await freePort(); // nothing listens there
    const offline = capture('/');
    expect(await main(['image', 'check', `127.0.0.1:${port}/o/multi:1.0.0`], offline.context)).toBe(6);
    expect(offline.err.join('')).toMatch(
      new RegExp(
        `^sugarkube image: manifest o/multi:1\\.0\\.0 from 127\\.0\\.0\\.1:${port}: connection refused: nothing listens there \\(ECONNREFUSED`,
      ),
    );
    const dir = tree(`127.0.0.1:${port}`);
    const policy = capture(dir);
    expect(await main(['policy', 'preview', '--dir', dir], policy.context)).toBe(6);
    expect(policy.err.join('')).toContain(
      `sugarkube policy: flux-system/app-prod: tags of o/app from 127.0.0.1:${port}: connection refused: nothing listens there (ECONNREFUSED`,
    );
  });
});

describe('sugarkube policy preview', () => {
  it('prints the tag each policy selects from the live tags, with the digest for prod', async () => {
    const dir = tree();
    const c = capture(dir);
    expect(await main(['policy', 'preview', '--dir', '.'], c.context)).toBe(0);
    const text = c.out.join('');
    expect(text).toMatch(/^POLICY +IMAGE +SELECTED\n/);
    expect(text).toMatch(new RegExp(`^flux-system/app-prod +${host}/o/app +v1\\.2\\.0@sha256:[0-9a-f]{64}$`, 'm'));
    expect(text).toMatch(new RegExp(`^flux-system/app-staging +${host}/o/app +main-1800000000-bbbbbbb$`, 'm'));
  });

  it('--diff shows only the staging rewrite (the automation path), and the diff applies with GNU patch', async () => {
    const dir = tree();
    const before = readFileSync(join(dir, 'apps/app/staging/kustomization.yaml'), 'utf8');
    const c = capture(dir);
    expect(await main(['policy', 'preview', '--dir', dir, '--diff'], c.context)).toBe(0);
    const diff = c.out.join('').slice(c.out.join('').indexOf('--- a/'));
    expect(diff).toContain('+++ b/apps/app/staging/kustomization.yaml');
    expect(diff).not.toContain('prod/kustomization.yaml');
    expect(diff).toContain(`+    newTag: main-1800000000-bbbbbbb # {"$imagepolicy": "flux-system:app-staging:tag"}`);
    const copy = mkdtempSync(join(tmpdir(), 'sugarkube-policy-patch-'));
    cpSync(dir, copy, { recursive: true });
    execFileSync('patch', ['-p1', '--batch', '--forward'], { cwd: copy, input: diff });
    expect(readFileSync(join(copy, 'apps/app/staging/kustomization.yaml'), 'utf8')).toBe(
      before.replace('main-1600000000-0000000', 'main-1800000000-bbbbbbb'),
    );
    expect(c.err.join('')).toContain('image automation would change 1 file(s)');
  });

  it("applies the ImageRepository's exclusionList before the policy, as the controller stores tags", async () => {
    const dir = tree(host, ['^main-1800000000-']);
    const c = capture(dir);
    expect(await main(['policy', 'preview', '--dir', '.', '--json'], c.context)).toBe(0);
    const staging = JSON.parse(c.out.join('')).report.policies.find(
      (p: { policy: string }) => p.policy === 'flux-system/app-staging',
    );
    expect(staging).toEqual({
      policy: 'flux-system/app-staging',
      image: `${host}/o/app`,
      tag: 'main-1700000000-aaaaaaa',
    });
  });

  it('says what is missing when there is no tree or no policy', async () => {
    const empty = mkdtempSync(join(tmpdir(), 'sugarkube-policy-empty-'));
    const c = capture(empty);
    expect(await main(['policy', 'preview'], c.context)).toBe(2);
    expect(c.err.join('')).toBe(
      'sugarkube policy: out: no such directory (synthesize the tree first, or pass --dir)\n',
    );
    const c2 = capture(empty);
    expect(await main(['policy', 'preview', '--dir', '.'], c2.context)).toBe(2);
    expect(c2.err.join('')).toMatch(/no image\.toolkit\.fluxcd\.io\/v1 ImagePolicy objects found/);
  });
});

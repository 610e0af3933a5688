/**
 * The heavy proof (one file, generous timeouts): for each example app repo, the files
 * `appBuildFiles` generates from its service's inputs alone (Dockerfile, .dockerignore, a
 * static site's nginx.conf) are written into a copy of the example's sources and built with
 * Debian's buildah for linux/amd64 AND linux/arm64 on this amd64 machine with no emulation
 * installed, from locally built base images passed by --build-arg; then the generated smoke
 * workflow's container job runs against the amd64 image (its `docker run` emulated: same uid:gid,
 * read-only root, one tmpfs per writable path, no capabilities) and must curl both probes; a
 * source-only rebuild reuses the dependency layer; two builds of the same sources with
 * SOURCE_DATE_EPOCH + --timestamp give identical layers.
 *
 * Figures are printed and written to .vitest/buildah-figures.json.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { runtimes } from '@sugarkube/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appBuildFiles, smokeFiles, staticNginxDockerfile } from '../../src/index.js';
import { exampleBuilds } from '../support/example-builds.js';
import { dockerRunFlags, runSmokeJob } from '@sugarkube/verify';
import {
  appendLine,
  build,
  copyExample,
  elfMachineInImage,
  ensureBaseImages,
  freePort,
  inspectImage,
  probeImage,
  pruneIntermediates,
  removeImages,
  requireBuildah,
  runInImage,
  store,
} from './buildah.js';

const epoch = 1_700_000_000;
const minutes = (n: number) => n * 60_000;

interface Example {
  readonly name: keyof typeof exampleBuilds;
  readonly user: string;
  /** A source file a source-only change touches. */
  readonly source: string;
  readonly comment: string;
  /** Whether the source-only rebuild is measured (its first amd64 build then uses --layers). */
  readonly rebuild: boolean;
}

const examples: readonly Example[] = [
  { name: 'tokenplace', user: '10001:10001', source: 'relay.py', comment: '# touched', rebuild: true },
  { name: 'dspace', user: '1000:1000', source: 'frontend/src/server.mjs', comment: '// touched', rebuild: false },
  { name: 'jobbot3000', user: '1000:1000', source: 'src/web/tracker/tracker.js', comment: '// touched', rebuild: true },
  { name: 'danielsmith', user: '101:101', source: 'src/main.js', comment: '// touched', rebuild: false },
];

/** App-repo files that never belong in an image, planted in the tokenplace context (its image copies `.`). */
const repoTooling = [
  'node_modules/projen/lib/index.js',
  '.projen/tasks.json',
  '.projenrc.ts',
  'deploy/base/kustomization.yaml',
  'sugarkube.yaml',
];

/** A copy of the example's sources with the files generated from its service's inputs alone. */
function contextOf(name: Example['name']): string {
  const context = copyExample(name);
  for (const stale of ['Dockerfile', '.dockerignore']) rmSync(join(context, stale), { force: true });
  for (const file of appBuildFiles(exampleBuilds[name])) {
    if (file.path.startsWith('.github/')) continue;
    mkdirSync(dirname(join(context, file.path)), { recursive: true });
    writeFileSync(join(context, file.path), file.content);
  }
  if (name === 'tokenplace') {
    for (const path of repoTooling) {
      mkdirSync(dirname(join(context, path)), { recursive: true });
      writeFileSync(join(context, path), 'never in the image\n');
    }
  }
  return context;
}

const smokeWorkflowOf = (name: Example['name']) =>
  appBuildFiles(exampleBuilds[name]).find((f) => f.path === '.github/workflows/smoke.yml')!.content;

const figures: Record<string, Record<string, number | string | boolean>> = {};
const tags: string[] = [];
let baseArgs: Record<string, string> = {};
const firstBuild = new Map<string, { context: string; armDiffIds: readonly string[] }>();

describe('generated Dockerfiles, built with buildah (vfs, chroot, no emulation)', () => {
  beforeAll(() => {
    requireBuildah();
    const start = performance.now();
    baseArgs = ensureBaseImages('node', 'python', 'nginx');
    figures.baseImages = { seconds: Math.round((performance.now() - start) / 100) / 10 };
  }, minutes(10));

  afterAll(() => {
    removeImages(...tags);
    pruneIntermediates();
    mkdirSync(join(import.meta.dirname, '../../.vitest'), { recursive: true });
    writeFileSync(
      join(import.meta.dirname, '../../.vitest/buildah-figures.json'),
      `${JSON.stringify(figures, null, 2)}\n`,
    );
    console.log('buildah figures:', JSON.stringify(figures, null, 2));
  }, minutes(2));

  for (const ex of examples) {
    it(
      `${ex.name}: the generated files build for linux/amd64 and linux/arm64; the smoke job runs the amd64 image as the pod and curls both probes`,
      () => {
        const context = contextOf(ex.name);
        const amd = `localhost/sugarkube-test/${ex.name}:amd64`;
        const arm = `localhost/sugarkube-test/${ex.name}:arm64`;
        tags.push(amd, arm);
        const labels = {
          IMAGE_SOURCE: `https://github.com/example/${ex.name}`,
          IMAGE_REVISION: 'a'.repeat(40),
          IMAGE_VERSION: '1.2.3',
          IMAGE_CREATED: '2023-11-14T22:13:20Z',
        };
        // amd64 with --layers when a source-only rebuild follows (the cache it reuses; every step is a
        // layer commit, slow with vfs); otherwise, and for arm64, one commit per stage.
        const a = build({
          context,
          arch: 'amd64',
          tag: amd,
          buildArgs: { ...baseArgs, ...labels },
          epoch,
          noCache: true,
          layers: ex.rebuild,
        });
        const b = build({ context, arch: 'arm64', tag: arm, buildArgs: { ...baseArgs, ...labels }, epoch });
        figures[ex.name] = { amd64Seconds: round(a.seconds), arm64Seconds: round(b.seconds) };

        const fa = inspectImage(amd);
        const fb = inspectImage(arm);
        expect(fa.architecture).toBe('amd64');
        expect(fb.architecture).toBe('arm64');
        for (const f of [fa, fb]) {
          expect(f.user).toBe(ex.user);
          expect(f.labels['org.opencontainers.image.revision']).toBe(labels.IMAGE_REVISION);
          expect(f.labels['org.opencontainers.image.source']).toBe(labels.IMAGE_SOURCE);
          expect(f.labels['org.opencontainers.image.version']).toBe('1.2.3');
          expect(f.labels['org.opencontainers.image.created']).toBe(labels.IMAGE_CREATED);
        }
        firstBuild.set(ex.name, { context, armDiffIds: fb.diffIds });

        const start = performance.now();
        const smoke = runSmokeJob(smokeWorkflowOf(ex.name), amd, store);
        figures[ex.name] = { ...figures[ex.name], smokeJobSeconds: round((performance.now() - start) / 1000) };
        expect(smoke.ok, smoke.log).toBe(true);
        expect(smoke.steps.map((s) => s.status)).toEqual([0, 0, 0]);
        expect(smoke.steps[1]!.output).toMatch(/ok: \/healthz\nok: \/livez/);
        // The run the job made is the pod's: the image's user, read-only root, the runtime's writable paths.
        const input = exampleBuilds[ex.name] as { writablePaths?: readonly string[] };
        const writable = input.writablePaths ?? runtimes[exampleBuilds[ex.name].runtime].writablePaths;
        expect(smoke.runFlags).toMatchObject({
          user: ex.user,
          'read-only': '1',
          'no-new-privileges': '1',
          'cap-drop': 'ALL',
        });
        expect(smoke.runFlags['tmpfs']).toEqual(writable.map((p) => `${p}:rw,exec,mode=1777`));
        expect(smoke.writes['/']).toBe(false);
        for (const path of writable) expect(smoke.writes[path], path).toBe(true);
      },
      minutes(8),
    );
  }

  it("the smoke job's docker run uses only flags the real docker CLI has", () => {
    const help = execFileSync('docker', ['run', '--help'], { encoding: 'utf8' });
    const flags = dockerRunFlags(smokeWorkflowOf('danielsmith'));
    expect(flags).toEqual([
      '--detach',
      '--name',
      '--user',
      '--read-only',
      '--cap-drop',
      '--security-opt',
      '--tmpfs',
      '--tmpfs',
      '--tmpfs',
      '--publish',
    ]);
    for (const flag of flags) expect(help, flag).toMatch(new RegExp(`(^|\\s)${flag}\\s`, 'm'));
  });

  it(
    'the smoke job fails an image that cannot run as the pod (tokenplace without its writable /tmp)',
    () => {
      const noTmp = smokeFiles({ runtime: 'python', port: 5010, writablePaths: [] })[0]!.content;
      const smoke = runSmokeJob(noTmp, 'localhost/sugarkube-test/tokenplace:amd64', store);
      expect(smoke.ok).toBe(false);
      expect(smoke.steps.map((s) => s.status)).toEqual([0, 1, 0]);
      expect(smoke.steps[1]!.output).toContain('::error::/healthz did not answer 2xx');
    },
    minutes(3),
  );

  it(
    "tokenplace: the app repo's tooling (node_modules, .projen, .projenrc.ts, deploy/, sugarkube.yaml) stays out of the image",
    () => {
      const listed = runInImage('localhost/sugarkube-test/tokenplace:amd64', ['sh', '-c', 'ls -A /app'])
        .split('\n')
        .filter(Boolean);
      expect(listed).toContain('relay.py');
      for (const path of repoTooling) expect(listed, path).not.toContain(path.split('/')[0]);
    },
    minutes(2),
  );

  it(
    'tokenplace: the arm64 image carries aarch64 wheels, the amd64 image x86-64 ones (picked on the amd64 builder)',
    () => {
      const arm = elfMachineInImage('localhost/sugarkube-test/tokenplace:arm64', '/opt/deps/markupsafe', '.so');
      const amd = elfMachineInImage('localhost/sugarkube-test/tokenplace:amd64', '/opt/deps/markupsafe', '.so');
      expect(arm.machine).toBe(183);
      expect(amd.machine).toBe(62);
      expect(
        runInImage('localhost/sugarkube-test/tokenplace:amd64', [
          'python',
          '-c',
          'import markupsafe._speedups; print("ok")',
        ]).trim(),
      ).toBe('ok');
    },
    minutes(2),
  );

  for (const name of ['tokenplace', 'dspace', 'jobbot3000', 'danielsmith'] as const) {
    it(
      `${name}: built again (arm64) from a fresh copy with SOURCE_DATE_EPOCH and --timestamp, every layer is identical`,
      () => {
        const first = firstBuild.get(name);
        expect(first, 'the build test ran first').toBeDefined();
        const again = `localhost/sugarkube-test/${name}:again`;
        tags.push(again);
        const r = build({ context: contextOf(name), arch: 'arm64', tag: again, buildArgs: baseArgs, epoch });
        const second = inspectImage(again);
        figures[name] = {
          ...figures[name],
          reproducibleRebuildSeconds: round(r.seconds),
          identicalLayers: sameList(first?.armDiffIds ?? [], second.diffIds),
        };
        expect(second.diffIds.length).toBeGreaterThan(1);
        expect(second.diffIds).toEqual(first?.armDiffIds);
      },
      minutes(4),
    );
  }

  for (const ex of examples.filter((e) => e.rebuild)) {
    it(
      `${ex.name}: a source-only change rebuilds without re-running the dependency install`,
      () => {
        const first = firstBuild.get(ex.name);
        expect(first).toBeDefined();
        const context = first?.context ?? '';
        const tag = `localhost/sugarkube-test/${ex.name}:touched`;
        tags.push(tag);
        appendLine(join(context, ex.source), ex.comment);
        const r = build({ context, arch: 'amd64', tag, buildArgs: baseArgs, epoch, layers: true });
        const install = ex.name === 'tokenplace' ? /pip install/ : /npm ci --omit=dev/;
        // buildah prints "Using cache <id>" right after each step it did not re-run.
        const lines = r.log.split('\n');
        const step = lines.findIndex((l) => /STEP \d+\/\d+: RUN/.test(l) && install.test(l));
        expect(step, 'the dependency install step is in the log').toBeGreaterThanOrEqual(0);
        expect(
          lines.slice(step + 1).find((l) => l.trim() !== ''),
          `the install step was re-run:\n${lines.slice(step, step + 5).join('\n')}`,
        ).toMatch(/Using cache/);
        // The source change itself was rebuilt (the COPY of the source is not cached).
        expect(r.log).toMatch(/STEP \d+\/\d+: COPY \. /);
        const before = figures[ex.name] as Record<string, number>;
        // Reported, not asserted: on a shared 2-core machine wall time is noisy.
        figures[ex.name] = {
          ...figures[ex.name],
          sourceChangeRebuildSeconds: round(r.seconds),
          rebuildToFirstRatio: round(r.seconds / (before.amd64Seconds ?? 1)),
        };
      },
      minutes(4),
    );
  }

  it(
    "static site on nginx-unprivileged (prebuilt dist, the repo's own server block): builds for both platforms; the amd64 image serves it as uid 101",
    async () => {
      const context = mkdtempSync(join(tmpdir(), 'sugarkube-static-'));
      const port = await freePort();
      mkdirSync(join(context, 'public'));
      mkdirSync(join(context, 'docker/nginx'), { recursive: true });
      writeFileSync(join(context, 'public/index.html'), '<!doctype html><title>site</title><h1>static</h1>\n');
      writeFileSync(
        join(context, 'docker/nginx/default.conf'),
        `server {\n  listen ${port};\n  location = /healthz { return 200 'ok'; }\n  location / { root /usr/share/nginx/html; }\n}\n`,
      );
      for (const f of staticNginxDockerfile({
        prebuilt: true,
        siteDir: 'public',
        nginxConfigFile: { path: 'docker/nginx/default.conf' },
      }))
        writeFileSync(join(context, f.path), f.content);
      const amd = 'localhost/sugarkube-test/static:amd64';
      const arm = 'localhost/sugarkube-test/static:arm64';
      tags.push(amd, arm);
      const a = build({ context, arch: 'amd64', tag: amd, buildArgs: baseArgs, epoch });
      const b = build({ context, arch: 'arm64', tag: arm, buildArgs: baseArgs, epoch });
      figures.staticNginx = { amd64Seconds: round(a.seconds), arm64Seconds: round(b.seconds) };
      expect(inspectImage(arm).architecture).toBe('arm64');
      const health = await probeImage(amd, '/healthz', port, []);
      expect(health).toMatchObject({ status: 200, body: 'ok', user: '101' });
      const page = await probeImage(amd, '/', port, []);
      expect(page.body).toContain('<h1>static</h1>');
    },
    minutes(4),
  );
});

function round(n: number): number {
  return Math.round(n * 10) / 10;
}

function sameList(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

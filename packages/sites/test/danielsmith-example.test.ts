import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { planSiteFiles, type SiteFilesOptions } from '../src/index.js';
import { httpGet } from './support/http-get.js';
import { kustomize, podSpecOf } from './support/kustomize.js';
import { startNginx, type RunningNginx } from './support/nginx-server.js';

// examples/danielsmith: danielsmith.io's real shape as a site repo consuming @sugarkube/sites.
const repoRoot = new URL('../../../', import.meta.url).pathname;
const example = join(repoRoot, 'examples/danielsmith');
const siteModule = join(example, 'site.ts');
const { danielsmith } = (await import(siteModule)) as { danielsmith: SiteFilesOptions };

function listFiles(dir: string, skip: (path: string) => boolean): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative(dir, join(entry.parentPath, entry.name)))
    .filter((path) => !skip(path))
    .sort();
}

const dirs: string[] = [];
afterAll(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

describe('the example repo', () => {
  it('is what `npx projen` writes, and synthesizing again changes nothing', () => {
    const copy = mkdtempSync(join(tmpdir(), 'sugarkube-danielsmith-'));
    dirs.push(copy);
    cpSync(example, copy, { recursive: true, filter: (src) => !src.includes('node_modules') && !src.endsWith('/dist') });
    // The repo's own installed packages, as `npm install` would give the site repo.
    symlinkSync(join(repoRoot, 'node_modules'), join(copy, 'node_modules'));
    const skip = (path: string) => path.startsWith('node_modules') || path.startsWith('dist/');
    const committed = Object.fromEntries(listFiles(example, skip).map((path) => [path, readFileSync(join(example, path), 'utf8')]));
    for (let round = 1; round <= 2; round++) {
      execFileSync(process.execPath, ['.projenrc.ts'], { cwd: copy, env: { ...process.env, PROJEN_DISABLE_POST: '1' }, stdio: 'pipe' });
      const synthesized = Object.fromEntries(listFiles(copy, skip).map((path) => [path, readFileSync(join(copy, path), 'utf8')]));
      expect(Object.keys(synthesized), `round ${round}`).toEqual(Object.keys(committed));
      for (const path of Object.keys(committed)) expect(synthesized[path], `${path} (round ${round})`).toBe(committed[path]);
    }
    // Every generated hosting file is the pure planner's output.
    for (const file of planSiteFiles(danielsmith)) expect(committed[file.path], file.path).toBe(file.content);
  }, 60_000);

  it('deploys like the real chart: seed-build-info init container, emptyDirs, probes, prod pinned, staging following edge', () => {
    const staging = kustomize(join(example, 'deploy/overlays/staging'));
    const prod = kustomize(join(example, 'deploy/overlays/prod'));
    const pod = podSpecOf(prod);
    expect(pod.containers[0]!.image).toBe('ghcr.io/futuroptimist/danielsmith.io:main-5ca96df16f0f');
    expect(podSpecOf(staging).containers[0]!.image).toBe('ghcr.io/futuroptimist/danielsmith.io:edge');
    expect(pod.initContainers.map((c) => c.name)).toEqual(['seed-build-info']);
    expect(pod.volumes.map((v) => v.name)).toEqual(['tmp', 'var-cache-nginx', 'runtime', 'runtime-files']);
    expect(pod.containers[0]!.volumeMounts.find((m) => m.name === 'runtime')?.mountPath).toBe('/usr/share/nginx/html/runtime');
    const hosts = (objects: typeof staging) => (objects.find((o) => o.kind === 'HTTPRoute') as unknown as { spec: { hostnames: string[] } }).spec.hostnames;
    expect(hosts(staging)).toEqual(['staging.danielsmith.io']);
    expect(hosts(prod)).toEqual(['danielsmith.io']);
  });
});

describe('the example site served by the generated config', () => {
  let nginx: RunningNginx;
  let built: { js: string; css: string };
  beforeAll(async () => {
    const work = mkdtempSync(join(tmpdir(), 'sugarkube-danielsmith-build-'));
    dirs.push(work);
    const dist = join(work, 'dist');
    execFileSync(process.execPath, [join(example, 'scripts/build.mjs'), dist], { stdio: 'pipe' });
    const index = readFileSync(join(dist, 'index.html'), 'utf8');
    built = { js: /src="\/(assets\/index-[\w-]{8}\.js)"/.exec(index)![1]!, css: /href="\/(assets\/index-[\w-]{8}\.css)"/.exec(index)![1]! };

    // The pod's start, for real: the init container's own command, its three paths moved under
    // a temp dir, with the ConfigMap mounted the way the kubelet does it (..data symlinks).
    const seed = podSpecOf(kustomize(join(example, 'deploy/overlays/staging'))).initContainers[0]!.command;
    const configMap = join(work, 'configmap');
    mkdirSync(join(configMap, '..2026_11_26_00_00_00.1'), { recursive: true });
    const buildInfo = danielsmith.site.runtimeFiles!.files.staging!['build-info.json']!;
    writeFileSync(join(configMap, '..2026_11_26_00_00_00.1/build-info.json'), buildInfo);
    symlinkSync('..2026_11_26_00_00_00.1', join(configMap, '..data'));
    symlinkSync('..data/build-info.json', join(configMap, 'build-info.json'));
    const emptyDir = join(work, 'seed');
    mkdirSync(emptyDir);
    const script = seed[2]!
      .replaceAll('/usr/share/nginx/html/', `${dist}/`)
      .replaceAll('/etc/sugarkube/runtime-files', configMap)
      .replaceAll('/seed/', `${emptyDir}/`);
    const result = spawnSync(seed[0]!, [seed[1]!, script], { encoding: 'utf8' });
    expect(result.status, result.stderr).toBe(0);
    expect(readdirSync(emptyDir).sort()).toEqual(['build-info.json', 'github-metrics.json']);

    // The image: the build without source maps (the Dockerfile deletes them); the pod: the
    // emptyDir, filled by the init container, mounted over runtime/.
    for (const file of readdirSync(join(dist, 'assets'))) if (file.endsWith('.map')) rmSync(join(dist, 'assets', file));
    nginx = await startNginx(danielsmith.site, {
      site: dist,
      layout: (root) => {
        rmSync(join(root, 'runtime'), { recursive: true });
        cpSync(emptyDir, join(root, 'runtime'), { recursive: true });
      },
    });
  }, 60_000);
  afterAll(() => nginx?.stop());

  it('answers the real smoke test: /, /healthz, /livez, /studio (SPA route) and an asset', async () => {
    for (const [path, status, cacheControl] of [
      ['/', 200, 'no-cache'],
      ['/healthz', 200, 'no-store'],
      ['/livez', 200, 'no-store'],
      ['/studio', 200, 'no-cache'],
      [`/${built.js}`, 200, 'public, max-age=31536000, immutable'],
      [`/${built.css}`, 200, 'public, max-age=31536000, immutable'],
    ] as const) {
      const response = await httpGet(`${nginx.url}${path}`);
      expect(response.status, path).toBe(status);
      expect(response.header('cache-control'), path).toBe(cacheControl);
      expect(response.header('content-security-policy'), path).toContain("worker-src 'self' blob:");
    }
  });

  it('serves the seeded build info uncached, and no source maps', async () => {
    const info = await httpGet(`${nginx.url}/runtime/build-info.json`);
    expect(info.status).toBe(200);
    expect(info.header('cache-control')).toBe('no-store');
    expect(JSON.parse(info.body.toString())).toEqual({ app: 'danielsmith', environment: 'staging' });
    expect((await httpGet(`${nginx.url}/runtime/github-metrics.json`)).status).toBe(200);
    const map = await httpGet(`${nginx.url}/${built.js}.map`);
    expect(map.status).toBe(404);
    expect(map.header('cache-control')).toBe('no-store');
  });
});

import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { renderNginxConfig, type NginxServingOptions } from '@sugarkube/ci-workflows';
import { appRepoFiles, readAppYaml } from '@sugarkube/manifests';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { httpGet } from './support/http-get.js';
import { kustomize, podSpecOf } from './support/kustomize.js';
import { startNginx, type RunningNginx } from './support/nginx-server.js';

// examples/danielsmith: danielsmith.io's real shape as an app repo whose sugarkube.yaml is all it writes by hand.
const repoRoot = new URL('../../../', import.meta.url).pathname;
const example = join(repoRoot, 'examples/danielsmith');
const app = readAppYaml(join(example, 'sugarkube.yaml'));
const web = app.descriptor.services[0]!;
const serving = (web.build as { serving: NginxServingOptions }).serving;
const buildInfo = (environment: string) =>
  app.descriptor.environments![environment]!.configMaps!['danielsmith-build-info']!;

const dirs: string[] = [];
afterAll(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

describe('the example repo', () => {
  it("commits what its sugarkube.yaml generates: the nginx.conf is the descriptor's serving options", () => {
    const files = appRepoFiles(app);
    for (const file of files) expect(readFileSync(join(example, file.path), 'utf8'), file.path).toBe(file.content);
    const header = files
      .find((f) => f.path === 'nginx.conf')!
      .content.split('\n')[0]!
      .replace(/^# /, '');
    expect(readFileSync(join(example, 'nginx.conf'), 'utf8')).toBe(
      renderNginxConfig({ ...serving, header, port: web.port, health: { readiness: '/healthz', liveness: '/livez' } }),
    );
    expect(readFileSync(join(example, 'Dockerfile'), 'utf8')).toContain(
      'RUN npm run build && node precompress.mjs dist --skip runtime/',
    );
  });

  it('deploys like the real chart: seed-build-info init container, emptyDirs, probes, tags left to the cluster', () => {
    const staging = kustomize(join(example, 'deploy/overlays/staging'));
    const prod = kustomize(join(example, 'deploy/overlays/prod'));
    const pod = podSpecOf(prod);
    // No tag in the app repo: the cluster repo's pins (and staging's image automation) set it.
    expect(pod.containers[0]!.image).toBe('ghcr.io/futuroptimist/danielsmith.io');
    expect(podSpecOf(staging).containers[0]!.image).toBe('ghcr.io/futuroptimist/danielsmith.io');
    expect(pod.initContainers.map((c) => c.name)).toEqual(['seed-build-info']);
    expect(pod.volumes.map((v) => v.name)).toEqual(['tmp', 'var-cache-nginx', 'var-run', 'runtime', 'build-info']);
    expect(pod.containers[0]!.volumeMounts.find((m) => m.name === 'runtime')?.mountPath).toBe(
      '/usr/share/nginx/html/runtime',
    );
    const hosts = (objects: typeof staging) =>
      (objects.find((o) => o.kind === 'HTTPRoute') as unknown as { spec: { hostnames: string[] } }).spec.hostnames;
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
    const build = spawnSync(process.execPath, [join(example, 'scripts/build.mjs'), dist], { encoding: 'utf8' });
    expect(build.status, build.stderr).toBe(0);
    const index = readFileSync(join(dist, 'index.html'), 'utf8');
    built = {
      js: /src="\/(assets\/index-[\w-]{8}\.js)"/.exec(index)![1]!,
      css: /href="\/(assets\/index-[\w-]{8}\.css)"/.exec(index)![1]!,
    };

    // The image build's own step: the generated precompress.mjs on the build output.
    const precompress = spawnSync(process.execPath, [join(example, 'precompress.mjs'), dist, '--skip', 'runtime/'], {
      encoding: 'utf8',
    });
    expect(precompress.status, precompress.stderr).toBe(0);
    expect(readdirSync(join(dist, 'assets')).filter((f) => f.endsWith('.map'))).toEqual([]);

    // The pod's start, for real: the init container's own command, its paths moved under a
    // temp dir, with the ConfigMap mounted the way the kubelet does it (..data symlinks).
    const seed = podSpecOf(kustomize(join(example, 'deploy/overlays/staging'))).initContainers[0]!.command;
    const configMap = join(work, 'configmap');
    mkdirSync(join(configMap, '..2026_11_26_00_00_00.1'), { recursive: true });
    writeFileSync(join(configMap, '..2026_11_26_00_00_00.1/build-info.json'), buildInfo('staging')['build-info.json']!);
    symlinkSync('..2026_11_26_00_00_00.1', join(configMap, '..data'));
    symlinkSync('..data/build-info.json', join(configMap, 'build-info.json'));
    const emptyDir = join(work, 'seed');
    mkdirSync(emptyDir);
    const script = seed[2]!
      .replaceAll('/usr/share/nginx/html/', `${dist}/`)
      .replaceAll('/etc/sugarkube/build-info', configMap)
      .replaceAll('/seed/', `${emptyDir}/`);
    const result = spawnSync(seed[0]!, [seed[1]!, script], { encoding: 'utf8' });
    expect(result.status, result.stderr).toBe(0);
    expect(readdirSync(emptyDir).sort()).toEqual(['build-info.json', 'github-metrics.json']);

    // The pod: the emptyDir, filled by the init container, mounted over runtime/.
    nginx = await startNginx(
      { ...serving, health: { readiness: '/healthz', liveness: '/livez' } },
      {
        site: dist,
        layout: (root) => {
          rmSync(join(root, 'runtime'), { recursive: true });
          cpSync(emptyDir, join(root, 'runtime'), { recursive: true });
        },
      },
    );
  }, 60_000);
  afterAll(() => nginx?.stop());

  it('answers the real smoke test: /, /healthz, /livez, /studio (SPA route) and the assets, with the site CSP', async () => {
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

import { mkdtempSync, readFileSync, readdirSync, rmSync, cpSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { readAppYaml } from '@sugarkube/manifests';
import { buildahStore, requireBuildah } from '@sugarkube/verify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { kustomize, podSpecOf } from './support/kustomize.js';
import { runImagePod } from './support/run-image-pod.js';

// The example's committed Dockerfile, built for real by buildah for both platforms on this amd64
// machine with no emulation; then the image is run the way the pod runs it (init container first).
const repoRoot = new URL('../../../', import.meta.url).pathname;
const example = join(repoRoot, 'examples/danielsmith');
const app = readAppYaml(join(example, 'sugarkube.yaml'));
const store = buildahStore();
const tag = `localhost/sugarkube-sites-test/danielsmith:${process.pid}`;
const images: string[] = [];
const mounted: { release(): void }[] = [];
const dirs: string[] = [];
let bases: Record<string, string>;

beforeAll(() => {
  requireBuildah();
  bases = store.ensureBaseImages('node', 'nginx');
  expect(Object.keys(bases)).toEqual(expect.arrayContaining(['NODE_IMAGE', 'NGINX_IMAGE']));
}, 900_000);

afterAll(() => {
  for (const m of mounted) m.release();
  store.removeImages(...images);
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

const roots: Record<string, string> = {};

describe.each(['amd64', 'arm64'] as const)('the danielsmith image for linux/%s', (arch) => {
  let root: string;
  beforeAll(() => {
    // The repo as a build context (its .dockerignore keeps node_modules and the rest out).
    const context = mkdtempSync(join(tmpdir(), 'sugarkube-danielsmith-context-'));
    dirs.push(context);
    cpSync(example, context, {
      recursive: true,
      filter: (src) => !src.includes('node_modules') && !src.endsWith('/dist'),
    });
    const image = `${tag}-${arch}`;
    store.build({ context, arch, tag: image, buildArgs: bases, epoch: 1_700_000_000 });
    images.push(image);
    const facts = store.inspectImage(image);
    expect(facts.architecture).toBe(arch);
    expect(facts.user).toBe('101:101');
    expect(facts.exposedPorts).toEqual(['8080']);
    const m = store.mountImage(image);
    mounted.push(m);
    root = m.root;
    roots[arch] = root;
  }, 600_000);

  it('carries the generated nginx.conf and the build: precompressed, no source maps, runtime/ left uncompressed', () => {
    expect(readFileSync(join(root, 'etc/nginx/nginx.conf'), 'utf8')).toBe(
      readFileSync(join(example, 'nginx.conf'), 'utf8'),
    );
    const html = join(root, 'usr/share/nginx/html');
    const assets = readdirSync(join(html, 'assets')).sort();
    const script = assets.find((name) => /^index-[\w-]{8}\.js$/.test(name))!;
    const style = assets.find((name) => /^index-[\w-]{8}\.css$/.test(name))!;
    expect(assets.filter((name) => name.endsWith('.map'))).toEqual([]);
    // Precompressed when worth it (over 1 KB), byte for byte the file it stands for.
    for (const file of [script, style, '../index.html']) {
      const path = join(html, 'assets', file);
      const big = readFileSync(path).length > 1024;
      expect(readdirSync(join(path, '..')).includes(`${file.split('/').pop()}.gz`), file).toBe(big);
      if (big) expect(gunzipSync(readFileSync(`${path}.gz`)).equals(readFileSync(path)), file).toBe(true);
    }
    // The init container rewrites runtime/: a .gz twin would be served stale by gzip_static.
    expect(readdirSync(join(html, 'runtime')).sort()).toEqual(['github-metrics.json']);
  });
});

it('runs the amd64 image as the pod runs it: read-only root, emptyDirs, seed-build-info then nginx as uid 101', () => {
  const root = roots.amd64!;
  const pod = podSpecOf(kustomize(join(example, 'deploy/overlays/staging')));
  const init = pod.initContainers[0]!;
  const web = pod.containers[0]!;
  const mount = (name: string, mounts: { name: string; mountPath: string }[]) =>
    mounts.find((m) => m.name === name)!.mountPath;
  const run = runImagePod({
    root,
    initCommand: init.command,
    runtimeDir: mount('runtime', web.volumeMounts),
    seedMount: mount('runtime', init.volumeMounts),
    configMapMount: mount('build-info', init.volumeMounts),
    configMapFiles: app.descriptor.environments!.staging!.configMaps!['danielsmith-build-info']!,
    writablePaths: web.volumeMounts.filter((m) => !['runtime', 'build-info'].includes(m.name)).map((m) => m.mountPath),
    paths: [
      '/',
      '/studio',
      '/healthz',
      '/livez',
      '/runtime/build-info.json',
      '/runtime/github-metrics.json',
      '/assets/index-missing0.js',
    ],
  });
  expect(run.seeded, run.log).toEqual(['build-info.json', 'github-metrics.json']);
  expect(run.responses, run.log).toEqual({
    '/': '200 no-cache',
    '/studio': '200 no-cache',
    '/healthz': '200 no-store',
    '/livez': '200 no-store',
    '/runtime/build-info.json': '200 no-store',
    '/runtime/github-metrics.json': '200 no-store',
    '/assets/index-missing0.js': '404 no-store',
  });
});

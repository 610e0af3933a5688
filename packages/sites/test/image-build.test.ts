import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SiteFilesOptions } from '../src/index.js';
import { buildah, localBaseImages } from './support/buildah.js';
import { kustomize, podSpecOf } from './support/kustomize.js';
import { runImagePod } from './support/run-image-pod.js';

// The example's generated Dockerfile, built for real by buildah for both platforms, on this
// amd64 machine, with no emulation; then the image's own nginx checks the image's config.
const repoRoot = new URL('../../../', import.meta.url).pathname;
const example = join(repoRoot, 'examples/danielsmith');
const { danielsmith } = (await import(join(example, 'site.ts'))) as { danielsmith: SiteFilesOptions };
const tag = `localhost/sugarkube-sites-test/danielsmith:${process.pid}`;
const images: string[] = [];
const containers: string[] = [];
let bases: Record<string, string>;

beforeAll(() => {
  bases = localBaseImages(repoRoot);
  expect(Object.keys(bases)).toEqual(expect.arrayContaining(['NODE_IMAGE', 'NGINX_IMAGE']));
}, 900_000);

afterAll(() => {
  for (const container of containers) buildah(['rm', container]);
  for (const image of images) buildah(['rmi', image]);
});

/** Files of a built image, through a mounted working container. */
function mountImage(image: string): string {
  const container = buildah(['from', '--pull=never', image]).trim().split('\n').pop()!;
  containers.push(container);
  return buildah(['mount', container]).trim();
}

const roots: Record<string, string> = {};

describe.each(['amd64', 'arm64'])('the danielsmith image for linux/%s', (arch) => {
  let root: string;
  beforeAll(() => {
    const image = `${tag}-${arch}`;
    // buildah 1.28 sets neither BUILDPLATFORM nor TARGETPLATFORM by itself.
    buildah([
      'bud', '--isolation', 'chroot', '--pull=never', '--platform', `linux/${arch}`,
      '--build-arg', 'BUILDPLATFORM=linux/amd64', '--build-arg', `TARGETPLATFORM=linux/${arch}`,
      '--build-arg', `NODE_IMAGE=${bases.NODE_IMAGE}`, '--build-arg', `NGINX_IMAGE=${bases.NGINX_IMAGE}`,
      '-t', image, example,
    ]);
    images.push(image);
    const config = JSON.parse(buildah(['inspect', '--type', 'image', image])) as { OCIv1: { architecture: string; config: { User: string; ExposedPorts: Record<string, unknown> } } };
    expect(config.OCIv1.architecture).toBe(arch);
    expect(config.OCIv1.config.User).toBe('101:101');
    // buildah 1.28 records "8080", BuildKit "8080/tcp".
    expect(Object.keys(config.OCIv1.config.ExposedPorts).map((port) => port.replace(/\/tcp$/, ''))).toEqual(['8080']);
    root = mountImage(image);
    roots[arch] = root;
  }, 600_000);

  it('carries the generated nginx.conf and the build: precompressed, no source maps, runtime/ left uncompressed', () => {
    expect(readFileSync(join(root, 'etc/nginx/nginx.conf'), 'utf8')).toBe(readFileSync(join(example, 'docker/nginx.conf'), 'utf8'));
    const html = join(root, 'usr/share/nginx/html');
    const assets = readdirSync(join(html, 'assets')).sort();
    const script = assets.find((name) => /^index-[\w-]{8}\.js$/.test(name))!;
    expect(assets).toContain(`${script}.gz`);
    expect(gunzipSync(readFileSync(join(html, 'assets', `${script}.gz`))).equals(readFileSync(join(html, 'assets', script)))).toBe(true);
    expect(assets.filter((name) => name.endsWith('.map'))).toEqual([]);
    // The sidecar rewrites runtime/ files: a .gz twin would be served stale by gzip_static.
    expect(readdirSync(join(html, 'runtime')).sort()).toEqual(['github-metrics.json']);
  });
});

it('runs the amd64 image as the pod runs it: read-only root, emptyDirs, seed-build-info then nginx as uid 101', () => {
  const root = roots.amd64!;
  const pod = podSpecOf(kustomize(join(example, 'deploy/overlays/staging')));
  const init = pod.initContainers[0]!;
  const web = pod.containers[0]!;
  const mount = (name: string, mounts: { name: string; mountPath: string }[]) => mounts.find((m) => m.name === name)!.mountPath;
  const initMounts = init.volumeMounts;
  const run = runImagePod({
    root,
    initCommand: init.command,
    runtimeDir: mount('runtime', web.volumeMounts),
    seedMount: mount('runtime', initMounts),
    configMapMount: mount('runtime-files', initMounts),
    configMapFiles: danielsmith.site.runtimeFiles!.files.staging!,
    paths: ['/', '/studio', '/healthz', '/livez', '/runtime/build-info.json', '/runtime/github-metrics.json', '/assets/index-missing0.js'],
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

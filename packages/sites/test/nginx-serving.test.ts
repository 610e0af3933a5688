import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultContentSecurityPolicy } from '@sugarkube/ci-workflows';
import { httpGet, type RawResponse } from './support/http-get.js';
import {
  fixtureSite,
  freePort,
  prepareNginx,
  startNginx,
  testNginxConfig,
  type RunningNginx,
} from './support/nginx-server.js';

// Real Debian nginx runs the generated config on a loopback port; every assertion is on its answers.
const assets = JSON.parse(readFileSync(join(fixtureSite, 'assets.json'), 'utf8')) as { css: string; js: string };
const fixture = (path: string) => readFileSync(join(fixtureSite, path));
const immutable = 'public, max-age=31536000, immutable';

function expectSecurityHeaders(response: RawResponse) {
  expect(response.header('x-content-type-options')).toBe('nosniff');
  expect(response.header('referrer-policy')).toBe('strict-origin-when-cross-origin');
  expect(response.header('content-security-policy')).toBe(defaultContentSecurityPolicy);
}

describe('nginx -t', () => {
  it.each([
    ['defaults', {}],
    [
      'SPA, 404 page, runtime no-store, extra headers',
      {
        spaFallback: true,
        notFoundPage: '404.html',
        cache: { noStorePrefixes: ['runtime/'] },
        headers: { extra: { 'Permissions-Policy': 'camera=()' } },
      },
    ],
    ['sub-path without CSP', { path: '/docs/', headers: { contentSecurityPolicy: false as const } }],
  ])('accepts the config (%s) without a warning', async (_name, options) => {
    const prepared = prepareNginx({ ...options, port: await freePort() });
    try {
      const result = testNginxConfig(prepared.dir, prepared.configPath);
      expect(result.output).toContain('syntax is ok');
      expect(result.output).not.toMatch(/\[(warn|emerg|alert|crit)\]/);
      expect(result.status).toBe(0);
    } finally {
      rmSync(prepared.dir, { recursive: true, force: true });
    }
  });
});

describe('a single-page app at /', () => {
  let nginx: RunningNginx;
  beforeAll(async () => {
    nginx = await startNginx(
      { spaFallback: true, notFoundPage: '404.html', cache: { noStorePrefixes: ['runtime/'] } },
      {
        layout: (root) => {
          // One asset without a .gz twin, to see on-the-fly gzip next to gzip_static.
          rmSync(join(root, `${assets.css}.gz`));
          // What an init container writes at run time (danielsmith.io's seed-build-info).
          mkdirSync(join(root, 'runtime'));
          writeFileSync(join(root, 'runtime/build-info.json'), '{"commit":"5ca96df"}\n');
        },
      },
    );
  }, 20_000);
  afterAll(() => nginx?.stop());

  it('serves index.html revalidated on every use, with both validators', async () => {
    const response = await httpGet(`${nginx.url}/`);
    expect(response.status).toBe(200);
    expect(response.header('content-type')).toBe('text/html; charset=utf-8');
    expect(response.header('cache-control')).toBe('no-cache');
    expect(response.header('etag')).toMatch(/^"[0-9a-f]+-[0-9a-f]+"$/);
    expect(response.header('last-modified')).toMatch(/GMT$/);
    expect(response.body.equals(fixture('index.html'))).toBe(true);
    expectSecurityHeaders(response);

    const byEtag = await httpGet(`${nginx.url}/`, { 'if-none-match': response.header('etag')! });
    expect(byEtag.status).toBe(304);
    expect(byEtag.body.length).toBe(0);
    expect(byEtag.header('cache-control')).toBe('no-cache');
    expectSecurityHeaders(byEtag);
    const byDate = await httpGet(`${nginx.url}/index.html`, { 'if-modified-since': response.header('last-modified')! });
    expect(byDate.status).toBe(304);
  });

  it('serves hashed assets immutable for a year, precompressed .gz as is (gzip_static)', async () => {
    const plain = await httpGet(`${nginx.url}/${assets.js}`);
    expect(plain.status).toBe(200);
    expect(plain.header('cache-control')).toBe(immutable);
    expect(plain.header('content-type')).toMatch(/^application\/javascript/);
    expect(plain.header('content-encoding')).toBeUndefined();
    expect(plain.body.equals(fixture(assets.js))).toBe(true);
    expectSecurityHeaders(plain);

    const gzipped = await httpGet(`${nginx.url}/${assets.js}`, { 'accept-encoding': 'gzip, deflate, br' });
    expect(gzipped.header('content-encoding')).toBe('gzip');
    expect(gzipped.header('vary')).toBe('Accept-Encoding');
    expect(gzipped.header('cache-control')).toBe(immutable);
    // Byte-identical to the file on disk: nginx sent the precompressed twin, it did not compress.
    expect(gzipped.body.equals(fixture(`${assets.js}.gz`))).toBe(true);
    expect(gzipped.body.length).toBeLessThan(plain.body.length / 5);

    const revalidated = await httpGet(`${nginx.url}/${assets.js}`, { 'if-none-match': plain.header('etag')! });
    expect(revalidated.status).toBe(304);
    expect(revalidated.header('cache-control')).toBe(immutable);
  });

  it('compresses text without a .gz twin on the fly', async () => {
    const response = await httpGet(`${nginx.url}/${assets.css}`, { 'accept-encoding': 'gzip' });
    expect(response.status).toBe(200);
    expect(response.header('content-encoding')).toBe('gzip');
    expect(response.header('content-type')).toMatch(/^text\/css/);
    expect(gunzipSync(response.body).equals(fixture(assets.css))).toBe(true);
  });

  it('answers a missing hashed asset with a real 404 that nobody caches, not the SPA shell', async () => {
    for (const path of ['/assets/app.deadbeef.js', '/assets/nested/app.0000.css', '/assets/']) {
      const response = await httpGet(`${nginx.url}${path}`);
      expect(response.status, path).toBe(404);
      expect(response.header('cache-control'), path).not.toContain('immutable');
      expect(response.body.equals(fixture('index.html')), path).toBe(false);
      expectSecurityHeaders(response);
    }
  });

  it('answers other missing files (with an extension) with the custom 404 page', async () => {
    const response = await httpGet(`${nginx.url}/favicon.ico`);
    expect(response.status).toBe(404);
    expect(response.body.equals(fixture('404.html'))).toBe(true);
    expect(response.header('cache-control')).toBe('no-cache');
    expectSecurityHeaders(response);
  });

  it('falls back to index.html for client-side routes', async () => {
    for (const path of ['/studio', '/projects/three/', '/a.b/route']) {
      const response = await httpGet(`${nginx.url}${path}`);
      expect(response.status, path).toBe(200);
      expect(response.body.equals(fixture('index.html')), path).toBe(true);
      expect(response.header('cache-control'), path).toBe('no-cache');
      expectSecurityHeaders(response);
    }
  });

  it('answers the health paths itself, uncached and unlogged', async () => {
    const before = nginx.accessLog().length;
    for (const path of ['/healthz', '/livez']) {
      const response = await httpGet(`${nginx.url}${path}`);
      expect(response.status).toBe(200);
      expect(response.header('content-type')).toBe('application/json');
      expect(JSON.parse(response.body.toString())).toEqual({ status: 'ok' });
      expect(response.header('cache-control')).toBe('no-store');
      expectSecurityHeaders(response);
    }
    await httpGet(`${nginx.url}/robots.txt`);
    expect(
      nginx
        .accessLog()
        .slice(before)
        .map((entry) => entry.path),
    ).toEqual(['/robots.txt']);
  });

  it('never caches runtime files and never serves dotfiles', async () => {
    const runtime = await httpGet(`${nginx.url}/runtime/build-info.json`);
    expect(runtime.status).toBe(200);
    expect(runtime.header('cache-control')).toBe('no-store');
    expect(runtime.header('content-type')).toMatch(/^application\/json/);
    expectSecurityHeaders(runtime);
    expect((await httpGet(`${nginx.url}/runtime/missing.json`)).status).toBe(404);
    for (const path of ['/.env', '/assets/../.git/config', '/sub/.htaccess']) {
      expect((await httpGet(`${nginx.url}${path}`)).status, path).toBe(404);
    }
  });
});

describe('a plain site (no SPA fallback)', () => {
  let nginx: RunningNginx;
  beforeAll(async () => {
    nginx = await startNginx({
      headers: { contentSecurityPolicy: "default-src 'none'", extra: { 'Permissions-Policy': 'camera=()' } },
    });
  }, 20_000);
  afterAll(() => nginx?.stop());

  it('answers unknown routes 404 and sends the configured headers everywhere', async () => {
    for (const [path, status] of [
      ['/studio', 404],
      ['/', 200],
      [`/${assets.css}`, 200],
      ['/healthz', 200],
    ] as const) {
      const response = await httpGet(`${nginx.url}${path}`);
      expect(response.status, path).toBe(status);
      expect(response.header('content-security-policy'), path).toBe("default-src 'none'");
      expect(response.header('permissions-policy'), path).toBe('camera=()');
      expect(response.header('x-content-type-options'), path).toBe('nosniff');
    }
  });
});

describe('a site under a sub-path', () => {
  let nginx: RunningNginx;
  beforeAll(async () => {
    nginx = await startNginx({ path: '/docs/', spaFallback: true });
  }, 20_000);
  afterAll(() => nginx?.stop());

  it('serves the site under /docs/ and nothing outside it', async () => {
    const index = await httpGet(`${nginx.url}/docs/`);
    expect(index.status).toBe(200);
    expect(index.body.equals(fixture('index.html'))).toBe(true);
    expect(index.header('cache-control')).toBe('no-cache');

    const redirect = await httpGet(`${nginx.url}/docs`);
    expect(redirect.status).toBe(301);
    expect(redirect.header('location')).toBe('/docs/');

    const asset = await httpGet(`${nginx.url}/docs/${assets.js}`);
    expect(asset.status).toBe(200);
    expect(asset.header('cache-control')).toBe(immutable);
    expect((await httpGet(`${nginx.url}/docs/assets/missing.js`)).status).toBe(404);

    const route = await httpGet(`${nginx.url}/docs/guide/install`);
    expect(route.status).toBe(200);
    expect(route.body.equals(fixture('index.html'))).toBe(true);

    for (const path of ['/', `/${assets.js}`, '/other/page']) {
      expect((await httpGet(`${nginx.url}${path}`)).status, path).toBe(404);
    }
    expect((await httpGet(`${nginx.url}/healthz`)).status).toBe(200);
  });
});

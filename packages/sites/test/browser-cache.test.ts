import { readFileSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BrowserContext, CDPSession, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { launchChromium } from './support/chromium.js';
import { fixtureSite, startNginx, type RunningNginx } from './support/nginx-server.js';

// Real Chromium against real nginx with the generated config: what a returning visitor costs.
const assets = JSON.parse(readFileSync(join(fixtureSite, 'assets.json'), 'utf8')) as { css: string; js: string };

interface Seen {
  url: string;
  status?: number;
  fromDiskCache?: boolean;
  servedFromCache?: boolean;
  requestHeaders?: Record<string, string>;
}

/** Records every request of a page through the DevTools protocol. */
async function recordNetwork(page: Page, context: BrowserContext) {
  const cdp: CDPSession = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  const byId = new Map<string, Seen>();
  cdp.on('Network.requestWillBeSent', (e) => byId.set(e.requestId, { url: e.request.url }));
  cdp.on('Network.requestServedFromCache', (e) => {
    const seen = byId.get(e.requestId);
    if (seen) seen.servedFromCache = true;
  });
  cdp.on('Network.requestWillBeSentExtraInfo', (e) => {
    const seen = byId.get(e.requestId);
    if (seen)
      seen.requestHeaders = Object.fromEntries(Object.entries(e.headers).map(([k, v]) => [k.toLowerCase(), String(v)]));
  });
  cdp.on('Network.responseReceived', (e) => {
    const seen = byId.get(e.requestId);
    if (seen) Object.assign(seen, { status: e.response.status, fromDiskCache: e.response.fromDiskCache });
  });
  return {
    take() {
      const all = [...byId.values()];
      byId.clear();
      return all;
    },
  };
}

let nginx: RunningNginx;
let browser: Awaited<ReturnType<typeof launchChromium>>;
beforeAll(async () => {
  nginx = await startNginx({ spaFallback: true });
  browser = await launchChromium();
}, 60_000);
afterAll(async () => {
  await browser?.close();
  await nginx?.stop();
});

it('renders, then on reload revalidates index.html (304) and takes hashed assets from the cache', async () => {
  const page = await browser.context.newPage();
  const network = await recordNetwork(page, browser.context);

  await page.goto(`${nginx.url}/`);
  await page.waitForSelector('#app[data-ready]');
  expect(await page.textContent('#app')).toBe('Rendered by the hashed script');
  // The hashed stylesheet applied (body margin 0): read in the page, where the DOM exists.
  expect(
    await page.$eval(
      'body',
      (body) =>
        (
          body.ownerDocument.defaultView as unknown as { getComputedStyle(e: unknown): { margin: string } }
        ).getComputedStyle(body).margin,
    ),
  ).toBe('0px');
  const first = network.take();
  const firstLog = nginx.accessLog();
  expect(firstLog.filter((e) => e.path === `/${assets.js}`).map((e) => e.status)).toEqual([200]);
  expect(firstLog.filter((e) => e.path === `/${assets.css}`).map((e) => e.status)).toEqual([200]);
  expect(first.find((s) => s.url.endsWith(assets.js))?.status).toBe(200);

  await page.reload();
  await page.waitForSelector('#app[data-ready]');
  expect(await page.textContent('#app')).toBe('Rendered by the hashed script');
  const second = network.take();
  const secondLog = nginx.accessLog().slice(firstLog.length);

  // The document went to nginx as a conditional request and came back 304, without a body.
  const documentRequest = second.find((s) => s.url === `${nginx.url}/`);
  expect(documentRequest?.requestHeaders?.['if-none-match']).toMatch(/^"[0-9a-f]+-[0-9a-f]+"$/);
  expect(secondLog.filter((e) => e.path === '/')).toEqual([{ method: 'GET', path: '/', status: 304 }]);

  // The hashed assets never reached nginx: Chromium answered them from its cache.
  expect(secondLog.filter((e) => e.path.startsWith('/assets/'))).toEqual([]);
  for (const name of [assets.js, assets.css]) {
    const seen = second.find((s) => s.url.endsWith(name));
    expect(seen, name).toBeDefined();
    expect(seen!.servedFromCache || seen!.fromDiskCache, name).toBe(true);
    expect(seen!.requestHeaders, `${name} went on the wire`).toBeUndefined();
  }
  // The data the app fetches at run time (runtime/build-info.json) is outside the contract: the
  // only other request allowed on reload.
  expect(secondLog.filter((e) => e.path !== '/' && !e.path.startsWith('/runtime/'))).toEqual([]);
}, 60_000);

it('shows a deploy on the next visit: the new index.html replaces the cached one, unchanged assets stay cached', async () => {
  const page = await browser.context.newPage();
  await page.goto(`${nginx.url}/studio`);
  await page.waitForSelector('#app[data-ready]');
  // A deploy: new index.html bytes served by a new nginx (as a new pod would) on the same origin.
  const indexPath = join(nginx.root, 'index.html');
  writeFileSync(
    indexPath,
    readFileSync(indexPath, 'utf8').replace('<title>fixture</title>', '<title>deployed</title>'),
  );
  const later = new Date(Date.now() + 60_000);
  utimesSync(indexPath, later, later);
  await nginx.restart();
  const before = nginx.accessLog().length;

  await page.goto(`${nginx.url}/studio`);
  await page.waitForSelector('#app[data-ready]');
  expect(await page.title()).toBe('deployed');
  const log = nginx.accessLog().slice(before);
  expect(log.filter((e) => e.path === '/studio').map((e) => e.status)).toEqual([200]);
  expect(log.filter((e) => e.path.startsWith('/assets/'))).toEqual([]);
}, 60_000);

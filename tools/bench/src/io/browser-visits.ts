import { mkdtempSync, readdirSync, rmSync, statSync, utimesSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import type { NginxServer } from './nginx-server.js';

/** One visit as the wire saw it. */
export interface Visit {
  readonly bytes: number;
  readonly requests: number;
  readonly onWire: readonly string[];
}

/** Sets every file's mtime: what the build left in the image, which drives stock nginx's heuristic caching. */
function setMtime(dir: string, time: Date): void {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) setMtime(path, time);
    utimesSync(path, time, time);
  }
}

/**
 * Bytes on the wire (headers and bodies, as Chromium counts them) for a first visit, a reload and
 * a revisit (a new navigation to `/`) in a fresh profile of Debian's chromium; the site's files
 * `ageSeconds` old. The server is reloaded first (new workers, as a new pod: no cached mtimes).
 */
export async function visits(
  server: NginxServer,
  root: string,
  ageSeconds: number,
  chromiumPath: string,
): Promise<Record<'first' | 'reload' | 'revisit', Visit>> {
  setMtime(root, new Date(Date.now() - ageSeconds * 1000));
  server.child.kill('SIGHUP');
  await new Promise((r) => setTimeout(r, 500));
  const profile = mkdtempSync(join(tmpdir(), 'sugarkube-bench-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: chromiumPath,
    headless: true,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-quic',
      '--no-first-run',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  try {
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    const urls = new Map<string, string>();
    const wire = new Map<string, string | number>();
    let bytes = 0;
    cdp.on('Network.requestWillBeSent', (e) =>
      urls.set(e.requestId, new URL(e.request.url).pathname.replace(/^\/assets\/app\.[0-9a-f]+\./, 'app.')),
    );
    // ExtraInfo events exist only for requests that went to the network (not for cache hits).
    cdp.on('Network.requestWillBeSentExtraInfo', (e) => wire.set(e.requestId, wire.get(e.requestId) ?? '?'));
    cdp.on('Network.responseReceivedExtraInfo', (e) => wire.set(e.requestId, e.statusCode));
    cdp.on('Network.loadingFinished', (e) => (bytes += e.encodedDataLength));
    const measure = async (go: () => Promise<unknown>): Promise<Visit> => {
      await page.waitForTimeout(1500); // let a just-written file age past any heuristic freshness
      bytes = 0;
      wire.clear();
      await go();
      await page.waitForSelector('#app[data-ready]');
      await page.waitForTimeout(300);
      const onWire = [...wire].map(([id, status]) => `${urls.get(id)} ${status}`).sort();
      return { bytes, requests: onWire.length, onWire };
    };
    return {
      first: await measure(() => page.goto(`${server.url}/`)),
      reload: await measure(() => page.reload()),
      revisit: await measure(() => page.goto(`${server.url}/`)),
    };
  } finally {
    await context.close();
    rmSync(profile, { recursive: true, force: true });
  }
}

import { execFileSync } from 'node:child_process';
import { chmodSync, cpSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { renderNginxConfig } from '@sugarkube/ci-workflows';
import type { BenchContext } from '../context.js';
import { visits, type Visit } from '../io/browser-visits.js';
import { freePort, startNginx, type NginxServer } from '../io/nginx-server.js';
import { freshDir } from '../io/scratch.js';
import { wrk } from '../io/wrk.js';
import { applyVariant, configVariants, stockConfig, type ConfigVariant } from '../nginx/config-variants.js';
import type { WrkResult } from '../nginx/parse-wrk.js';
import { bytes, num, times } from '../report/format.js';
import type { Block } from '../scenario.js';
import { scenarioTitles, type GoalCheck, type ScenarioResult } from '../scenario.js';
import { summarize } from '../stats/summarize.js';

/** The site both servers serve: index.html, a 4 KB stylesheet and a 100 KB script, hashed names, `.gz` twins. */
export const siteFixture = 'packages/sites/test/fixtures/site';

const cases = (assets: { css: string; js: string }) =>
  [
    ['index.html', '/', 'small'],
    ['4 KB stylesheet', `/${assets.css}`, 'small'],
    ['100 KB script', `/${assets.js}`, 'large'],
  ] as const;

const commandPath = (name: string) => execFileSync('sh', ['-c', `command -v ${name}`], { encoding: 'utf8' }).trim();

/**
 * (g) The nginx config @sugarkube/ci-workflows generates against Debian's stock config, on the same
 * files from loopback, and an ablation: the generated config with one directive group removed per
 * row. wrk (requests/s, p50, p99, bytes per response) interleaved over every server, then Chromium
 * visits (bytes on the wire for a first visit, a reload and a revisit) for the rows that change them.
 */
export async function nginxBench(ctx: BenchContext): Promise<ScenarioResult> {
  const duration = ctx.smoke ? 1 : 3;
  const connections = 8;
  const fixture = join(ctx.repoRoot, siteFixture);
  const assets = JSON.parse(readFileSync(join(fixture, 'assets.json'), 'utf8')) as { css: string; js: string };
  const chromiumPath = commandPath('chromium');
  const work = freshDir(ctx.workDir, 'g-nginx');
  chmodSync(ctx.workDir, 0o755);
  chmodSync(work, 0o755);
  const root = join(work, 'html');
  cpSync(fixture, root, { recursive: true });

  const variants: (ConfigVariant | { name: 'sugarkube' | 'stock'; visits: true })[] = [
    { name: 'sugarkube', visits: true },
    { name: 'stock', visits: true },
    ...(ctx.smoke ? configVariants.slice(0, 1) : configVariants),
  ];
  const servers: NginxServer[] = [];
  try {
    for (const [i, v] of variants.entries()) {
      const port = await freePort();
      const dir = join(work, `server-${i}`);
      if (v.name === 'stock') {
        const { main, site } = stockConfig(
          readFileSync('/etc/nginx/nginx.conf', 'utf8'),
          readFileSync('/etc/nginx/sites-available/default', 'utf8'),
          { port, root, dir },
        );
        servers.push(await startNginx(v.name, dir, { 'nginx.conf': main, default: site }, port));
      } else {
        freshDir(work, `server-${i}/run`);
        freshDir(work, `server-${i}/cache`);
        const full = renderNginxConfig({
          listenAddress: '127.0.0.1',
          port,
          root,
          spaFallback: true,
          tmpDir: join(dir, 'run'),
          cacheDir: join(dir, 'cache'),
          accessLog: join(dir, 'access.log'),
        });
        const conf = v.name === 'sugarkube' ? full : applyVariant(full, v as ConfigVariant);
        servers.push(await startNginx(v.name, dir, { 'nginx.conf': conf }, port));
      }
    }
    const runs = new Map<string, WrkResult[]>();
    for (const [label, path] of cases(assets)) {
      for (let round = 0; round < ctx.runs; round++) {
        for (let k = 0; k < servers.length; k++) {
          const server = servers[(round + k) % servers.length]!;
          wrk(`${server.url}${path}`, 1, connections); // warm-up: open_file_cache, page cache, connections
          const r = wrk(`${server.url}${path}`, duration, connections);
          const key = `${label}|${server.name}`;
          runs.set(key, [...(runs.get(key) ?? []), r]);
        }
      }
      ctx.log(`g: ${label} measured on ${servers.length} servers`);
    }
    const visitResults = new Map<string, Record<'first' | 'reload' | 'revisit', Visit>>();
    for (const [scenario, age] of [
      ['just deployed', 0],
      ['deployed 10 days ago', 10 * 86400],
    ] as const) {
      for (const [i, server] of servers.entries()) {
        if (!variants[i]!.visits) continue;
        visitResults.set(`${scenario}|${server.name}`, await visits(server, root, age, chromiumPath));
      }
      ctx.log(`g: visits, ${scenario}`);
    }
    return report(ctx, assets, variants, runs, visitResults, duration, connections);
  } finally {
    for (const s of servers) s.stop();
  }
}

function report(
  ctx: BenchContext,
  assets: { css: string; js: string },
  variants: readonly { name: string; visits: boolean; buys?: string }[],
  runs: Map<string, WrkResult[]>,
  visitResults: Map<string, Record<'first' | 'reload' | 'revisit', Visit>>,
  duration: number,
  connections: number,
): ScenarioResult {
  const med = (label: string, name: string, pick: (r: WrkResult) => number) =>
    summarize(runs.get(`${label}|${name}`)!.map(pick)).median;
  const throughput: string[][] = [];
  const goals: GoalCheck[] = [];
  for (const [label, , size] of cases(assets)) {
    for (const name of ['sugarkube', 'stock']) {
      const rps = med(label, name, (r) => r.rps);
      const stockRps = med(label, 'stock', (r) => r.rps);
      throughput.push([
        label,
        name,
        num(rps),
        `${num(summarize(runs.get(`${label}|${name}`)!.map((r) => r.rps)).min)}–${num(summarize(runs.get(`${label}|${name}`)!.map((r) => r.rps)).max)}`,
        num(
          med(label, name, (r) => r.p50Ms),
          2,
        ),
        num(
          med(label, name, (r) => r.p99Ms),
          2,
        ),
        bytes(med(label, name, (r) => r.bytesPerResponse)),
        times(rps / stockRps),
      ]);
    }
    const ratio = med(label, 'sugarkube', (r) => r.rps) / med(label, 'stock', (r) => r.rps);
    const want = size === 'small' ? 2 : 3;
    goals.push({ goal: `${label}: at least ${want}× stock's requests/s`, measured: times(ratio), met: ratio >= want });
  }
  const ablation = variants
    .filter((v) => v.name !== 'stock')
    .map((v) => [
      v.name,
      v.buys ?? 'the generated config, whole',
      ...cases(assets).map(
        ([label]) =>
          `${num(med(label, v.name, (r) => r.rps))} (${times(med(label, v.name, (r) => r.rps) / med(label, 'sugarkube', (r) => r.rps))})`,
      ),
      ...cases(assets).map(([label]) => bytes(med(label, v.name, (r) => r.bytesPerResponse))),
    ]);
  const visitRows: string[][] = [];
  for (const [key, byVisit] of visitResults) {
    const [scenario, name] = key.split('|') as [string, string];
    for (const visit of ['first', 'reload', 'revisit'] as const) {
      const v = byVisit[visit];
      visitRows.push([scenario, visit, name, String(v.requests), bytes(v.bytes), v.onWire.join(', ')]);
    }
  }
  for (const scenario of ['just deployed', 'deployed 10 days ago']) {
    const ours = visitResults.get(`${scenario}|sugarkube`)?.revisit.bytes;
    const stock = visitResults.get(`${scenario}|stock`)?.revisit.bytes;
    if (ours !== undefined && stock !== undefined) {
      goals.push({
        goal: `revisit bytes no more than stock's (${scenario})`,
        measured: `${bytes(ours)} vs ${bytes(stock)}`,
        met: ours <= stock,
      });
    }
  }
  const blocks: Block[] = [
    {
      text:
        `The fixture site (\`${siteFixture}\`: index.html, a 4 KB stylesheet and a 100 KB script with hashed names and precompressed \`.gz\` twins) served from loopback by Debian's nginx. ` +
        '"sugarkube" = `renderNginxConfig({ spaFallback: true, … })` of @sugarkube/ci-workflows with only listen address, root, pid, temp and log paths changed; "stock" = Debian\'s `/etc/nginx/nginx.conf` and `sites-available/default` with the same changes. Both write an access log. ' +
        `wrk -t1 -c${connections} -d${duration}s --latency, \`Accept-Encoding: gzip, deflate, br\`, a 1 s warm-up before each run; medians of ${ctx.runs} rounds, every server in every round, the order rotating.`,
    },
    {
      table: {
        header: ['case', 'server', 'req/s', 'req/s min–max', 'p50 ms', 'p99 ms', 'bytes/response', 'req/s vs stock'],
        rows: throughput,
        numeric: [2, 3, 4, 5, 6, 7],
      },
    },
    {
      text:
        "Ablation: the generated config with one directive group removed (nginx's default takes its place), measured in the same rounds; req/s with the ratio to the full config. " +
        "`etag on` and `if_modified_since exact` are written out but are nginx's defaults, so removing them changes nothing and they have no row.",
    },
    {
      table: {
        header: [
          'config',
          'what the group buys',
          ...cases(assets).map(([l]) => `${l} req/s`),
          ...cases(assets).map(([l]) => `${l} bytes`),
        ],
        rows: ablation,
        numeric: [2, 3, 4, 5, 6, 7],
      },
    },
    {
      text: "Chromium (Debian's, through playwright-core), a fresh profile per server and scenario; bytes as DevTools counts them (headers and bodies).",
    },
    {
      table: {
        header: ['files', 'visit', 'server', 'requests on the wire', 'bytes on the wire', 'on the wire'],
        rows: visitRows,
        numeric: [3, 4],
      },
    },
  ];
  return { id: 'g', title: scenarioTitles.g, command: ctx.reproduce('--only g'), blocks, goals };
}

#!/usr/bin/env node
// Benchmarks the nginx config @sugarkube/ci-workflows generates for a static site against Debian's stock nginx config,
// both serving the same fixture site from loopback, in one run:
//   1. wrk: requests/s, p50 and p99 latency for index.html, a 4 KB stylesheet, a 100 KB script
//      (each case a few seconds, with a browser's Accept-Encoding);
//   2. Chromium (playwright-core): bytes on the wire for a first visit, a reload and a revisit.
// Needs Debian nginx, wrk, chromium and a built @sugarkube/ci-workflows (`npx nx run @sugarkube/ci-workflows:build`).
// Usage: node tools/bench/run.mjs [--rounds 3] [--duration 3] [--connections 8] [--json out.json]
// Each wrk case runs --rounds times, alternating which server goes first; the table shows medians.
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { chmodSync, cpSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { renderNginxConfig } from '@sugarkube/ci-workflows';
import { chromium } from 'playwright-core';

const { values: args } = parseArgs({
  options: { rounds: { type: 'string', default: '3' }, duration: { type: 'string', default: '3' }, connections: { type: 'string', default: '8' }, json: { type: 'string' } },
});
const here = dirname(fileURLToPath(import.meta.url));
const fixture = join(here, '../../packages/sites/test/fixtures/site');
const assets = JSON.parse(readFileSync(join(fixture, 'assets.json'), 'utf8'));
const tool = (name) => {
  try {
    return execFileSync('sh', ['-c', `command -v ${name}`], { encoding: 'utf8' }).trim();
  } catch {
    throw new Error(`${name} not found: install the Debian package (tools/ci/apt-packages.txt)`);
  }
};
const nginxBin = tool('nginx');
const wrkBin = tool('wrk');
const chromiumBin = tool('chromium');

const freePort = () =>
  new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });

// One copy of the site for both servers.
const work = mkdtempSync(join(tmpdir(), 'sugarkube-bench-'));
chmodSync(work, 0o755);
const root = join(work, 'html');
cpSync(fixture, root, { recursive: true });

function sugarkubeConfig(port) {
  const dir = join(work, 'sugarkube');
  mkdirSync(join(dir, 'run'), { recursive: true });
  mkdirSync(join(dir, 'cache'), { recursive: true });
  const conf = renderNginxConfig({ listenAddress: '127.0.0.1', port, root, spaFallback: true, tmpDir: join(dir, 'run'), cacheDir: join(dir, 'cache'), accessLog: join(dir, 'access.log') });
  writeFileSync(join(dir, 'nginx.conf'), conf);
  return { dir, conf: join(dir, 'nginx.conf') };
}

/** Debian's /etc/nginx/nginx.conf and sites-available/default, moved to a loopback port and our root; nothing else changed. */
function stockConfig(port) {
  const dir = join(work, 'stock');
  mkdirSync(dir, { recursive: true });
  const site = readFileSync('/etc/nginx/sites-available/default', 'utf8')
    .replace(/listen 80 default_server;/, `listen 127.0.0.1:${port} default_server;`)
    .replace(/\n\s*listen \[::\]:80 default_server;/, '')
    .replace(/root \/var\/www\/html;/, `root ${root};`);
  writeFileSync(join(dir, 'default'), site);
  const main = readFileSync('/etc/nginx/nginx.conf', 'utf8')
    .replace(/^pid .*;$/m, `pid ${dir}/nginx.pid;`)
    .replace(/^error_log .*;$/m, `error_log ${dir}/error.log;`)
    .replace(/access_log \/var\/log\/nginx\/access.log;/, `access_log ${dir}/access.log;`)
    .replace(/include \/etc\/nginx\/sites-enabled\/\*;/, `include ${dir}/default;`);
  if (!main.includes(`include ${dir}/default;`)) throw new Error('unexpected /etc/nginx/nginx.conf: no sites-enabled include');
  writeFileSync(join(dir, 'nginx.conf'), main);
  return { dir, conf: join(dir, 'nginx.conf') };
}

async function start(name, { dir, conf }, port) {
  // nginx -t first: a broken config fails here with nginx's own message.
  execFileSync(nginxBin, ['-t', '-p', dir, '-c', conf], { stdio: ['ignore', 'ignore', 'inherit'] });
  const child = spawn(nginxBin, ['-p', dir, '-c', conf, '-g', 'daemon off;'], { stdio: ['ignore', 'ignore', 'inherit'] });
  const url = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 200; i++) {
    try {
      if ((await fetch(`${url}/index.html`)).ok) return { name, url, child };
    } catch {
      await new Promise((r) => setTimeout(r, 50));
    }
  }
  throw new Error(`${name} nginx did not start`);
}

const toMs = (value) => {
  const m = /^([\d.]+)(us|ms|s|m)$/.exec(value);
  if (!m) throw new Error(`cannot parse latency ${value}`);
  return Number(m[1]) * { us: 0.001, ms: 1, s: 1000, m: 60000 }[m[2]];
};
const toBytes = (value) => {
  const m = /^([\d.]+)(B|KB|MB|GB)$/.exec(value);
  return Number(m[1]) * { B: 1, KB: 1024, MB: 1024 ** 2, GB: 1024 ** 3 }[m[2]];
};

function wrk(url, seconds) {
  const out = execFileSync(
    wrkBin,
    ['-t1', `-c${args.connections}`, `-d${seconds}s`, '--latency', '-H', 'Accept-Encoding: gzip, deflate, br', url],
    { encoding: 'utf8' },
  );
  const pick = (re) => {
    const m = re.exec(out);
    if (!m) throw new Error(`unexpected wrk output:\n${out}`);
    return m[1];
  };
  const requests = Number(pick(/(\d+) requests in/));
  const errors = /Non-2xx or 3xx responses: (\d+)/.exec(out);
  return {
    rps: Number(pick(/Requests\/sec:\s+([\d.]+)/)),
    p50: toMs(pick(/\n\s+50%\s+(\S+)/)),
    p99: toMs(pick(/\n\s+99%\s+(\S+)/)),
    bytesPerRequest: Math.round((toBytes(pick(/Transfer\/sec:\s+(\S+)/)) * 1) / Number(pick(/Requests\/sec:\s+([\d.]+)/))),
    requests,
    non2xx: errors ? Number(errors[1]) : 0,
  };
}

/** Sets every file's mtime: what the build left in the image, which drives the stock config's heuristic caching. */
function setMtime(dir, time) {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) setMtime(path, time);
    utimesSync(path, time, time);
  }
}

/**
 * Bytes on the wire (headers and bodies, as Chromium counts them) for a first visit, a reload and
 * a revisit (a new navigation), in a fresh profile. `age` is how old the site's files are.
 */
async function visits(server, ageSeconds) {
  const url = server.url;
  setMtime(root, new Date(Date.now() - ageSeconds * 1000));
  // New workers, as in a new pod: open_file_cache must not keep the old mtimes (and ETags).
  server.child.kill('SIGHUP');
  await new Promise((r) => setTimeout(r, 500));
  const profile = mkdtempSync(join(tmpdir(), 'sugarkube-bench-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: chromiumBin,
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-quic', '--no-first-run', '--disable-component-update', '--disable-sync'],
  });
  try {
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    const urls = new Map();
    const wire = new Map();
    let bytes = 0;
    cdp.on('Network.requestWillBeSent', (e) => urls.set(e.requestId, new URL(e.request.url).pathname.replace(/^\/assets\/app\.[0-9a-f]+\./, 'app.')));
    // ExtraInfo events exist only for requests that went to the network (not for cache hits).
    cdp.on('Network.requestWillBeSentExtraInfo', (e) => wire.set(e.requestId, wire.get(e.requestId) ?? '?'));
    cdp.on('Network.responseReceivedExtraInfo', (e) => wire.set(e.requestId, e.statusCode));
    cdp.on('Network.loadingFinished', (e) => (bytes += e.encodedDataLength));
    const measure = async (go) => {
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
      first: await measure(() => page.goto(`${url}/`)),
      reload: await measure(() => page.reload()),
      revisit: await measure(() => page.goto(`${url}/`)),
    };
  } finally {
    await context.close();
    rmSync(profile, { recursive: true, force: true });
  }
}

const ports = { sugarkube: await freePort(), stock: await freePort() };
const servers = [
  await start('sugarkube', sugarkubeConfig(ports.sugarkube), ports.sugarkube),
  await start('stock', stockConfig(ports.stock), ports.stock),
];
const results = { cases: [], visits: {} };
try {
  const seconds = Number(args.duration);
  const cases = [
    ['index.html', '/'],
    ['4 KB stylesheet', `/${assets.css}`],
    ['100 KB script', `/${assets.js}`],
  ];
  const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
  for (const [label, path] of cases) {
    const runs = { sugarkube: [], stock: [] };
    for (let round = 0; round < Number(args.rounds); round++) {
      for (const server of round % 2 ? [...servers].reverse() : servers) {
        wrk(`${server.url}${path}`, 1); // warm-up: open_file_cache, page cache, connections
        runs[server.name].push(wrk(`${server.url}${path}`, seconds));
      }
    }
    const row = { case: label, runs };
    for (const name of Object.keys(runs)) {
      row[name] = Object.fromEntries(Object.keys(runs[name][0]).map((key) => [key, median(runs[name].map((r) => r[key]))]));
    }
    results.cases.push(row);
  }
  for (const [scenario, age] of [['just deployed', 0], ['deployed 10 days ago', 10 * 86400]]) {
    results.visits[scenario] = {};
    for (const server of servers) results.visits[scenario][server.name] = await visits(server, age);
  }
} finally {
  for (const server of servers) server.child.kill('SIGQUIT');
}

const fmt = (n, digits = 0) => n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });
const lines = [];
const nginxVersion = spawnSync(nginxBin, ['-v'], { encoding: 'utf8' }).stderr.trim();
lines.push(`medians of ${args.rounds} rounds of wrk -t1 -c${args.connections} -d${args.duration}s, Accept-Encoding: gzip, deflate, br; ${nginxVersion}`);
lines.push('');
lines.push('| case | server | req/s | p50 ms | p99 ms | bytes/response | req/s ratio | p99 ratio |');
lines.push('| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: |');
for (const row of results.cases) {
  for (const name of ['sugarkube', 'stock']) {
    const r = row[name];
    const ratio = name === 'sugarkube' ? `${fmt(r.rps / row.stock.rps, 2)}×` : '1×';
    const p99 = name === 'sugarkube' ? `${fmt(r.p99 / row.stock.p99, 2)}×` : '1×';
    lines.push(`| ${row.case} | ${name} | ${fmt(r.rps)} | ${fmt(r.p50, 2)} | ${fmt(r.p99, 2)} | ${fmt(r.bytesPerRequest)} | ${ratio} | ${p99} |`);
    if (r.non2xx) lines.push(`| | ${name}: ${r.non2xx} non-2xx/3xx responses | | | | | | |`);
  }
}
lines.push('');
lines.push('| files | visit (Chromium, fresh profile) | server | requests on the wire | bytes on the wire | on the wire |');
lines.push('| --- | --- | --- | ---: | ---: | --- |');
for (const [scenario, byServer] of Object.entries(results.visits)) {
  for (const visit of ['first', 'reload', 'revisit']) {
    for (const name of ['sugarkube', 'stock']) {
      const v = byServer[name][visit];
      lines.push(`| ${scenario} | ${visit} | ${name} | ${v.requests} | ${fmt(v.bytes)} | ${v.onWire.join(', ')} |`);
    }
  }
}
console.log(lines.join('\n'));
if (args.json) writeFileSync(args.json, JSON.stringify(results, null, 2) + '\n');
rmSync(work, { recursive: true, force: true });

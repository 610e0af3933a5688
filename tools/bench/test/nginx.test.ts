import { execFileSync, spawn } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { renderNginxConfig } from '@sugarkube/ci-workflows';
import { afterAll, describe, expect, it } from 'vitest';
import { applyVariant, configVariants, parseWrk, stockConfig } from '../src/index.js';

describe('parseWrk', () => {
  it('reads a real `wrk --latency` run', () => {
    const r = parseWrk(readFileSync(join(import.meta.dirname, 'fixtures/wrk-output.txt'), 'utf8'));
    expect(r.p50Ms).toBeCloseTo(0.239, 9);
    expect({ ...r, p50Ms: 0 }).toEqual({
      rps: 19608.12,
      p50Ms: 0,
      p99Ms: 16.84,
      // 4.49 MB/s over 19,608.12 req/s
      bytesPerResponse: Math.round((4.49 * 1024 ** 2) / 19608.12),
      requests: 19776,
      non2xx3xx: 0,
    });
  });
  it('quotes the output it cannot read', () => {
    expect(() => parseWrk('connection refused')).toThrow(
      /unexpected wrk output \(no .*Requests.*\):\nconnection refused/,
    );
  });
});

describe('the ablation variants of the generated config', () => {
  const dir = mkdtempSync(join(tmpdir(), 'bench-nginx-test-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const nginxAccepts = (name: string, conf: string) => {
    const file = join(dir, `${name.replace(/\W+/g, '-')}.conf`);
    writeFileSync(file, conf);
    execFileSync('nginx', ['-t', '-q', '-p', dir, '-c', file], { stdio: ['ignore', 'ignore', 'pipe'] });
  };
  const full = renderNginxConfig({
    listenAddress: '127.0.0.1',
    port: 18080,
    root: dir,
    tmpDir: dir,
    cacheDir: dir,
    accessLog: join(dir, 'access.log'),
  });

  const removals = configVariants.filter((v) => !v.transform);
  it.each(removals.map((v) => [v.name, v]))(
    '%s removes exactly its lines, and real nginx accepts the result',
    (_name, variant) => {
      const conf = applyVariant(full, variant);
      const removed = full.split('\n').filter((l) => !conf.split('\n').includes(l));
      expect(removed.length).toBeGreaterThan(0);
      for (const line of removed) {
        const t = line.trim();
        const matches = [
          ...(variant.directives ?? []).map((d) => t.startsWith(`${d} `)),
          ...(variant.headers ?? []).map((h) => t.startsWith(`add_header ${h} `)),
        ];
        expect(matches.some(Boolean), line).toBe(true);
      }
      nginxAccepts(variant.name, conf);
    },
  );

  it.each(configVariants.filter((v) => v.transform).map((v) => [v.name, v]))(
    'candidate %s changes the config, and real nginx accepts it',
    (_name, variant) => {
      const conf = applyVariant(full, variant);
      expect(conf).not.toBe(full);
      nginxAccepts(variant.name, conf);
    },
  );

  it('the 304 candidate: a 200 carries the security headers, a 304 of the same URL does not (real nginx)', async () => {
    const candidate = configVariants.find((v) => v.name === '+ security headers left off 304s')!;
    const root = join(dir, 'site');
    mkdirSync(root, { recursive: true });
    chmodSync(dir, 0o755); // nginx's workers (user nobody under a root master) read the site
    writeFileSync(join(root, 'index.html'), '<!doctype html><title>t</title>\n');
    const port = 18000 + Math.floor(Math.random() * 20000);
    const conf = applyVariant(
      renderNginxConfig({ listenAddress: '127.0.0.1', port, root, tmpDir: dir, cacheDir: dir, accessLog: false }),
      candidate,
    );
    writeFileSync(join(dir, 'candidate.conf'), conf);
    const server = spawn('nginx', ['-p', dir, '-c', join(dir, 'candidate.conf'), '-g', 'daemon off;'], {
      stdio: 'ignore',
    });
    try {
      let first: Response | undefined;
      for (let i = 0; i < 100 && !first; i++) {
        first = await fetch(`http://127.0.0.1:${port}/`).catch(() => undefined);
        if (!first) await new Promise((r) => setTimeout(r, 50));
      }
      expect(first!.status).toBe(200);
      expect(first!.headers.get('content-security-policy')).toContain("default-src 'self'");
      expect(first!.headers.get('x-content-type-options')).toBe('nosniff');
      const again = await fetch(`http://127.0.0.1:${port}/`, {
        headers: { 'If-None-Match': first!.headers.get('etag')! },
      });
      expect(again.status).toBe(304);
      expect(again.headers.get('content-security-policy')).toBeNull();
      expect(again.headers.get('x-content-type-options')).toBeNull();
      expect(again.headers.get('cache-control')).toBe('no-cache');
    } finally {
      server.kill('SIGQUIT');
    }
  });

  it('refuses a variant whose directive the config does not have (it would measure nothing)', () => {
    expect(() => applyVariant(full, { name: '− brotli', buys: '', directives: ['brotli'], visits: false })).toThrow(
      '− brotli: the generated config has no "brotli" line to remove',
    );
  });
});

describe('stockConfig', () => {
  it("moves Debian's stock config to loopback, the site root and private paths, and nginx accepts it", () => {
    const dir = mkdtempSync(join(tmpdir(), 'bench-stock-test-'));
    try {
      mkdirSync(join(dir, 'html'));
      const { main, site } = stockConfig(
        readFileSync('/etc/nginx/nginx.conf', 'utf8'),
        readFileSync('/etc/nginx/sites-available/default', 'utf8'),
        {
          port: 18081,
          root: join(dir, 'html'),
          dir,
        },
      );
      expect(site).toContain('listen 127.0.0.1:18081 default_server;');
      expect(site).not.toMatch(/^\s*listen \[::\]:80/m);
      expect(main).toContain(`include ${dir}/default;`);
      writeFileSync(join(dir, 'nginx.conf'), main);
      writeFileSync(join(dir, 'default'), site);
      execFileSync('nginx', ['-t', '-q', '-p', dir, '-c', join(dir, 'nginx.conf')], {
        stdio: ['ignore', 'ignore', 'pipe'],
      });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
  it('says which stock file changed shape', () => {
    expect(() =>
      stockConfig('events {}\nhttp {}\n', 'listen 80 default_server;', { port: 1, root: '/r', dir: '/d' }),
    ).toThrow('unexpected /etc/nginx/nginx.conf: no sites-enabled include');
  });
});

import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
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
  const full = renderNginxConfig({
    listenAddress: '127.0.0.1',
    port: 18080,
    root: dir,
    tmpDir: dir,
    cacheDir: dir,
    accessLog: join(dir, 'access.log'),
  });

  it.each(configVariants.map((v) => [v.name, v]))(
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
      const file = join(dir, `${variant.name.replace(/\W+/g, '-')}.conf`);
      writeFileSync(file, conf);
      execFileSync('nginx', ['-t', '-q', '-p', dir, '-c', file], { stdio: ['ignore', 'ignore', 'pipe'] });
    },
  );

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

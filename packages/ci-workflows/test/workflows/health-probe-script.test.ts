import { spawn } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { healthProbeScript } from '../../src/workflows/smoke.js';

// The smoke probe under real bash and curl against a real HTTP server on a
// random loopback port; `docker inspect` is a stand-in saying whether the
// container still runs.
const dir = mkdtempSync(join(tmpdir(), 'sugarkube-probe-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function probe(
  port: number,
  paths: string,
  running = true,
  startupSeconds = 6,
): Promise<{ code: number | null; out: string }> {
  writeFileSync(join(dir, 'docker'), `#!/usr/bin/env bash\necho ${running}\n`);
  chmodSync(join(dir, 'docker'), 0o755);
  return new Promise((resolve) => {
    const child = spawn('bash', ['-e', '-c', healthProbeScript], {
      env: {
        PATH: `${dir}:${process.env['PATH']}`,
        HOST_PORT: String(port),
        HEALTH_PATHS: paths,
        STARTUP_SECONDS: String(startupSeconds),
      },
    });
    let out = '';
    child.stdout.on('data', (d) => {
      out += d;
    });
    child.stderr.on('data', (d) => {
      out += d;
    });
    child.on('close', (code) => resolve({ code, out }));
  });
}

function serve(handler: (path: string, hits: number) => number): Promise<Server> {
  let hits = 0;
  const server = createServer((req, res) => {
    res.writeHead(handler(req.url ?? '/', ++hits));
    res.end('x');
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}
const portOf = (s: Server) => (s.address() as AddressInfo).port;

describe('smoke health probe (real bash, curl and HTTP)', () => {
  it('waits until the app answers, then checks every path', async () => {
    const server = await serve((_path, hits) => (hits < 3 ? 503 : 200));
    try {
      const r = await probe(portOf(server), '/healthz /');
      expect(r.out).toContain('ok: /healthz');
      expect(r.out).toContain('ok: /');
      expect(r.code).toBe(0);
    } finally {
      server.close();
    }
  }, 30_000);

  it('fails when a path never answers 2xx', async () => {
    const server = await serve((path) => (path === '/missing' ? 404 : 200));
    try {
      const r = await probe(portOf(server), '/ /missing', true, 3);
      expect(r.out).toContain('ok: /');
      expect(r.out).toContain('::error::/missing did not answer 2xx');
      expect(r.code).toBe(1);
    } finally {
      server.close();
    }
  }, 30_000);

  it('fails at once when the container has stopped', async () => {
    const server = await serve(() => 500);
    try {
      const started = Date.now();
      const r = await probe(portOf(server), '/', false, 60);
      expect(r.code).toBe(1);
      expect(Date.now() - started).toBeLessThan(10_000);
    } finally {
      server.close();
    }
  }, 30_000);
});

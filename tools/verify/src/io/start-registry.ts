import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { cacheEntry } from './cache-entry.js';

/** Debian's `docker-registry` (distribution 2.8, on PATH) or the pinned CNCF Distribution v3 build. */
export type RegistryBinary = 'docker-registry' | 'distribution-v3';

export interface RunningRegistry {
  /** `127.0.0.1:PORT`, plain HTTP. */
  readonly host: string;
  stop(): Promise<void>;
}

/** A free TCP port on loopback. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

function registryCommand(binary: RegistryBinary): string {
  return binary === 'docker-registry' ? 'docker-registry' : cacheEntry('distribution-registry');
}

/**
 * Starts a real OCI registry (`<registry> serve CONFIG`) on a free loopback port with filesystem
 * storage under `dir/<name>-storage` and the given `auth:` block ('' for none), and waits until
 * `/v2/` answers.
 */
export async function startRegistry(
  dir: string,
  name: string,
  auth: string,
  binary: RegistryBinary = 'docker-registry',
): Promise<RunningRegistry> {
  const port = await freePort();
  const storage = join(dir, `${name}-storage`);
  mkdirSync(storage, { recursive: true });
  const config = join(dir, `${name}.yml`);
  writeFileSync(
    config,
    `version: 0.1\nlog:\n  level: error\nstorage:\n  filesystem:\n    rootdirectory: ${storage}\n  delete:\n    enabled: true\nhttp:\n  addr: 127.0.0.1:${port}\n${auth}`,
  );
  const child: ChildProcess = spawn(registryCommand(binary), ['serve', config], {
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr?.on('data', (d: Buffer) => (stderr += d.toString()));
  const host = `127.0.0.1:${port}`;
  const deadline = Date.now() + 15_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`${binary} exited: ${stderr}`);
    try {
      const r = await fetch(`http://${host}/v2/`);
      if (r.status === 401 || r.status === 200) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`${binary} did not start on ${host}: ${stderr}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    host,
    stop: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from '@sugarkube/verify';

export interface RunningRegistry {
  /** e.g. `http://127.0.0.1:40123/` */
  readonly url: string;
  /** An auth token for the `ci` user, for `npm publish`. */
  readonly token: string;
  stop(): Promise<void>;
}

async function waitForPing(url: string, child: ChildProcess, log: () => string): Promise<void> {
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`verdaccio exited ${child.exitCode}:\n${log()}`);
    try {
      const response = await fetch(new URL('-/ping', url));
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`verdaccio did not answer within 30 s:\n${log()}`);
}

/**
 * Starts a real Verdaccio on a free loopback port with an empty storage and no
 * uplinks: it serves only what the test publishes (`@sugarkube/*`); everything
 * else is installed from the public registry through a scoped `.npmrc`.
 */
export async function startVerdaccio(verdaccioBin: string): Promise<RunningRegistry> {
  const dir = await mkdtemp(join(tmpdir(), 'sugarkube-verdaccio-'));
  const port = await freePort();
  const config = [
    `storage: ${join(dir, 'storage')}`,
    'auth:',
    '  htpasswd:',
    `    file: ${join(dir, 'htpasswd')}`,
    '    max_users: 10',
    'uplinks: {}',
    'packages:',
    "  '@sugarkube/*':",
    '    access: $all',
    '    publish: $authenticated',
    "  '**':",
    '    access: $all',
    '    publish: $authenticated',
    'log: { type: stdout, format: pretty, level: warn }',
    '',
  ].join('\n');
  await writeFile(join(dir, 'config.yaml'), config);
  const url = `http://127.0.0.1:${port}/`;
  const child = spawn(
    process.execPath,
    [verdaccioBin, '--config', join(dir, 'config.yaml'), '--listen', `127.0.0.1:${port}`],
    {
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let output = '';
  child.stdout?.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (output += d.toString()));
  await waitForPing(url, child, () => output);
  const response = await fetch(new URL('-/user/org.couchdb.user:ci', url), {
    method: 'PUT',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ name: 'ci', password: 'sugarkube-e2e-password' }),
  });
  const body = (await response.json()) as { token?: string };
  if (!response.ok || !body.token) throw new Error(`could not create the verdaccio user: ${JSON.stringify(body)}`);
  return {
    url,
    token: body.token,
    stop: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('close', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';

/** A free loopback port. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const address = s.address();
      s.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

export interface NginxServer {
  readonly name: string;
  readonly url: string;
  readonly child: ChildProcess;
  stop(): void;
}

/**
 * Starts Debian's nginx in the foreground with `files` (name → content; `nginx.conf` is the
 * main config) written into `dir`; resolves once `/index.html` answers. `nginx -t` first, so a
 * broken config fails with nginx's own message.
 */
export async function startNginx(
  name: string,
  dir: string,
  files: Readonly<Record<string, string>>,
  port: number,
): Promise<NginxServer> {
  mkdirSync(dir, { recursive: true });
  for (const [file, content] of Object.entries(files)) writeFileSync(join(dir, file), content);
  const conf = join(dir, 'nginx.conf');
  execFileSync('nginx', ['-t', '-q', '-p', dir, '-c', conf], { stdio: ['ignore', 'ignore', 'inherit'] });
  const child = spawn('nginx', ['-p', dir, '-c', conf, '-g', 'daemon off;'], {
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const url = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 200; i++) {
    try {
      if ((await fetch(`${url}/index.html`)).ok) return { name, url, child, stop: () => void child.kill('SIGQUIT') };
    } catch {
      await new Promise((r) => setTimeout(r, 50));
    }
  }
  child.kill('SIGQUIT');
  throw new Error(`${name}: nginx did not answer on ${url} within 10 s`);
}

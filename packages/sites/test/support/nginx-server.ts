import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { chmodSync, cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { renderNginxConfig, type NginxConfigOptions } from '@sugarkube/ci-workflows';
import { requireTool } from './require-tool.js';

export const fixtureSite = new URL('../fixtures/site/', import.meta.url).pathname;

export interface RunningNginx {
  readonly url: string;
  readonly dir: string;
  readonly root: string;
  readonly config: string;
  /** Access log lines so far, parsed from the `main` format: `[method, path, status]`. */
  accessLog(): { method: string; path: string; status: number }[];
  /** A new nginx on the same port and files, as a new pod (empty open_file_cache, no old connections). */
  restart(): Promise<void>;
  stop(): Promise<void>;
}

/** A free loopback port (bound then released: good enough for tests run one file at a time). */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port')),
      );
    });
  });
}

/** How the document root is filled. */
export interface SiteLayout {
  /** The built site copied to `<root><path>`. @default the fixture site */
  readonly site?: string;
  /** Changes after the copy (e.g. what an init container writes). */
  readonly layout?: (siteDir: string) => void;
}

/** Lays out a temp dir: the site at `<root><path>`, the writable run and cache dirs, the config. */
export function prepareNginx(
  options: NginxConfigOptions & { readonly port: number },
  { site = fixtureSite, layout }: SiteLayout = {},
) {
  const dir = mkdtempSync(join(tmpdir(), 'sugarkube-sites-'));
  // nginx's workers run as "nobody" when the master is root: they must be able to read the site.
  chmodSync(dir, 0o755);
  const root = join(dir, 'html');
  const siteDir = join(root, options.path ?? '/');
  mkdirSync(siteDir, { recursive: true });
  cpSync(site, siteDir, { recursive: true });
  layout?.(siteDir);
  mkdirSync(join(dir, 'run'));
  mkdirSync(join(dir, 'cache'));
  const config = renderNginxConfig({
    listenAddress: '127.0.0.1',
    root,
    tmpDir: join(dir, 'run'),
    cacheDir: join(dir, 'cache'),
    accessLog: join(dir, 'access.log'),
    ...options,
  });
  writeFileSync(join(dir, 'nginx.conf'), config);
  return { dir, root, siteDir, config, configPath: join(dir, 'nginx.conf') };
}

/** `nginx -t` on a prepared config: exit status and everything nginx printed. */
export function testNginxConfig(dir: string, configPath: string) {
  const nginx = requireTool('nginx');
  const result = spawnSync(nginx, ['-t', '-p', dir, '-c', configPath], { encoding: 'utf8' });
  return { status: result.status, output: `${result.stdout}${result.stderr}` };
}

/** One nginx master process on the prepared dir, answering /healthz. */
async function spawnNginx(dir: string, configPath: string, url: string) {
  const nginx = requireTool('nginx');
  const child: ChildProcess = spawn(nginx, ['-p', dir, '-c', configPath, '-g', 'daemon off;'], {
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const deadline = Date.now() + 10_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`nginx exited with ${child.exitCode}:\n${stderr}`);
    try {
      const response = await fetch(`${url}/healthz`);
      if (response.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`nginx did not answer /healthz within 10 s:\n${stderr}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return {
    async stop() {
      if (child.exitCode === null) child.kill('SIGQUIT');
      await exited;
    },
  };
}

/** Starts Debian's nginx in the foreground on a loopback port with the generated config. */
export async function startNginx(options: NginxConfigOptions = {}, siteLayout: SiteLayout = {}): Promise<RunningNginx> {
  const port = await freePort();
  const prepared = prepareNginx({ ...options, port }, siteLayout);
  const url = `http://127.0.0.1:${port}`;
  let process = await spawnNginx(prepared.dir, prepared.configPath, url);
  const logPath = join(prepared.dir, 'access.log');
  return {
    url,
    dir: prepared.dir,
    root: prepared.root,
    config: prepared.config,
    accessLog() {
      let text = '';
      try {
        text = readFileSync(logPath, 'utf8');
      } catch {
        return [];
      }
      return text
        .split('\n')
        .filter(Boolean)
        .map((line) => {
          const match = /"(\S+) (\S+) [^"]*" (\d{3}) /.exec(line);
          if (!match) throw new Error(`unexpected access log line: ${line}`);
          return { method: match[1]!, path: match[2]!, status: Number(match[3]) };
        });
    },
    async restart() {
      await process.stop();
      process = await spawnNginx(prepared.dir, prepared.configPath, url);
    },
    async stop() {
      await process.stop();
      rmSync(prepared.dir, { recursive: true, force: true });
    },
  };
}

import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { sugarkubeCache } from './cache-entry.js';
import { freePort } from './start-registry.js';

/** A Gitea forge on loopback with one admin user and an API token. */
export interface RunningGitea {
  /** `http://127.0.0.1:PORT` (the web and Git HTTP root). */
  readonly url: string;
  /** `http://127.0.0.1:PORT/api/v1`: GitHub's REST shape, for @octokit/rest's `baseUrl`. */
  readonly apiUrl: string;
  readonly user: string;
  readonly password: string;
  /** An access token of the user with every scope. */
  readonly token: string;
  stop(): Promise<void>;
}

/** `$SUGARKUBE_CACHE/current/<entry>` for the entries tools/upstream/tools/gitea.sh links. */
function giteaEntry(entry: 'gitea' | 'gitea-static'): string {
  const path = join(sugarkubeCache(), 'current', entry);
  if (!existsSync(path)) throw new Error(`${entry} is not installed: run \`bash tools/upstream/install.sh\``);
  return path;
}

/**
 * Starts the pinned Gitea (v1.26.0, tools/upstream/tools/gitea.sh) offline on a free loopback
 * port: SQLite under `dir`, installation locked, no SSH, no registration, its templates and
 * translations from the module source (STATIC_ROOT_PATH). Creates the admin `user` and a token,
 * then waits until `/api/v1/version` answers.
 */
export async function startGitea(dir: string, user = 'sugarkube'): Promise<RunningGitea> {
  const binary = giteaEntry('gitea');
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  mkdirSync(join(dir, 'log'), { recursive: true });
  const config = join(dir, 'app.ini');
  writeFileSync(
    config,
    [
      'APP_NAME = sugarkube-test',
      'RUN_MODE = prod',
      // Tests run as root in CI; Gitea refuses root unless told it is deliberate.
      'I_AM_BEING_UNSAFE_RUNNING_AS_ROOT = true',
      `WORK_PATH = ${dir}`,
      '[server]',
      'PROTOCOL = http',
      'HTTP_ADDR = 127.0.0.1',
      `HTTP_PORT = ${port}`,
      `ROOT_URL = ${url}/`,
      `STATIC_ROOT_PATH = ${giteaEntry('gitea-static')}`,
      `APP_DATA_PATH = ${join(dir, 'data')}`,
      'DISABLE_SSH = true',
      'START_SSH_SERVER = false',
      'OFFLINE_MODE = true',
      'LFS_START_SERVER = false',
      '[database]',
      'DB_TYPE = sqlite3',
      `PATH = ${join(dir, 'gitea.db')}`,
      '[repository]',
      `ROOT = ${join(dir, 'repositories')}`,
      '[security]',
      'INSTALL_LOCK = true',
      'SECRET_KEY = sugarkube-test-secret-key-not-secret',
      '[service]',
      'DISABLE_REGISTRATION = true',
      'REQUIRE_SIGNIN_VIEW = false',
      '[mailer]',
      'ENABLED = false',
      '[log]',
      'MODE = file',
      'LEVEL = Warn',
      `ROOT_PATH = ${join(dir, 'log')}`,
      '[cron]',
      'ENABLED = false',
      '',
    ].join('\n'),
  );
  const run = (args: string[]) => {
    const result = spawnSync(binary, [...args, '--config', config, '--work-path', dir], {
      encoding: 'utf8',
      timeout: 120_000,
    });
    if (result.status !== 0) throw new Error(`gitea ${args.join(' ')} failed: ${result.stderr}${result.stdout}`);
    return result.stdout.trim();
  };
  run(['migrate']);
  const password = 'sugarkube-test-password';
  run([
    'admin',
    'user',
    'create',
    '--admin',
    '--username',
    user,
    '--password',
    password,
    '--email',
    `${user}@example.org`,
    '--must-change-password=false',
  ]);
  const token = run([
    'admin',
    'user',
    'generate-access-token',
    '--username',
    user,
    '--token-name',
    'tests',
    '--scopes',
    'all',
    '--raw',
  ])
    .split('\n')
    .pop()!;
  const child: ChildProcess = spawn(binary, ['web', '--config', config, '--work-path', dir], {
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr?.on('data', (d: Buffer) => (stderr += d.toString()));
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`gitea web exited: ${stderr}`);
    try {
      if ((await fetch(`${url}/api/v1/version`)).ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`gitea did not start on ${url}: ${stderr}`);
    await new Promise((r) => setTimeout(r, 200));
  }
  return {
    url,
    apiUrl: `${url}/api/v1`,
    user,
    password,
    token,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

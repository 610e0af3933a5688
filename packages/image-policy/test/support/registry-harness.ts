// Real OCI registries on loopback for the client tests: Debian's docker-registry (distribution
// 2.8) and the CNCF Distribution registry v3 (built at a pinned version by
// tools/upstream/tools/distribution-registry.sh; it pages tags/list with Link headers as GHCR
// does, 2.8 does not), with token auth, pointing at a token server started here that signs JWTs (RS256, x5c) with
// a throwaway key the registry trusts through `rootcertbundle`; a second registry with htpasswd
// basic auth; images built by buildah (FROM scratch, no emulation) and copied by skopeo.
import { execFile, execFileSync, spawnSync } from 'node:child_process';
import { createPrivateKey, randomUUID, sign } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

// The registries themselves are started by @sugarkube/verify (the CLI's tests use them too).
export { freePort, startRegistry, type RegistryBinary, type RunningRegistry } from '@sugarkube/verify';

// Tools that talk to the registry run asynchronously: the token server lives in this process and
// must keep answering while they run.
const execFileAsync = promisify(execFile);

/** Runs a tool without blocking the event loop; rejects with its stderr. */
export async function run(command: string, args: readonly string[]): Promise<string> {
  try {
    const { stdout } = await execFileAsync(command, [...args], { encoding: 'utf8', maxBuffer: 1 << 26 });
    return stdout.trim();
  } catch (error) {
    const e = error as { stderr?: string; message: string };
    throw new Error(`${command} ${args.join(' ')} failed: ${e.stderr || e.message}`);
  }
}

export const USER = 'ci';
export const PASSWORD = 'sugarkube-test-password';
export const SERVICE = 'sugarkube-test-registry';
const ISSUER = 'sugarkube-test-issuer';

export function requireTools(tools: readonly string[]): void {
  const missing = tools.filter((t) => spawnSync('sh', ['-c', `command -v ${t}`]).status !== 0);
  if (missing.length > 0) {
    throw new Error(
      `missing real tools: ${missing.join(', ')} (Debian packages in tools/ci/apt-packages.txt: apt-get install docker-registry buildah skopeo openssl apache2-utils)`,
    );
  }
}

const b64url = (data: Buffer | string) => Buffer.from(data).toString('base64url');

export interface TokenServer {
  readonly url: string;
  readonly requests: { scope: string[]; user: string | undefined }[];
  /** A token for `scope` as the test user (for raw API calls in setup). */
  issue(scopes: readonly string[]): string;
  close(): Promise<void>;
}

/** Token server: the test user gets what it asks for; anonymous callers get pull only, and nothing on `private/…`; wrong passwords get 401. */
export async function startTokenServer(dir: string): Promise<{ server: TokenServer; certPath: string }> {
  const keyPath = join(dir, 'token.key');
  const certPath = join(dir, 'token.crt');
  execFileSync(
    'openssl',
    [
      'req',
      '-x509',
      '-newkey',
      'rsa:2048',
      '-nodes',
      '-keyout',
      keyPath,
      '-out',
      certPath,
      '-days',
      '2',
      '-subj',
      '/CN=sugarkube-test-token',
    ],
    { stdio: 'pipe' },
  );
  const key = createPrivateKey(readFileSync(keyPath));
  const certDer = readFileSync(certPath, 'utf8')
    .replace(/-----[^-]+-----/g, '')
    .replace(/\s+/g, '');
  const requests: TokenServer['requests'] = [];

  const jwt = (scopes: readonly string[], user: string | undefined) => {
    const access = scopes.flatMap((scope) => {
      const [type, ...rest] = scope.split(':');
      const actions = rest.pop()?.split(',') ?? [];
      // Anonymous callers may pull anything but `private/…`; the test user may do anything.
      const granted =
        user === USER ? actions : rest.join(':').startsWith('private/') ? [] : actions.filter((a) => a === 'pull');
      if (type === 'registry') return [{ type, name: rest.join(':'), actions }];
      return type === 'repository' ? [{ type, name: rest.join(':'), actions: granted }] : [];
    });
    const now = Math.floor(Date.now() / 1000);
    const header = b64url(JSON.stringify({ typ: 'JWT', alg: 'RS256', x5c: [certDer] }));
    const claims = b64url(
      JSON.stringify({
        iss: ISSUER,
        sub: user ?? '',
        aud: SERVICE,
        exp: now + 600,
        nbf: now - 10,
        iat: now,
        jti: randomUUID(),
        access,
      }),
    );
    return `${header}.${claims}.${b64url(sign('sha256', Buffer.from(`${header}.${claims}`), key))}`;
  };

  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const auth = req.headers.authorization;
    let user: string | undefined;
    if (auth?.startsWith('Basic ')) {
      const [u, p] = Buffer.from(auth.slice(6), 'base64').toString().split(':');
      if (u !== USER || p !== PASSWORD) {
        res
          .writeHead(401, { 'content-type': 'application/json' })
          .end(JSON.stringify({ errors: [{ code: 'UNAUTHORIZED', message: 'bad credentials' }] }));
        return;
      }
      user = u;
    }
    const scope = url.searchParams.getAll('scope');
    requests.push({ scope, user });
    const token = jwt(scope, user);
    res
      .writeHead(200, { 'content-type': 'application/json' })
      .end(JSON.stringify({ token, access_token: token, expires_in: 600 }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    certPath,
    server: {
      url: `http://127.0.0.1:${port}/token`,
      requests,
      issue: (scopes) => jwt(scopes, USER),
      close: () => new Promise((resolve) => server.close(() => resolve())),
    },
  };
}

export function tokenAuthBlock(tokenUrl: string, certPath: string): string {
  return `auth:\n  token:\n    realm: ${tokenUrl}\n    service: ${SERVICE}\n    issuer: ${ISSUER}\n    rootcertbundle: ${certPath}\n`;
}

export function htpasswdAuthBlock(dir: string): string {
  const file = join(dir, 'htpasswd');
  writeFileSync(file, execFileSync('htpasswd', ['-nbB', USER, PASSWORD], { encoding: 'utf8' }));
  return `auth:\n  htpasswd:\n    realm: sugarkube-basic\n    path: ${file}\n`;
}

/** buildah with isolated vfs storage under `dir`. */
export function buildah(dir: string, args: readonly string[]): Promise<string> {
  return run('buildah', [
    '--root',
    join(dir, 'buildah-root'),
    '--runroot',
    join(dir, 'buildah-runroot'),
    '--storage-driver',
    'vfs',
    ...args,
  ]);
}

/** Builds `FROM scratch` + one file for a platform (COPY only: nothing runs, no emulation). */
export async function buildScratchImage(dir: string, platform: string, tag: string): Promise<void> {
  const ctx = join(dir, `ctx-${platform.replace(/\//g, '-')}`);
  mkdirSync(ctx, { recursive: true });
  writeFileSync(join(ctx, 'hello.txt'), `hello from ${platform}\n`);
  writeFileSync(join(ctx, 'Containerfile'), 'FROM scratch\nCOPY hello.txt /hello.txt\n');
  await buildah(dir, ['bud', '--isolation', 'chroot', '--platform', platform, '-q', '-t', tag, ctx]);
}

export function makeTempDir(): { dir: string; remove(): void } {
  const dir = mkdtempSync(join(tmpdir(), 'sugarkube-registry-'));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

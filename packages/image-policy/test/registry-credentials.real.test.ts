// Credentials from the Docker config against real registries on loopback: Debian's
// docker-registry with htpasswd basic auth and with token auth (the harness's token server, where
// anonymous callers get nothing on `private/…`), and the pinned Distribution v3 with token auth.
// Credential helpers are real executables: test/credential-helper serves the helper protocol with
// docker-credential-helpers' own code. skopeo reads the same config, as a second real client.
import { chmodSync, copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RegistryClient, RegistryError, resolveDockerCredentials } from '../src/index.js';
import { buildCredentialHelper } from './go-oracle.js';
import { startFaultProxy, type FaultProxy } from './support/fault-proxy.js';
import { pushTinyImage } from './support/push-tiny-image.js';
import {
  htpasswdAuthBlock,
  makeTempDir,
  PASSWORD,
  requireTools,
  run,
  startRegistry,
  startTokenServer,
  tokenAuthBlock,
  USER,
  type RunningRegistry,
  type TokenServer,
} from './support/registry-harness.js';

const b64 = (s: string) => Buffer.from(s).toString('base64');

let temp: ReturnType<typeof makeTempDir>;
let tokens: TokenServer;
let tokenRegistry: RunningRegistry;
let basicRegistry: RunningRegistry;
let v3: RunningRegistry;
let denyProxy: FaultProxy;
let binDir: string;
let configs = 0;
const savedPath = process.env.PATH;
const savedDockerConfig = process.env.DOCKER_CONFIG;

/** A Docker config directory holding `config`. */
function dockerConfig(config: unknown): string {
  const dir = join(temp.dir, `docker-config-${++configs}`);
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'config.json'), typeof config === 'string' ? config : JSON.stringify(config));
  return dir;
}

/** Installs the test helper as `docker-credential-<name>` with these entries (server URL → user, secret). */
function installHelper(binary: string, name: string, entries: Record<string, [string, string]>): void {
  const path = join(binDir, `docker-credential-${name}`);
  copyFileSync(binary, path);
  chmodSync(path, 0o755);
  writeFileSync(
    `${path}.json`,
    JSON.stringify(
      Object.fromEntries(Object.entries(entries).map(([url, [u, s]]) => [url, { Username: u, Secret: s }])),
    ),
  );
}

const fail = (p: Promise<unknown>) => p.then(() => undefined).catch((e: unknown) => e as RegistryError);
const usersSince = (n: number) => tokens.requests.slice(n).map((r) => r.user ?? 'anonymous');

beforeAll(async () => {
  requireTools(['docker-registry', 'openssl', 'htpasswd', 'skopeo']);
  temp = makeTempDir();
  const started = await startTokenServer(temp.dir);
  tokens = started.server;
  tokenRegistry = await startRegistry(temp.dir, 'token', tokenAuthBlock(tokens.url, started.certPath));
  basicRegistry = await startRegistry(temp.dir, 'basic', htpasswdAuthBlock(temp.dir));
  v3 = await startRegistry(temp.dir, 'v3', tokenAuthBlock(tokens.url, started.certPath), 'distribution-v3');
  for (const registry of [tokenRegistry, v3]) {
    await pushTinyImage(
      registry.host,
      'private/app',
      ['1.0.0'],
      `Bearer ${tokens.issue(['repository:private/app:pull,push'])}`,
    );
    await pushTinyImage(
      registry.host,
      'public/app',
      ['2.0.0'],
      `Bearer ${tokens.issue(['repository:public/app:pull,push'])}`,
    );
  }
  await pushTinyImage(basicRegistry.host, 'basic/app', ['3.0.0'], `Basic ${b64(`${USER}:${PASSWORD}`)}`);
  denyProxy = await startFaultProxy(v3.host);

  const helper = buildCredentialHelper();
  binDir = join(temp.dir, 'bin');
  mkdirSync(binDir);
  installHelper(helper, 'sk-store', { [tokenRegistry.host]: [USER, PASSWORD], [basicRegistry.host]: [USER, PASSWORD] });
  installHelper(helper, 'sk-host', { [tokenRegistry.host]: [USER, PASSWORD], [v3.host]: [USER, PASSWORD] });
  installHelper(helper, 'sk-wrong', { [tokenRegistry.host]: [USER, 'not-the-password'] });
  // The client finds helpers on PATH, as the Docker CLI does.
  process.env.PATH = `${binDir}:${savedPath}`;
  delete process.env.DOCKER_CONFIG;
}, 300_000);

afterAll(async () => {
  process.env.PATH = savedPath;
  if (savedDockerConfig === undefined) delete process.env.DOCKER_CONFIG;
  else process.env.DOCKER_CONFIG = savedDockerConfig;
  await denyProxy?.close();
  await tokenRegistry?.stop();
  await basicRegistry?.stop();
  await v3?.stop();
  await tokens?.close();
  temp?.remove();
}, 60_000);

describe('the real registries demand credentials', () => {
  it('anonymous: public/app lists, private/app is a 401 with a hint naming what was tried and how to log in', async () => {
    const dir = dockerConfig({ auths: {} });
    const client = new RegistryClient(tokenRegistry.host, { dockerConfig: dir });
    expect(await client.listTags('public/app')).toEqual(['2.0.0']);
    const error = (await fail(client.listTags('private/app')))!;
    expect(error).toBeInstanceOf(RegistryError);
    expect(error.status).toBe(401);
    expect(error.hint).toBe(
      `Tried no credentials (anonymous; ${join(dir, 'config.json')} has none for ${tokenRegistry.host}); log in with: docker login ${tokenRegistry.host} (the client reads ~/.docker/config.json or $DOCKER_CONFIG, credential helpers included), or pass credentials`,
    );
    expect(error.message).toMatch(
      new RegExp(
        `^tags of private/app from ${tokenRegistry.host.replace(/\./g, '\\.')}: HTTP 401 \\(UNAUTHORIZED: [^)]*\\)\\. Tried no credentials`,
      ),
    );
  });

  it('basic auth without credentials: 401, and the hint says there is no Docker config', async () => {
    const dir = join(temp.dir, 'no-docker-config');
    const error = (await fail(new RegistryClient(basicRegistry.host, { dockerConfig: dir }).listTags('basic/app')))!;
    expect(error.message).toBe(
      `tags of basic/app from ${basicRegistry.host}: HTTP 401: the registry wants basic auth, and there are no credentials to send. Tried no credentials (anonymous; no Docker config at ${join(dir, 'config.json')}); log in with: docker login ${basicRegistry.host} (the client reads ~/.docker/config.json or $DOCKER_CONFIG, credential helpers included), or pass credentials`,
    );
  });
});

describe('auths entries (docker login without a helper)', () => {
  it('an "auth" entry (base64 user:password) opens the basic-auth registry and the private repository', async () => {
    const dir = dockerConfig({
      auths: {
        [basicRegistry.host]: { auth: b64(`${USER}:${PASSWORD}`) },
        [tokenRegistry.host]: { auth: b64(`${USER}:${PASSWORD}`) },
      },
    });
    expect(await new RegistryClient(basicRegistry.host, { dockerConfig: dir }).listTags('basic/app')).toEqual([
      '3.0.0',
    ]);
    const before = tokens.requests.length;
    expect(await new RegistryClient(tokenRegistry.host, { dockerConfig: dir }).listTags('private/app')).toEqual([
      '1.0.0',
    ]);
    expect(usersSince(before)).toEqual([USER]);
  });

  it("keys with a scheme or path name their host; username/password fields work too; another host's entry does not", async () => {
    for (const key of [`http://${basicRegistry.host}`, `https://${basicRegistry.host}/v2/`]) {
      const dir = dockerConfig({ auths: { [key]: { auth: b64(`${USER}:${PASSWORD}`) } } });
      expect(await new RegistryClient(basicRegistry.host, { dockerConfig: dir }).listTags('basic/app')).toEqual([
        '3.0.0',
      ]);
    }
    const fields = dockerConfig({ auths: { [basicRegistry.host]: { username: USER, password: PASSWORD } } });
    expect(await new RegistryClient(basicRegistry.host, { dockerConfig: fields }).listTags('basic/app')).toEqual([
      '3.0.0',
    ]);
    const other = dockerConfig({ auths: { 'ghcr.io': { auth: b64(`${USER}:${PASSWORD}`) } } });
    await expect(
      new RegistryClient(basicRegistry.host, { dockerConfig: other }).listTags('basic/app'),
    ).rejects.toMatchObject({ status: 401 });
  });

  it('a wrong password: the hint names the entry and the file', async () => {
    const dir = dockerConfig({
      auths: {
        [basicRegistry.host]: { auth: b64(`${USER}:wrong`) },
        [tokenRegistry.host]: { auth: b64(`${USER}:wrong`) },
      },
    });
    const path = join(dir, 'config.json');
    const basic = (await fail(new RegistryClient(basicRegistry.host, { dockerConfig: dir }).listTags('basic/app')))!;
    expect(basic.status).toBe(401);
    expect(basic.hint).toMatch(
      new RegExp(
        `^Tried user "ci" from auths\\["${basicRegistry.host.replace(/\./g, '\\.')}"\\] in ${path.replace(/\./g, '\\.')}; log in with: docker login `,
      ),
    );
    const token = (await fail(new RegistryClient(tokenRegistry.host, { dockerConfig: dir }).listTags('private/app')))!;
    expect(token.message).toMatch(
      new RegExp(
        `^token from ${tokens.url.replace(/\./g, '\\.')}: HTTP 401 \\(UNAUTHORIZED: bad credentials\\)\\. Tried user "ci" from auths`,
      ),
    );
  });

  it('credentials given to the client win over the Docker config', async () => {
    const dir = dockerConfig({ auths: { [basicRegistry.host]: { auth: b64(`${USER}:wrong`) } } });
    expect(
      await new RegistryClient(basicRegistry.host, {
        dockerConfig: dir,
        credentials: { username: USER, password: PASSWORD },
      }).listTags('basic/app'),
    ).toEqual(['3.0.0']);
  });
});

describe('credential helpers (the docker-credential-<name> get protocol)', () => {
  it('credsStore: the helper answers for the token registry; the token server sees the user', async () => {
    const dir = dockerConfig({ credsStore: 'sk-store', auths: { [tokenRegistry.host]: {} } });
    const before = tokens.requests.length;
    expect(await new RegistryClient(tokenRegistry.host, { dockerConfig: dir }).listTags('private/app')).toEqual([
      '1.0.0',
    ]);
    expect(usersSince(before)).toEqual([USER]);
    expect(await resolveDockerCredentials(tokenRegistry.host, { configDir: dir })).toEqual({
      credentials: { username: USER, password: PASSWORD },
      source: `user "ci" from docker-credential-sk-store (credsStore in ${join(dir, 'config.json')})`,
    });
  });

  it('credHelpers for the host wins over credsStore and auths (the pinned Distribution v3 too)', async () => {
    const dir = dockerConfig({
      credsStore: 'sk-wrong',
      credHelpers: { [tokenRegistry.host]: 'sk-host', [v3.host]: 'sk-host' },
      auths: { [tokenRegistry.host]: { auth: b64(`${USER}:wrong`) } },
    });
    for (const host of [tokenRegistry.host, v3.host]) {
      const before = tokens.requests.length;
      expect(await new RegistryClient(host, { dockerConfig: dir }).listTags('private/app')).toEqual(['1.0.0']);
      expect(usersSince(before)).toEqual([USER]);
    }
  });

  it('a helper with nothing for the host: anonymous (no fall back to auths, as the Docker CLI), and the hint names the helper', async () => {
    const dir = dockerConfig({ credsStore: 'sk-store', auths: { [v3.host]: { auth: b64(`${USER}:${PASSWORD}`) } } });
    const error = (await fail(new RegistryClient(v3.host, { dockerConfig: dir }).listTags('private/app')))!;
    expect(error.status).toBe(401);
    expect(error.hint).toMatch(
      new RegExp(
        `^Tried no credentials \\(anonymous; docker-credential-sk-store, credsStore in ${join(dir, 'config.json').replace(/\./g, '\\.')}, has none for ${v3.host.replace(/\./g, '\\.')}\\)`,
      ),
    );
  });

  it('a helper that is not installed: a clear error naming it and the config entry', async () => {
    const dir = dockerConfig({ credHelpers: { [tokenRegistry.host]: 'nope' } });
    const error = (await fail(new RegistryClient(tokenRegistry.host, { dockerConfig: dir }).listTags('public/app')))!;
    expect(error.message).toBe(
      `credentials for ${tokenRegistry.host}: credential helper for ${tokenRegistry.host} (credHelpers["${tokenRegistry.host}"] in ${join(dir, 'config.json')}): docker-credential-nope is not on PATH`,
    );
    expect(error.code).toBe('CREDENTIALS');
  });

  it('skopeo, a second real client, reads the same config and helper', async () => {
    const dir = dockerConfig({ credHelpers: { [tokenRegistry.host]: 'sk-host' } });
    const out = await run('skopeo', [
      'list-tags',
      '--tls-verify=false',
      '--authfile',
      join(dir, 'config.json'),
      `docker://${tokenRegistry.host}/private/app`,
    ]);
    expect((JSON.parse(out) as { Tags: string[] }).Tags).toEqual(['1.0.0']);
  });
});

describe('where the config is read from', () => {
  it('$DOCKER_CONFIG by default; dockerConfig: false reads nothing', async () => {
    process.env.DOCKER_CONFIG = dockerConfig({ auths: { [basicRegistry.host]: { auth: b64(`${USER}:${PASSWORD}`) } } });
    try {
      expect(await new RegistryClient(basicRegistry.host).listTags('basic/app')).toEqual(['3.0.0']);
      await expect(
        new RegistryClient(basicRegistry.host, { dockerConfig: false }).listTags('basic/app'),
      ).rejects.toMatchObject({
        status: 401,
        hint: expect.stringMatching(/^Tried no credentials \(anonymous; the Docker config is not read\)/),
      });
    } finally {
      delete process.env.DOCKER_CONFIG;
    }
  });

  it('a config that is not JSON, or holds an identity token: errors naming the file and the entry', async () => {
    const broken = dockerConfig('{"auths": ');
    await expect(
      new RegistryClient(basicRegistry.host, { dockerConfig: broken }).listTags('basic/app'),
    ).rejects.toThrow(
      new RegExp(
        `^credentials for ${basicRegistry.host.replace(/\./g, '\\.')}: ${join(broken, 'config.json').replace(/\./g, '\\.')}: not JSON`,
      ),
    );
    const oauth = dockerConfig({ auths: { [basicRegistry.host]: { identitytoken: 'refresh-token' } } });
    await expect(new RegistryClient(basicRegistry.host, { dockerConfig: oauth }).listTags('basic/app')).rejects.toThrow(
      `auths["${basicRegistry.host}"] holds an identity token (OAuth2), which this client does not support`,
    );
  });
});

describe('403', () => {
  const denied = {
    kind: 'status',
    status: 403,
    body: JSON.stringify({ errors: [{ code: 'DENIED', message: 'requested access to the resource is denied' }] }),
  } as const;

  it('with accepted credentials (a GHCR-shaped DENIED injected by the proxy in front of the real v3 registry): the access hint', async () => {
    // The first tags request gets the registry's own 401 challenge; the one with the token gets the 403.
    denyProxy.inject(/\/tags\/list/, denied, 1, 1);
    const error = (await fail(
      new RegistryClient(denyProxy.host, { credentials: { username: USER, password: PASSWORD } }).listTags(
        'private/app',
      ),
    ))!;
    expect({ status: error.status, code: error.code }).toEqual({ status: 403, code: 'DENIED' });
    expect(error.hint).toBe(
      `Tried user "ci" given to the client: the registry accepts them but denies access to this repository; check the account's access to it (on GHCR: the package's visibility and the token's read:packages scope), or log in with: docker login ${denyProxy.host} (the client reads ~/.docker/config.json or $DOCKER_CONFIG, credential helpers included), or pass credentials`,
    );
  });

  it('on an anonymous request: the log-in hint', async () => {
    denyProxy.inject(/\/tags\/list/, denied, 1);
    const error = (await fail(new RegistryClient(denyProxy.host, { dockerConfig: false }).listTags('public/app')))!;
    expect(error.status).toBe(403);
    expect(error.hint).toMatch(/^Tried no credentials \(the request was anonymous\); log in with: docker login /);
  });
});

// The registry client when the network or the registry misbehaves: real registries on loopback
// (the pinned CNCF Distribution v3 and Debian's docker-registry 2.8, token auth from the harness's
// token server) behind a small fault-injecting proxy that answers 429/5xx with Retry-After,
// resets connections or stalls; plus a port nothing listens on and a host that does not resolve.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { RegistryClient, RegistryError, type RegistryClientOptions } from '../src/index.js';
import { startFaultProxy, type FaultProxy } from './support/fault-proxy.js';
import { pushTinyImage } from './support/push-tiny-image.js';
import {
  freePort,
  makeTempDir,
  requireTools,
  startRegistry,
  startTokenServer,
  tokenAuthBlock,
  type RunningRegistry,
  type TokenServer,
} from './support/registry-harness.js';

const TAGS = ['1.0.0', '1.1.0', 'main-1700000000-abcdef0'];
const UNAVAILABLE = JSON.stringify({ errors: [{ code: 'UNAVAILABLE', message: 'service unavailable' }] });
// Fast backoff, no Docker config from the machine running the tests.
const base: RegistryClientOptions = { dockerConfig: false, retry: { baseDelayMs: 20 } };

let temp: ReturnType<typeof makeTempDir>;
let tokens: TokenServer;
let v3: RunningRegistry;
let debian: RunningRegistry;
let tokenProxy: FaultProxy;
const proxies: Record<string, FaultProxy> = {};

beforeAll(async () => {
  requireTools(['docker-registry', 'openssl']);
  temp = makeTempDir();
  const started = await startTokenServer(temp.dir);
  tokens = started.server;
  // Debian's registry sends clients to the token server through a proxy, so token requests can fail too.
  tokenProxy = await startFaultProxy(new URL(tokens.url).host);
  v3 = await startRegistry(temp.dir, 'v3', tokenAuthBlock(tokens.url, started.certPath), 'distribution-v3');
  debian = await startRegistry(temp.dir, 'debian', tokenAuthBlock(`http://${tokenProxy.host}/token`, started.certPath));
  for (const [name, registry] of [
    ['distribution v3', v3],
    ['docker-registry 2.8', debian],
  ] as const) {
    await pushTinyImage(
      registry.host,
      'sugarkube/app',
      TAGS,
      `Bearer ${tokens.issue(['repository:sugarkube/app:pull,push'])}`,
    );
    proxies[name] = await startFaultProxy(registry.host);
  }
}, 120_000);

afterAll(async () => {
  for (const p of [...Object.values(proxies), tokenProxy]) await p?.close();
  await v3?.stop();
  await debian?.stop();
  await tokens?.close();
  temp?.remove();
}, 60_000);

beforeEach(() => {
  for (const p of [...Object.values(proxies), tokenProxy]) {
    p?.clear();
    p?.requests.splice(0);
  }
});

const tagRequests = (proxy: FaultProxy) => proxy.requests.filter((r) => r.path.includes('/tags/list'));

describe.each(['distribution v3', 'docker-registry 2.8'])('retries against %s', (name) => {
  it('503 twice, then the real answer: the client retries and gets the tags', async () => {
    const proxy = proxies[name]!;
    proxy.inject(/\/tags\/list/, { kind: 'status', status: 503, body: UNAVAILABLE }, 2);
    const client = new RegistryClient(proxy.host, base);
    expect((await client.listTags('sugarkube/app')).sort()).toEqual([...TAGS].sort());
    // Two injected 503s, then the registry's own 401 challenge and, with a token, its 200.
    expect(tagRequests(proxy).map((r) => r.fault ?? 'forwarded')).toEqual([
      'status',
      'status',
      'forwarded',
      'forwarded',
    ]);
  });

  it('a 502 on every attempt: the error names the operation, the host, the status and the attempts', async () => {
    const proxy = proxies[name]!;
    proxy.inject(/\/tags\/list/, { kind: 'status', status: 502, body: UNAVAILABLE }, 10);
    const error = (await new RegistryClient(proxy.host, { ...base, retry: { attempts: 3, baseDelayMs: 20 } })
      .listTags('sugarkube/app')
      .catch((e: unknown) => e)) as RegistryError;
    expect(error).toBeInstanceOf(RegistryError);
    expect(error.message).toBe(
      `tags of sugarkube/app from ${proxy.host}: HTTP 502 (UNAVAILABLE: service unavailable) after 3 attempts`,
    );
    expect({ status: error.status, code: error.code, attempts: error.attempts, host: error.host }).toEqual({
      status: 502,
      code: 'UNAVAILABLE',
      attempts: 3,
      host: proxy.host,
    });
    expect(tagRequests(proxy)).toHaveLength(3);
  });

  it('a reset connection is retried', async () => {
    const proxy = proxies[name]!;
    proxy.inject(/\/tags\/list/, { kind: 'reset' }, 1);
    expect(await new RegistryClient(proxy.host, base).listTags('sugarkube/app')).toHaveLength(TAGS.length);
    expect(tagRequests(proxy).map((r) => r.fault ?? 'forwarded')).toEqual(['reset', 'forwarded', 'forwarded']);
  });

  it('404 and 501 are answers, not retried', async () => {
    const proxy = proxies[name]!;
    const missing = (await new RegistryClient(proxy.host, base)
      .listTags('sugarkube/nope')
      .catch((e: unknown) => e)) as RegistryError;
    expect({ status: missing.status, code: missing.code }).toEqual({ status: 404, code: 'NAME_UNKNOWN' });
    expect(tagRequests(proxy)).toHaveLength(2); // the 401 challenge, then the 404 with a token
    proxy.requests.splice(0);
    proxy.inject(/\/tags\/list/, { kind: 'status', status: 501, body: '' }, 5);
    await expect(new RegistryClient(proxy.host, base).listTags('sugarkube/app')).rejects.toMatchObject({
      status: 501,
      attempts: 1,
    });
    expect(tagRequests(proxy)).toHaveLength(1);
  });
});

describe('Retry-After', () => {
  it('429 with Retry-After: 1 (seconds): the next attempt comes a second later', async () => {
    const proxy = proxies['distribution v3']!;
    proxy.inject(
      /\/tags\/list/,
      {
        kind: 'status',
        status: 429,
        headers: { 'retry-after': '1' },
        body: JSON.stringify({ errors: [{ code: 'TOOMANYREQUESTS', message: 'slow down' }] }),
      },
      1,
    );
    expect(await new RegistryClient(proxy.host, base).listTags('sugarkube/app')).toHaveLength(TAGS.length);
    const [first, second] = tagRequests(proxy);
    expect(second!.at - first!.at).toBeGreaterThanOrEqual(990);
  });

  it('503 with Retry-After as an HTTP date two seconds ahead: the client waits until then', async () => {
    const proxy = proxies['distribution v3']!;
    // HTTP dates have whole seconds: "two seconds ahead" is one to two seconds away.
    proxy.inject(
      /\/tags\/list/,
      {
        kind: 'status',
        status: 503,
        headers: { 'retry-after': new Date(Date.now() + 2000).toUTCString() },
        body: UNAVAILABLE,
      },
      1,
    );
    expect(await new RegistryClient(proxy.host, base).listTags('sugarkube/app')).toHaveLength(TAGS.length);
    const [first, second] = tagRequests(proxy);
    expect(second!.at - first!.at).toBeGreaterThanOrEqual(900);
  });

  it('a Retry-After longer than the client waits fails at once, saying so', async () => {
    const proxy = proxies['distribution v3']!;
    proxy.inject(/\/tags\/list/, { kind: 'status', status: 429, headers: { 'retry-after': '3600' }, body: '' }, 1);
    const error = (await new RegistryClient(proxy.host, base)
      .listTags('sugarkube/app')
      .catch((e: unknown) => e)) as RegistryError;
    expect(error.message).toBe(
      `tags of sugarkube/app from ${proxy.host}: HTTP 429, and the registry asks to retry after 3600 s, longer than the 60 s this client waits. Try again later, or raise retry.maxRetryAfterMs`,
    );
    expect(tagRequests(proxy)).toHaveLength(1);
  });
});

describe('timeouts', () => {
  it('a registry that never answers: one attempt, an error naming the operation, host and time', async () => {
    const proxy = proxies['distribution v3']!;
    proxy.inject(/\/tags\/list/, { kind: 'stall' }, 1);
    const error = (await new RegistryClient(proxy.host, { ...base, timeoutMs: 300 })
      .listTags('sugarkube/app')
      .catch((e: unknown) => e)) as RegistryError;
    expect(error.message).toBe(
      `tags of sugarkube/app from ${proxy.host}: no answer within 0.3 s (timeout). Raise the client's timeoutMs if the registry is only slow`,
    );
    expect({ status: error.status, code: error.code, attempts: error.attempts }).toEqual({
      status: 0,
      code: 'TIMEOUT',
      attempts: 1,
    });
    expect(tagRequests(proxy)).toHaveLength(1);
  });

  it('headers then a stalled body: the time limit covers the body too', async () => {
    const proxy = proxies['docker-registry 2.8']!;
    proxy.inject(/\/tags\/list/, { kind: 'stall-body' }, 1);
    await expect(
      new RegistryClient(proxy.host, { ...base, timeoutMs: 300 }).listTags('sugarkube/app'),
    ).rejects.toMatchObject({ code: 'TIMEOUT', message: expect.stringContaining('no answer within 0.3 s') });
  });
});

describe('the token endpoint goes through the same retries', () => {
  it("a 503 from the token server is retried, and the registry's tags arrive", async () => {
    tokenProxy.inject(/^\/token/, { kind: 'status', status: 503, body: '' }, 1);
    expect(await new RegistryClient(proxies['docker-registry 2.8']!.host, base).listTags('sugarkube/app')).toHaveLength(
      TAGS.length,
    );
    expect(tokenProxy.requests.map((r) => r.fault ?? 'forwarded')).toEqual(['status', 'forwarded']);
  });

  it('a token server that keeps failing: the error names it', async () => {
    tokenProxy.inject(/^\/token/, { kind: 'status', status: 500, body: 'boom' }, 10);
    await expect(
      new RegistryClient(proxies['docker-registry 2.8']!.host, {
        ...base,
        retry: { attempts: 2, baseDelayMs: 20 },
      }).listTags('sugarkube/app'),
    ).rejects.toThrow(`token from http://${tokenProxy.host}/token: HTTP 500 (boom) after 2 attempts`);
  });
});

describe('network errors name the host and the cause', () => {
  it('a port nothing listens on: connection refused, not "fetch failed"', async () => {
    const host = `127.0.0.1:${await freePort()}`;
    const error = (await new RegistryClient(host, base)
      .listTags('sugarkube/app')
      .catch((e: unknown) => e)) as RegistryError;
    expect(error.message).toBe(
      `tags of sugarkube/app from ${host}: connection refused: nothing listens there (ECONNREFUSED: connect ECONNREFUSED ${host})`,
    );
    expect({ status: error.status, code: error.code, attempts: error.attempts }).toEqual({
      status: 0,
      code: 'ECONNREFUSED',
      attempts: 1,
    });
  });

  it('a host that does not resolve (.invalid, RFC 6761): host not found', async () => {
    const error = (await new RegistryClient('registry.invalid', { ...base, insecure: true })
      .listTags('sugarkube/app')
      .catch((e: unknown) => e)) as RegistryError;
    expect(error.message).toMatch(
      /^tags of sugarkube\/app from registry\.invalid: host not found \(DNS\) \(ENOTFOUND: getaddrinfo ENOTFOUND registry\.invalid\)$/,
    );
    expect(error.code).toBe('ENOTFOUND');
  });

  it('a connection reset on every attempt: the cause and the attempts', async () => {
    const proxy = proxies['distribution v3']!;
    proxy.inject(/\/tags\/list/, { kind: 'reset' }, 10);
    const error = (await new RegistryClient(proxy.host, { ...base, retry: { attempts: 3, baseDelayMs: 20 } })
      .listTags('sugarkube/app')
      .catch((e: unknown) => e)) as RegistryError;
    expect(error.message).toMatch(
      new RegExp(
        `^tags of sugarkube/app from ${proxy.host}: connection closed by the server \\(UND_ERR_SOCKET: other side closed\\) after 3 attempts$`,
      ),
    );
    expect(tagRequests(proxy)).toHaveLength(3);
  });
});

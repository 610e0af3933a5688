// The pure parts behind the registry client's credentials, retries and errors. The Docker config
// rows follow the Docker CLI's configfile.GetAuthConfig and credentials.ConvertToHostname.
import { describe, expect, it } from 'vitest';
import { dockerConfigLookup, keyHost, serverAddress } from '../src/oci/docker-config.js';
import { describeNetworkError } from '../src/oci/network-error.js';
import { retryAfterMs } from '../src/oci/retry-after.js';

const auth = (user: string, password: string) => ({ auth: Buffer.from(`${user}:${password}`).toString('base64') });
const lookup = (config: unknown, host: string) =>
  dockerConfigLookup(JSON.stringify(config), '/home/me/.docker/config.json', host);

describe('dockerConfigLookup', () => {
  it('auths: the exact key, or a key whose host is the registry (scheme and path ignored)', () => {
    expect(lookup({ auths: { 'ghcr.io': auth('me', 'tok') } }, 'ghcr.io')).toEqual({
      kind: 'auths',
      key: 'ghcr.io',
      username: 'me',
      password: 'tok',
    });
    expect(lookup({ auths: { 'https://ghcr.io': auth('me', 'tok') } }, 'ghcr.io')).toMatchObject({
      kind: 'auths',
      key: 'https://ghcr.io',
    });
    expect(lookup({ auths: { 'http://localhost:5000/v2/': auth('me', 'a:b:c') } }, 'localhost:5000')).toMatchObject({
      password: 'a:b:c',
    });
    expect(lookup({ auths: { 'ghcr.io': auth('me', 'tok') } }, 'quay.io')).toEqual({ kind: 'none' });
    expect(lookup({ auths: { 'ghcr.io': { username: 'me', password: 'tok' } } }, 'ghcr.io')).toMatchObject({
      username: 'me',
      password: 'tok',
    });
    expect(lookup({ auths: { 'ghcr.io': {} } }, 'ghcr.io')).toEqual({ kind: 'none' });
  });

  it('Docker Hub: its hosts share the key https://index.docker.io/v1/', () => {
    const config = { auths: { 'https://index.docker.io/v1/': auth('me', 'hub') } };
    for (const host of ['registry-1.docker.io', 'docker.io', 'index.docker.io'])
      expect(lookup(config, host)).toMatchObject({ username: 'me', password: 'hub' });
    expect(serverAddress('registry-1.docker.io')).toBe('https://index.docker.io/v1/');
    expect(keyHost('https://index.docker.io/v1/')).toBe('index.docker.io');
  });

  it('credHelpers for the host, then credsStore, then auths', () => {
    const config = {
      credsStore: 'desktop',
      credHelpers: { 'ghcr.io': 'gh' },
      auths: { 'ghcr.io': auth('me', 'tok'), 'quay.io': auth('me', 'q') },
    };
    expect(lookup(config, 'ghcr.io')).toEqual({
      kind: 'helper',
      helper: 'gh',
      via: 'credHelpers',
      serverUrl: 'ghcr.io',
    });
    expect(lookup(config, 'quay.io')).toEqual({
      kind: 'helper',
      helper: 'desktop',
      via: 'credsStore',
      serverUrl: 'quay.io',
    });
    expect(lookup({ credsStore: 'desktop' }, 'docker.io')).toMatchObject({ serverUrl: 'https://index.docker.io/v1/' });
    expect(lookup({ credsStore: '', auths: { 'quay.io': auth('me', 'q') } }, 'quay.io')).toMatchObject({
      kind: 'auths',
    });
  });

  it('identity tokens are reported; damaged files and entries are errors naming the path and field', () => {
    expect(lookup({ auths: { 'myregistry.azurecr.io': { identitytoken: 'eyJ' } } }, 'myregistry.azurecr.io')).toEqual({
      kind: 'identity-token',
      key: 'myregistry.azurecr.io',
    });
    expect(() => dockerConfigLookup('{', '/c.json', 'ghcr.io')).toThrow(
      /^\/c\.json: not JSON \(.*\); expected a Docker config such as/,
    );
    expect(() => dockerConfigLookup('[]', '/c.json', 'ghcr.io')).toThrow(
      '/c.json: expected a JSON object, received []',
    );
    expect(() => lookup({ auths: { 'ghcr.io': 'x' } }, 'ghcr.io')).toThrow(
      '/home/me/.docker/config.json: auths["ghcr.io"]: expected an object with "auth", received "x"',
    );
    expect(() =>
      lookup({ auths: { 'ghcr.io': { auth: Buffer.from('nocolon').toString('base64') } } }, 'ghcr.io'),
    ).toThrow('auths["ghcr.io"].auth: expected base64 of "user:password"');
  });
});

describe('retryAfterMs (RFC 9110 §10.2.3)', () => {
  const now = Date.parse('Wed, 21 Oct 2015 07:28:00 GMT');
  it('delay-seconds and HTTP dates', () => {
    expect(retryAfterMs('120', now)).toBe(120_000);
    expect(retryAfterMs(' 0 ', now)).toBe(0);
    expect(retryAfterMs('Wed, 21 Oct 2015 07:28:30 GMT', now)).toBe(30_000);
    expect(retryAfterMs('Wed, 21 Oct 2015 07:27:00 GMT', now)).toBe(0);
  });
  it('absent or unreadable: undefined', () => {
    expect(retryAfterMs(null, now)).toBeUndefined();
    expect(retryAfterMs('', now)).toBeUndefined();
    expect(retryAfterMs('soon', now)).toBeUndefined();
    expect(retryAfterMs('-5', now)).toBeUndefined();
  });
});

describe('describeNetworkError', () => {
  // The shapes Node 24's fetch throws (seen in test/registry-resilience.real.test.ts).
  const fetchFailed = (cause: unknown) => Object.assign(new TypeError('fetch failed'), { cause });
  it('names the cause, never just "fetch failed"', () => {
    expect(
      describeNetworkError(
        fetchFailed(Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:9'), { code: 'ECONNREFUSED' })),
      ),
    ).toEqual({
      code: 'ECONNREFUSED',
      text: 'connection refused: nothing listens there (ECONNREFUSED: connect ECONNREFUSED 127.0.0.1:9)',
      transient: false,
    });
    expect(
      describeNetworkError(fetchFailed(Object.assign(new Error('other side closed'), { code: 'UND_ERR_SOCKET' }))),
    ).toMatchObject({ code: 'UND_ERR_SOCKET', transient: true });
    expect(
      describeNetworkError(
        fetchFailed(
          new AggregateError([Object.assign(new Error('connect ECONNREFUSED ::1:9'), { code: 'ECONNREFUSED' })]),
        ),
      ),
    ).toMatchObject({ code: 'ECONNREFUSED' });
    expect(
      describeNetworkError(
        fetchFailed(Object.assign(new Error('self-signed certificate'), { code: 'DEPTH_ZERO_SELF_SIGNED_CERT' })),
      ),
    ).toMatchObject({
      text: 'TLS failed (DEPTH_ZERO_SELF_SIGNED_CERT: self-signed certificate)',
    });
    expect(describeNetworkError(fetchFailed(new Error('bad port')))).toEqual({
      code: 'NETWORK',
      text: 'bad port (NETWORK)',
      transient: false,
    });
  });
});

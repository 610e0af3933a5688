// The registry client against real registries on loopback (Debian docker-registry = distribution
// 2.8) holding images built by buildah and copied by skopeo: token auth for real (JWTs the
// registry verifies against its rootcertbundle), basic auth (htpasswd), Link pagination over
// >100 tags, OCI index platforms, digests.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkImagePlatforms, followBranchBuilds, formatPlatform, missingPlatforms, parsePlatform, RegistryClient, RegistryError, selectTag } from '../src/index.js';
import {
  buildah,
  buildScratchImage,
  htpasswdAuthBlock,
  makeTempDir,
  run,
  PASSWORD,
  requireTools,
  startRegistry,
  startTokenServer,
  tokenAuthBlock,
  USER,
  type RunningRegistry,
  type TokenServer,
} from './support/registry-harness.js';

const creds = `${USER}:${PASSWORD}`;
const BUILD_TAGS = Array.from({ length: 120 }, (_, i) => `main-${1_700_000_000 + i * 3_600}-${(0xabc0000 + i).toString(16).slice(-7)}`);

const REPOS = Array.from({ length: 120 }, (_, i) => `fleet/app-${String(i).padStart(3, '0')}`);

let temp: ReturnType<typeof makeTempDir>;
let tokens: TokenServer;
let tokenRegistry: RunningRegistry;
let basicRegistry: RunningRegistry;

beforeAll(async () => {
  requireTools(['docker-registry', 'buildah', 'skopeo', 'openssl', 'htpasswd']);
  temp = makeTempDir();
  const started = await startTokenServer(temp.dir);
  tokens = started.server;
  tokenRegistry = await startRegistry(temp.dir, 'token', tokenAuthBlock(tokens.url, started.certPath));
  basicRegistry = await startRegistry(temp.dir, 'basic', htpasswdAuthBlock(temp.dir));
  const A = tokenRegistry.host;

  await buildScratchImage(temp.dir, 'linux/amd64', 'localhost/sk-amd64');
  await buildScratchImage(temp.dir, 'linux/arm64', 'localhost/sk-arm64');
  await buildah(temp.dir, ['manifest', 'create', 'localhost/sk-multi']);
  await buildah(temp.dir, ['manifest', 'add', 'localhost/sk-multi', 'localhost/sk-amd64']);
  await buildah(temp.dir, ['manifest', 'add', 'localhost/sk-multi', 'localhost/sk-arm64']);
  await buildah(temp.dir, ['manifest', 'push', '--all', '--tls-verify=false', '--creds', creds, 'localhost/sk-multi', `docker://${A}/sugarkube/multi:1.0.0`]);
  await buildah(temp.dir, ['push', '--tls-verify=false', '--creds', creds, 'localhost/sk-amd64', `docker://${A}/sugarkube/amd64only:1.0.0`]);

  // >100 tags: the same manifest PUT under 120 build tags through the registry API.
  const push = tokens.issue(['repository:sugarkube/amd64only:pull,push']);
  const source = await fetch(`http://${A}/v2/sugarkube/amd64only/manifests/1.0.0`, {
    headers: { authorization: `Bearer ${push}`, accept: 'application/vnd.oci.image.manifest.v1+json, application/vnd.docker.distribution.manifest.v2+json' },
  });
  expect(source.status).toBe(200);
  const body = await source.text();
  const contentType = source.headers.get('content-type')!;
  for (let i = 0; i < BUILD_TAGS.length; i += 20) {
    await Promise.all(
      BUILD_TAGS.slice(i, i + 20).map(async (tag) => {
        const r = await fetch(`http://${A}/v2/sugarkube/amd64only/manifests/${tag}`, { method: 'PUT', headers: { authorization: `Bearer ${push}`, 'content-type': contentType }, body });
        expect(r.status).toBe(201);
      }),
    );
  }

  // >100 repositories for Link pagination on /v2/_catalog: blobs mounted from amd64only, then the manifest.
  const manifest = JSON.parse(body) as { config: { digest: string }; layers: { digest: string }[] };
  for (let i = 0; i < REPOS.length; i += 20) {
    await Promise.all(
      REPOS.slice(i, i + 20).map(async (repo) => {
        const token = tokens.issue([`repository:${repo}:pull,push`, 'repository:sugarkube/amd64only:pull']);
        for (const digest of [manifest.config.digest, ...manifest.layers.map((l) => l.digest)]) {
          const m = await fetch(`http://${A}/v2/${repo}/blobs/uploads/?mount=${digest}&from=sugarkube/amd64only`, { method: 'POST', headers: { authorization: `Bearer ${token}` } });
          expect(m.status).toBe(201);
        }
        const r = await fetch(`http://${A}/v2/${repo}/manifests/1.0.0`, { method: 'PUT', headers: { authorization: `Bearer ${token}`, 'content-type': contentType }, body });
        expect(r.status).toBe(201);
      }),
    );
  }

  await run('skopeo', ['copy', '--all', '--src-tls-verify=false', '--dest-tls-verify=false', '--src-creds', creds, '--dest-creds', creds, `docker://${A}/sugarkube/multi:1.0.0`, `docker://${basicRegistry.host}/sugarkube/basic:1.0.0`]);
}, 180_000);

afterAll(async () => {
  await tokenRegistry?.stop();
  await basicRegistry?.stop();
  await tokens?.close();
  temp?.remove();
});

describe('token auth (the GHCR flow)', () => {
  it('the registry really demands a token: a bare request gets a Bearer challenge', async () => {
    const r = await fetch(`http://${tokenRegistry.host}/v2/sugarkube/multi/tags/list`);
    expect(r.status).toBe(401);
    expect(r.headers.get('www-authenticate')).toMatch(/^Bearer realm="http:\/\/127\.0\.0\.1:\d+\/token",service="sugarkube-test-registry",scope="repository:sugarkube\/multi:pull"/);
  });

  it('anonymous: the client answers the challenge with an anonymous pull token', async () => {
    const before = tokens.requests.length;
    const client = new RegistryClient(tokenRegistry.host);
    expect(await client.listTags('sugarkube/multi')).toEqual(['1.0.0']);
    expect(tokens.requests.slice(before)).toEqual([{ scope: ['repository:sugarkube/multi:pull'], user: undefined }]);
  });

  it('with credentials: the token endpoint gets basic auth; wrong ones fail with 401', async () => {
    const before = tokens.requests.length;
    const client = new RegistryClient(tokenRegistry.host, { credentials: { username: USER, password: PASSWORD } });
    expect(await client.listTags('sugarkube/multi')).toEqual(['1.0.0']);
    expect(tokens.requests.slice(before)).toEqual([{ scope: ['repository:sugarkube/multi:pull'], user: USER }]);
    const wrong = new RegistryClient(tokenRegistry.host, { credentials: { username: USER, password: 'nope' } });
    await expect(wrong.listTags('sugarkube/multi')).rejects.toMatchObject({ name: 'RegistryError', status: 401, message: expect.stringMatching(/^token from http:\/\/127\.0\.0\.1:\d+\/token: HTTP 401 \(UNAUTHORIZED: bad credentials\)$/) });
  });

  it('an unknown repository is a clear NAME_UNKNOWN error', async () => {
    const client = new RegistryClient(tokenRegistry.host);
    const error = await client.listTags('sugarkube/nope').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RegistryError);
    expect((error as RegistryError).code).toBe('NAME_UNKNOWN');
  });
});

describe('more than 100 tags, and Link pagination', () => {
  it('lists all 121 tags of a repository', async () => {
    const client = new RegistryClient(tokenRegistry.host);
    const tags = await client.listTags('sugarkube/amd64only', { pageSize: 50 });
    expect(new Set(tags)).toEqual(new Set([...BUILD_TAGS, '1.0.0']));
    expect(tags).toHaveLength(121);
  });

  it('follows Link rel="next" across pages (distribution 2.8 paginates /v2/_catalog; its tags/list ignores n)', async () => {
    const client = new RegistryClient(tokenRegistry.host);
    const pages: string[][] = [];
    for await (const page of client.catalogPages({ pageSize: 50 })) pages.push(page);
    expect(pages.map((p) => p.length)).toEqual([50, 50, 22]);
    expect(client.log.filter((l) => l.startsWith('GET') && l.includes('/v2/_catalog?') && l.includes('last='))).toHaveLength(2);
    expect(pages.flat().sort()).toEqual([...REPOS, 'sugarkube/amd64only', 'sugarkube/multi'].sort());
  });

  it('the staging policy over the live tag list picks the newest build, as Flux would', async () => {
    const tags = await new RegistryClient(tokenRegistry.host).listTags('sugarkube/amd64only', { pageSize: 100 });
    expect(selectTag(followBranchBuilds('main'), tags)).toBe(BUILD_TAGS[119]);
  });
});

describe('manifests, digests and platforms', () => {
  it('the multi-arch index lists linux/amd64 and linux/arm64: the guard passes', async () => {
    const client = new RegistryClient(tokenRegistry.host);
    const { kind, platforms } = await client.platforms('sugarkube/multi', '1.0.0');
    expect(kind).toBe('index');
    expect(platforms.map(formatPlatform).sort()).toEqual(['linux/amd64', 'linux/arm64']);
    expect(missingPlatforms(['linux/amd64', 'linux/arm64'].map(parsePlatform), platforms)).toEqual([]);
  });

  it('the amd64-only image is missing linux/arm64: the guard fails', async () => {
    const client = new RegistryClient(tokenRegistry.host);
    const { kind, platforms } = await client.platforms('sugarkube/amd64only', BUILD_TAGS[0]!);
    expect(kind).toBe('image');
    expect(platforms.map(formatPlatform)).toEqual(['linux/amd64']);
    expect(missingPlatforms(['linux/amd64', 'linux/arm64'].map(parsePlatform), platforms).map(formatPlatform)).toEqual(['linux/arm64']);
  });

  it('digests agree with skopeo and with the sha256 of the manifest bytes', async () => {
    const client = new RegistryClient(tokenRegistry.host);
    const skopeo = await run('skopeo', ['inspect', '--tls-verify=false', '--creds', creds, '--raw', `docker://${tokenRegistry.host}/sugarkube/multi:1.0.0`]);
    const { createHash } = await import('node:crypto');
    const expected = `sha256:${createHash('sha256').update(skopeo).digest('hex')}`;
    expect(await client.headDigest('sugarkube/multi', '1.0.0')).toBe(expected);
    const fetched = await client.getManifest('sugarkube/multi', '1.0.0');
    expect(fetched.digest).toBe(expected);
    expect(fetched.manifest.kind).toBe('index');
  });
});

describe('checkImagePlatforms (the arm64 guard behind `sugarkube image check`)', () => {
  const wanted = ['linux/amd64', 'linux/arm64'].map(parsePlatform);
  it('passes the multi-arch index and names the platform the amd64-only image lacks', async () => {
    const ok = await checkImagePlatforms(`${tokenRegistry.host}/sugarkube/multi:1.0.0`, wanted);
    expect(ok.kind).toBe('index');
    expect(ok.missing).toEqual([]);
    const bad = await checkImagePlatforms(`${tokenRegistry.host}/sugarkube/amd64only:1.0.0`, wanted);
    expect(bad.missing.map(formatPlatform)).toEqual(['linux/arm64']);
    expect(bad.digest).toMatch(/^sha256:[0-9a-f]{64}$/);
  });
});

describe('basic auth (htpasswd)', () => {
  it('lists tags with credentials, and says credentials are needed without them', async () => {
    const client = new RegistryClient(basicRegistry.host, { credentials: { username: USER, password: PASSWORD } });
    expect(await client.listTags('sugarkube/basic')).toEqual(['1.0.0']);
    expect((await client.platforms('sugarkube/basic', '1.0.0')).platforms.map(formatPlatform).sort()).toEqual(['linux/amd64', 'linux/arm64']);
    await expect(new RegistryClient(basicRegistry.host).listTags('sugarkube/basic')).rejects.toThrow(/wants basic auth; give credentials/);
  });
});

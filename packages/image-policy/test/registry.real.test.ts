// The registry client against real registries on loopback (Debian docker-registry = distribution
// 2.8, and the pinned CNCF Distribution v3 build) holding images built by buildah and copied by
// skopeo: token auth for real (JWTs the registry verifies against its rootcertbundle), basic auth
// (htpasswd), Link pagination over >100 tags (v3 pages tags/list as GHCR does; 2.8 pages only
// /v2/_catalog), OCI index platforms, digests.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  checkImagePlatforms,
  followBranchBuilds,
  formatPlatform,
  missingPlatforms,
  parsePlatform,
  RegistryClient,
  RegistryError,
  selectTag,
} from '../src/index.js';
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
// These tests expect anonymous requests: the Docker config of the machine running them is not read.
const anonymous = { dockerConfig: false } as const;
const BUILD_TAGS = Array.from(
  { length: 120 },
  (_, i) => `main-${1_700_000_000 + i * 3_600}-${(0xabc0000 + i).toString(16).slice(-7)}`,
);

const REPOS = Array.from({ length: 120 }, (_, i) => `fleet/app-${String(i).padStart(3, '0')}`);

let temp: ReturnType<typeof makeTempDir>;
let tokens: TokenServer;
let tokenRegistry: RunningRegistry;
let basicRegistry: RunningRegistry;
let v3Registry: RunningRegistry;

/** PUTs the manifest of `repo:1.0.0` under every tag in `tags`, 20 at a time, through the registry API. */
async function tagManifest(
  host: string,
  repo: string,
  tags: readonly string[],
): Promise<{ body: string; contentType: string }> {
  const push = tokens.issue([`repository:${repo}:pull,push`]);
  const source = await fetch(`http://${host}/v2/${repo}/manifests/1.0.0`, {
    headers: {
      authorization: `Bearer ${push}`,
      accept: 'application/vnd.oci.image.manifest.v1+json, application/vnd.docker.distribution.manifest.v2+json',
    },
  });
  expect(source.status).toBe(200);
  const body = await source.text();
  const contentType = source.headers.get('content-type')!;
  for (let i = 0; i < tags.length; i += 20) {
    await Promise.all(
      tags.slice(i, i + 20).map(async (tag) => {
        const r = await fetch(`http://${host}/v2/${repo}/manifests/${tag}`, {
          method: 'PUT',
          headers: { authorization: `Bearer ${push}`, 'content-type': contentType },
          body,
        });
        expect(r.status).toBe(201);
      }),
    );
  }
  return { body, contentType };
}

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
  await buildah(temp.dir, [
    'manifest',
    'push',
    '--all',
    '--tls-verify=false',
    '--creds',
    creds,
    'localhost/sk-multi',
    `docker://${A}/sugarkube/multi:1.0.0`,
  ]);
  await buildah(temp.dir, [
    'push',
    '--tls-verify=false',
    '--creds',
    creds,
    'localhost/sk-amd64',
    `docker://${A}/sugarkube/amd64only:1.0.0`,
  ]);

  // >100 tags: the same manifest PUT under 120 build tags through the registry API.
  const { body, contentType } = await tagManifest(A, 'sugarkube/amd64only', BUILD_TAGS);

  // >100 repositories for Link pagination on /v2/_catalog: blobs mounted from amd64only, then the manifest.
  const manifest = JSON.parse(body) as { config: { digest: string }; layers: { digest: string }[] };
  for (let i = 0; i < REPOS.length; i += 20) {
    await Promise.all(
      REPOS.slice(i, i + 20).map(async (repo) => {
        const token = tokens.issue([`repository:${repo}:pull,push`, 'repository:sugarkube/amd64only:pull']);
        for (const digest of [manifest.config.digest, ...manifest.layers.map((l) => l.digest)]) {
          const m = await fetch(`http://${A}/v2/${repo}/blobs/uploads/?mount=${digest}&from=sugarkube/amd64only`, {
            method: 'POST',
            headers: { authorization: `Bearer ${token}` },
          });
          expect(m.status).toBe(201);
        }
        const r = await fetch(`http://${A}/v2/${repo}/manifests/1.0.0`, {
          method: 'PUT',
          headers: { authorization: `Bearer ${token}`, 'content-type': contentType },
          body,
        });
        expect(r.status).toBe(201);
      }),
    );
  }

  await run('skopeo', [
    'copy',
    '--all',
    '--src-tls-verify=false',
    '--dest-tls-verify=false',
    '--src-creds',
    creds,
    '--dest-creds',
    creds,
    `docker://${A}/sugarkube/multi:1.0.0`,
    `docker://${basicRegistry.host}/sugarkube/basic:1.0.0`,
  ]);

  // Distribution v3 behind the same token server: the amd64-only image and its 120 build tags.
  v3Registry = await startRegistry(temp.dir, 'v3', tokenAuthBlock(tokens.url, started.certPath), 'distribution-v3');
  await run('skopeo', [
    'copy',
    '--src-tls-verify=false',
    '--dest-tls-verify=false',
    '--src-creds',
    creds,
    '--dest-creds',
    creds,
    `docker://${A}/sugarkube/amd64only:1.0.0`,
    `docker://${v3Registry.host}/sugarkube/amd64only:1.0.0`,
  ]);
  await tagManifest(v3Registry.host, 'sugarkube/amd64only', BUILD_TAGS);
}, 240_000);

afterAll(async () => {
  await tokenRegistry?.stop();
  await basicRegistry?.stop();
  await v3Registry?.stop();
  await tokens?.close();
  temp?.remove();
});

describe('token auth (the GHCR flow)', () => {
  it('the registry really demands a token: a bare request gets a Bearer challenge', async () => {
    const r = await fetch(`http://${tokenRegistry.host}/v2/sugarkube/multi/tags/list`);
    expect(r.status).toBe(401);
    expect(r.headers.get('www-authenticate')).toMatch(
      /^Bearer realm="http:\/\/127\.0\.0\.1:\d+\/token",service="sugarkube-test-registry",scope="repository:sugarkube\/multi:pull"/,
    );
  });

  it('anonymous: the client answers the challenge with an anonymous pull token', async () => {
    const before = tokens.requests.length;
    const client = new RegistryClient(tokenRegistry.host, anonymous);
    expect(await client.listTags('sugarkube/multi')).toEqual(['1.0.0']);
    expect(tokens.requests.slice(before)).toEqual([{ scope: ['repository:sugarkube/multi:pull'], user: undefined }]);
  });

  it('with credentials: the token endpoint gets basic auth; wrong ones fail with 401', async () => {
    const before = tokens.requests.length;
    const client = new RegistryClient(tokenRegistry.host, { credentials: { username: USER, password: PASSWORD } });
    expect(await client.listTags('sugarkube/multi')).toEqual(['1.0.0']);
    expect(tokens.requests.slice(before)).toEqual([{ scope: ['repository:sugarkube/multi:pull'], user: USER }]);
    const wrong = new RegistryClient(tokenRegistry.host, { credentials: { username: USER, password: 'nope' } });
    await expect(wrong.listTags('sugarkube/multi')).rejects.toMatchObject({
      name: 'RegistryError',
      status: 401,
      message: expect.stringMatching(
        /^token from http:\/\/127\.0\.0\.1:\d+\/token: HTTP 401 \(UNAUTHORIZED: bad credentials\)\. Tried user "ci" given to the client; log in with: docker login 127\.0\.0\.1:\d+ /,
      ),
    });
  });

  it('an unknown repository is a clear NAME_UNKNOWN error', async () => {
    const client = new RegistryClient(tokenRegistry.host, anonymous);
    const error = await client.listTags('sugarkube/nope').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RegistryError);
    expect((error as RegistryError).code).toBe('NAME_UNKNOWN');
  });
});

describe('more than 100 tags, and Link pagination', () => {
  const ALL_TAGS = [...BUILD_TAGS, '1.0.0'];
  const pagesOf = async (client: RegistryClient, repo: string, pageSize?: number) => {
    const pages: string[][] = [];
    for await (const page of client.tagPages(repo, pageSize ? { pageSize } : {})) pages.push(page);
    return pages;
  };

  it('distribution v3 pages tags/list: Link rel="next" followed across 50 + 50 + 21 tags, one token for all pages', async () => {
    const before = tokens.requests.length;
    const client = new RegistryClient(v3Registry.host, anonymous);
    const pages = await pagesOf(client, 'sugarkube/amd64only', 50);
    expect(pages.map((p) => p.length)).toEqual([50, 50, 21]);
    expect(new Set(pages.flat())).toEqual(new Set(ALL_TAGS));
    expect(pages.flat()).toHaveLength(121);
    // The second and third requests are the registry's own next links (`last=` the previous page's last tag).
    const gets = client.log.filter((l) => l.startsWith('GET') && l.includes('/tags/list'));
    const followed = gets.filter((l) => l.includes('last='));
    expect(followed).toHaveLength(2);
    expect(followed[0]).toContain(`last=${pages[0]!.at(-1)}`);
    // Anonymous pull token, asked once: the 401 challenge on page 1 only.
    expect(tokens.requests.slice(before)).toEqual([
      { scope: ['repository:sugarkube/amd64only:pull'], user: undefined },
    ]);
  });

  it('distribution v3 without n: the client sends none and still gets all 121 tags', async () => {
    const client = new RegistryClient(v3Registry.host, anonymous);
    const tags = await client.listTags('sugarkube/amd64only');
    expect(new Set(tags)).toEqual(new Set(ALL_TAGS));
    expect(tags).toHaveLength(121);
  });

  it('distribution 2.8 ignores n on tags/list: all 121 tags arrive in one page with no Link header', async () => {
    const client = new RegistryClient(tokenRegistry.host, anonymous);
    const pages = await pagesOf(client, 'sugarkube/amd64only', 50);
    expect(pages.map((p) => p.length)).toEqual([121]);
    expect(new Set(pages[0])).toEqual(new Set(ALL_TAGS));
  });

  it('follows Link rel="next" across /v2/_catalog pages on distribution 2.8', async () => {
    const client = new RegistryClient(tokenRegistry.host, anonymous);
    const pages: string[][] = [];
    for await (const page of client.catalogPages({ pageSize: 50 })) pages.push(page);
    expect(pages.map((p) => p.length)).toEqual([50, 50, 22]);
    expect(
      client.log.filter((l) => l.startsWith('GET') && l.includes('/v2/_catalog?') && l.includes('last=')),
    ).toHaveLength(2);
    expect(pages.flat().sort()).toEqual([...REPOS, 'sugarkube/amd64only', 'sugarkube/multi'].sort());
  });

  it('the staging policy over the live, paged tag list picks the newest build, as Flux would', async () => {
    for (const host of [v3Registry.host, tokenRegistry.host]) {
      const tags = await new RegistryClient(host, anonymous).listTags('sugarkube/amd64only', { pageSize: 40 });
      expect(selectTag(followBranchBuilds('main'), tags)).toBe(BUILD_TAGS[119]);
    }
  });
});

describe('manifests, digests and platforms', () => {
  it('the multi-arch index lists linux/amd64 and linux/arm64: the guard passes', async () => {
    const client = new RegistryClient(tokenRegistry.host, anonymous);
    const { kind, platforms } = await client.platforms('sugarkube/multi', '1.0.0');
    expect(kind).toBe('index');
    expect(platforms.map(formatPlatform).sort()).toEqual(['linux/amd64', 'linux/arm64']);
    expect(missingPlatforms(['linux/amd64', 'linux/arm64'].map(parsePlatform), platforms)).toEqual([]);
  });

  it('the amd64-only image is missing linux/arm64: the guard fails', async () => {
    const client = new RegistryClient(tokenRegistry.host, anonymous);
    const { kind, platforms } = await client.platforms('sugarkube/amd64only', BUILD_TAGS[0]!);
    expect(kind).toBe('image');
    expect(platforms.map(formatPlatform)).toEqual(['linux/amd64']);
    expect(missingPlatforms(['linux/amd64', 'linux/arm64'].map(parsePlatform), platforms).map(formatPlatform)).toEqual([
      'linux/arm64',
    ]);
  });

  it('digests agree with skopeo and with the sha256 of the manifest bytes', async () => {
    const client = new RegistryClient(tokenRegistry.host, anonymous);
    const skopeo = await run('skopeo', [
      'inspect',
      '--tls-verify=false',
      '--creds',
      creds,
      '--raw',
      `docker://${tokenRegistry.host}/sugarkube/multi:1.0.0`,
    ]);
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
    const ok = await checkImagePlatforms(`${tokenRegistry.host}/sugarkube/multi:1.0.0`, wanted, anonymous);
    expect(ok.kind).toBe('index');
    expect(ok.missing).toEqual([]);
    const bad = await checkImagePlatforms(`${tokenRegistry.host}/sugarkube/amd64only:1.0.0`, wanted, anonymous);
    expect(bad.missing.map(formatPlatform)).toEqual(['linux/arm64']);
    expect(bad.digest).toMatch(/^sha256:[0-9a-f]{64}$/);
  });
});

describe('basic auth (htpasswd)', () => {
  it('lists tags with credentials, and says credentials are needed without them', async () => {
    const client = new RegistryClient(basicRegistry.host, { credentials: { username: USER, password: PASSWORD } });
    expect(await client.listTags('sugarkube/basic')).toEqual(['1.0.0']);
    expect((await client.platforms('sugarkube/basic', '1.0.0')).platforms.map(formatPlatform).sort()).toEqual([
      'linux/amd64',
      'linux/arm64',
    ]);
    await expect(new RegistryClient(basicRegistry.host, anonymous).listTags('sugarkube/basic')).rejects.toThrow(
      /^tags of sugarkube\/basic from 127\.0\.0\.1:\d+: HTTP 401: the registry wants basic auth, and there are no credentials to send\. Tried no credentials \(anonymous; the Docker config is not read\)/,
    );
  });
});

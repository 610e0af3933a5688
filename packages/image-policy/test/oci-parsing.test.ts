import { describe, expect, it } from 'vitest';
import { formatPlatform, missingPlatforms, parseImageReference, parsePlatform, RegistryClient } from '../src/index.js';
import { nextLink } from '../src/oci/link-header.js';
import { indexPlatforms, parseManifest } from '../src/oci/manifest.js';
import { parseWwwAuthenticate } from '../src/oci/www-authenticate.js';

describe('parseWwwAuthenticate', () => {
  it('reads the GHCR and Docker Hub bearer challenges', () => {
    expect(
      parseWwwAuthenticate(
        'Bearer realm="https://ghcr.io/token",service="ghcr.io",scope="repository:futuroptimist/token.place:pull"',
      ),
    ).toEqual([
      {
        scheme: 'bearer',
        params: {
          realm: 'https://ghcr.io/token',
          service: 'ghcr.io',
          scope: 'repository:futuroptimist/token.place:pull',
        },
      },
    ]);
    expect(
      parseWwwAuthenticate(
        'Bearer realm="https://auth.docker.io/token",service="registry.docker.io",scope="repository:library/nginx:pull",error="insufficient_scope"',
      )[0]!.params.error,
    ).toBe('insufficient_scope');
  });
  it('reads basic challenges, several challenges, escapes and unquoted values', () => {
    expect(parseWwwAuthenticate('Basic realm="basic-realm"')).toEqual([
      { scheme: 'basic', params: { realm: 'basic-realm' } },
    ]);
    expect(parseWwwAuthenticate('Basic realm="a\\"b", Bearer realm=https://x/token, service=x')).toEqual([
      { scheme: 'basic', params: { realm: 'a"b' } },
      { scheme: 'bearer', params: { realm: 'https://x/token', service: 'x' } },
    ]);
  });
});

describe('nextLink', () => {
  it('resolves the next page of a tags list against the request URL', () => {
    expect(
      nextLink('</v2/o/app/tags/list?last=v1.2.3&n=100>; rel="next"', 'https://ghcr.io/v2/o/app/tags/list?n=100'),
    ).toBe('https://ghcr.io/v2/o/app/tags/list?last=v1.2.3&n=100');
    expect(nextLink('<https://x/a>; rel="prev", <https://x/b>; rel=next', 'https://x/')).toBe('https://x/b');
    expect(nextLink(null, 'https://x/')).toBeUndefined();
    expect(nextLink('<https://x/a>; rel="prev"', 'https://x/')).toBeUndefined();
  });
});

describe('parseImageReference', () => {
  it.each([
    [
      'ghcr.io/futuroptimist/token.place:v1.2.3',
      { registry: 'ghcr.io', repository: 'futuroptimist/token.place', tag: 'v1.2.3' },
    ],
    [
      '127.0.0.1:5000/sugarkube/multi:1.0.0',
      { registry: '127.0.0.1:5000', repository: 'sugarkube/multi', tag: '1.0.0' },
    ],
    ['nginx', { registry: 'registry-1.docker.io', repository: 'library/nginx' }],
    [
      'localhost/app@sha256:' + 'a'.repeat(64),
      { registry: 'localhost', repository: 'app', digest: 'sha256:' + 'a'.repeat(64) },
    ],
    [
      'docker.io/bitnami/sealed-secrets:0.27',
      { registry: 'registry-1.docker.io', repository: 'bitnami/sealed-secrets', tag: '0.27' },
    ],
  ])('%s', (ref, expected) => {
    expect(parseImageReference(ref)).toEqual(expected);
  });
  it('rejects what the reference grammar rejects', () => {
    expect(() => parseImageReference('ghcr.io/Upper/app:1')).toThrow(/bad repository/);
    expect(() => parseImageReference('ghcr.io/o/app:-bad')).toThrow(/bad tag/);
  });
});

describe('manifests and platforms', () => {
  const index = JSON.stringify({
    schemaVersion: 2,
    mediaType: 'application/vnd.oci.image.index.v1+json',
    manifests: [
      {
        mediaType: 'application/vnd.oci.image.manifest.v1+json',
        digest: 'sha256:1',
        size: 1,
        platform: { os: 'linux', architecture: 'amd64' },
      },
      {
        mediaType: 'application/vnd.oci.image.manifest.v1+json',
        digest: 'sha256:2',
        size: 1,
        platform: { os: 'linux', architecture: 'arm64', variant: 'v8' },
      },
      {
        mediaType: 'application/vnd.oci.image.manifest.v1+json',
        digest: 'sha256:3',
        size: 1,
        platform: { os: 'unknown', architecture: 'unknown' },
        annotations: { 'vnd.docker.reference.type': 'attestation-manifest' },
      },
    ],
  });
  it('lists an index platforms without attestations, and matches a variant-less wanted platform', () => {
    const m = parseManifest(index, 'application/vnd.oci.image.index.v1+json');
    expect(indexPlatforms(m).map(formatPlatform)).toEqual(['linux/amd64', 'linux/arm64/v8']);
    expect(missingPlatforms([parsePlatform('linux/amd64'), parsePlatform('linux/arm64')], indexPlatforms(m))).toEqual(
      [],
    );
    expect(missingPlatforms([parsePlatform('linux/arm/v7')], indexPlatforms(m)).map(formatPlatform)).toEqual([
      'linux/arm/v7',
    ]);
  });
  it('tells an image manifest from an index by media type or shape, and rejects others', () => {
    expect(parseManifest(JSON.stringify({ config: { digest: 'sha256:c', size: 2 }, layers: [] })).kind).toBe('image');
    expect(parseManifest(index, null).kind).toBe('index');
    expect(() => parseManifest('{}', 'application/vnd.docker.distribution.manifest.v1+prettyjws')).toThrow(
      /unsupported media type/,
    );
    expect(() => parsePlatform('linux')).toThrow(
      'expected a platform os/architecture[/variant] such as "linux/arm64", received "linux"',
    );
  });
});

describe('tag pagination as GHCR does it (recorded responses)', () => {
  it('follows Link headers page by page with the same token', async () => {
    const pages: Record<string, { tags: string[]; link?: string }> = {
      'https://ghcr.io/v2/o/app/tags/list?n=2': {
        tags: ['a', 'b'],
        link: '</v2/o/app/tags/list?last=b&n=2>; rel="next"',
      },
      'https://ghcr.io/v2/o/app/tags/list?last=b&n=2': { tags: ['c'] },
    };
    const seen: string[] = [];
    const fake = (async (input: string | URL | Request, init?: RequestInit) => {
      const url = String(input);
      seen.push(`${url} ${(init?.headers as Record<string, string> | undefined)?.authorization ?? ''}`);
      if (url.startsWith('https://ghcr.io/token')) return new Response(JSON.stringify({ token: 'T' }));
      const auth = (init?.headers as Record<string, string>).authorization;
      if (auth !== 'Bearer T')
        return new Response('', {
          status: 401,
          headers: {
            'www-authenticate': 'Bearer realm="https://ghcr.io/token",service="ghcr.io",scope="repository:o/app:pull"',
          },
        });
      const page = pages[url]!;
      return new Response(JSON.stringify({ name: 'o/app', tags: page.tags }), {
        headers: page.link ? { link: page.link } : {},
      });
    }) as typeof fetch;
    const client = new RegistryClient('ghcr.io', { fetch: fake, dockerConfig: false });
    expect(await client.listTags('o/app', { pageSize: 2 })).toEqual(['a', 'b', 'c']);
    expect(seen).toEqual([
      'https://ghcr.io/v2/o/app/tags/list?n=2 ',
      'https://ghcr.io/token?service=ghcr.io&scope=repository%3Ao%2Fapp%3Apull ',
      'https://ghcr.io/v2/o/app/tags/list?n=2 Bearer T',
      'https://ghcr.io/v2/o/app/tags/list?last=b&n=2 Bearer T',
    ]);
  });
});

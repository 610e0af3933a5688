/**
 * A small OCI distribution (registry API v2) client: anonymous, bearer-token (the
 * `WWW-Authenticate: Bearer realm=…` challenge → token endpoint flow GHCR and Docker Hub use) and
 * basic auth; tag listing across `Link` pages; manifests (OCI and Docker media types) with their
 * digests; image platforms. The pure parsing lives in `../oci/`.
 *
 * @see https://github.com/opencontainers/distribution-spec/blob/main/spec.md
 * @see https://distribution.github.io/distribution/spec/auth/token/
 */
import { createHash } from 'node:crypto';
import { nextLink } from '../oci/link-header.js';
import { configPlatform, indexPlatforms, MANIFEST_ACCEPT, parseManifest, type Manifest, type Platform } from '../oci/manifest.js';
import { parseWwwAuthenticate } from '../oci/www-authenticate.js';

/** Options for {@link RegistryClient}. */
export interface RegistryClientOptions {
  /**
   * Username and password (GHCR: a user and a token with `read:packages`), sent to the token
   * endpoint or as basic auth.
   * @default anonymous
   */
  readonly credentials?: { readonly username: string; readonly password: string };
  /**
   * Use plain HTTP.
   * @default true for localhost, 127.0.0.1 and [::1], else false
   */
  readonly insecure?: boolean;
  /**
   * The fetch implementation.
   * @default globalThis.fetch
   */
  readonly fetch?: typeof fetch;
}

/** A registry answered with an error. */
export class RegistryError extends Error {
  override readonly name = 'RegistryError';
  constructor(
    message: string,
    readonly status: number,
    readonly code?: string,
  ) {
    super(message);
  }
}

/** A fetched manifest with its digest. */
export interface FetchedManifest {
  readonly digest: string;
  readonly mediaType: string;
  readonly manifest: Manifest;
  readonly body: string;
}

const LOOPBACK = /^(localhost|127\.\d+\.\d+\.\d+|\[::1\])(:\d+)?$/;

async function errorFrom(response: Response, what: string): Promise<RegistryError> {
  const text = await response.text().catch(() => '');
  let code: string | undefined;
  let detail = text.slice(0, 200);
  try {
    const first = (JSON.parse(text) as { errors?: { code?: string; message?: string }[] }).errors?.[0];
    if (first) {
      code = first.code;
      detail = `${first.code ?? ''}${first.message ? `: ${first.message}` : ''}`;
    }
  } catch {
    // not JSON
  }
  return new RegistryError(`${what}: HTTP ${response.status}${detail ? ` (${detail})` : ''}`, response.status, code);
}

/** A client for one registry host. */
export class RegistryClient {
  readonly base: string;
  private readonly fetchImpl: typeof fetch;
  private readonly tokens = new Map<string, string>();
  /** Every request made (method and URL), for diagnostics and tests. */
  readonly log: string[] = [];

  constructor(
    readonly registry: string,
    private readonly options: RegistryClientOptions = {},
  ) {
    const insecure = options.insecure ?? LOOPBACK.test(registry);
    this.base = `${insecure ? 'http' : 'https'}://${registry}`;
    this.fetchImpl = options.fetch ?? globalThis.fetch;
  }

  private basic(): string | undefined {
    const c = this.options.credentials;
    return c ? `Basic ${Buffer.from(`${c.username}:${c.password}`).toString('base64')}` : undefined;
  }

  private async token(realm: string, service: string | undefined, scope: string): Promise<string> {
    const key = `${realm} ${service ?? ''} ${scope}`;
    const cached = this.tokens.get(key);
    if (cached) return cached;
    const url = new URL(realm);
    if (service) url.searchParams.set('service', service);
    if (scope) url.searchParams.set('scope', scope);
    const basic = this.basic();
    this.log.push(`GET ${url}`);
    const response = await this.fetchImpl(url, { headers: basic ? { authorization: basic } : {} });
    if (!response.ok) throw await errorFrom(response, `token from ${url.origin}${url.pathname}`);
    const json = (await response.json()) as { token?: string; access_token?: string };
    const token = json.token ?? json.access_token;
    if (!token) throw new RegistryError(`token from ${url.origin}${url.pathname}: no token in the response`, response.status);
    this.tokens.set(key, token);
    return token;
  }

  /** A request with the auth flow: try, and on 401 answer the challenge once. */
  async request(url: string, init: { method?: string; headers?: Record<string, string>; scope: string; what: string }): Promise<Response> {
    const attempt = (authorization?: string) => {
      this.log.push(`${init.method ?? 'GET'} ${url}`);
      return this.fetchImpl(url, { method: init.method ?? 'GET', headers: { ...init.headers, ...(authorization ? { authorization } : {}) }, redirect: 'follow' });
    };
    const cachedScope = [...this.tokens.entries()].find(([k]) => k.endsWith(` ${init.scope}`));
    let response = await attempt(cachedScope ? `Bearer ${cachedScope[1]}` : undefined);
    if (response.status === 401) {
      const challenges = parseWwwAuthenticate(response.headers.get('www-authenticate') ?? '');
      await response.body?.cancel();
      const bearer = challenges.find((c) => c.scheme === 'bearer');
      const basicChallenge = challenges.find((c) => c.scheme === 'basic');
      if (bearer?.params.realm) {
        response = await attempt(`Bearer ${await this.token(bearer.params.realm, bearer.params.service, bearer.params.scope ?? init.scope)}`);
      } else if (basicChallenge && this.basic()) {
        response = await attempt(this.basic());
      } else if (basicChallenge) {
        throw new RegistryError(`${init.what}: the registry wants basic auth; give credentials`, 401);
      }
    }
    if (!response.ok) throw await errorFrom(response, init.what);
    return response;
  }

  /** Pages of a list endpoint, following `Link: <…>; rel="next"` until there is none. */
  private async *pages(first: string, key: 'tags' | 'repositories', scope: string, what: string): AsyncGenerator<string[]> {
    let url: string | undefined = first;
    const seen = new Set<string>();
    while (url) {
      if (seen.has(url)) throw new RegistryError(`${what}: pagination loops at ${url}`, 0);
      seen.add(url);
      const response = await this.request(url, { scope, what });
      const json = (await response.json()) as Record<string, string[] | null | undefined>;
      yield json[key] ?? [];
      url = nextLink(response.headers.get('link'), url);
    }
  }

  /**
   * Pages of `/v2/<repository>/tags/list`. `pageSize` is sent as `n`; registries that paginate
   * (GHCR, distribution 3) answer with `Link` headers, older ones (distribution 2.8) with one page.
   */
  tagPages(repository: string, options: { readonly pageSize?: number } = {}): AsyncGenerator<string[]> {
    const url = `${this.base}/v2/${repository}/tags/list${options.pageSize ? `?n=${options.pageSize}` : ''}`;
    return this.pages(url, 'tags', `repository:${repository}:pull`, `tags of ${repository}`);
  }

  /** Pages of `/v2/_catalog` (the repositories of the registry), following `Link` headers. */
  catalogPages(options: { readonly pageSize?: number } = {}): AsyncGenerator<string[]> {
    const url = `${this.base}/v2/_catalog${options.pageSize ? `?n=${options.pageSize}` : ''}`;
    return this.pages(url, 'repositories', 'registry:catalog:*', 'catalog');
  }

  /** Every tag of `repository`, in the registry's order. */
  async listTags(repository: string, options: { readonly pageSize?: number } = {}): Promise<string[]> {
    const tags: string[] = [];
    for await (const page of this.tagPages(repository, options)) tags.push(...page);
    return tags;
  }

  /** A manifest (index or image) by tag or digest, with its digest (`Docker-Content-Digest`, else sha256 of the body). */
  async getManifest(repository: string, reference: string): Promise<FetchedManifest> {
    const response = await this.request(`${this.base}/v2/${repository}/manifests/${reference}`, {
      headers: { accept: MANIFEST_ACCEPT },
      scope: `repository:${repository}:pull`,
      what: `manifest ${repository}:${reference}`,
    });
    const body = await response.text();
    const digest = response.headers.get('docker-content-digest') ?? `sha256:${createHash('sha256').update(body).digest('hex')}`;
    const manifest = parseManifest(body, response.headers.get('content-type'));
    return { digest, mediaType: manifest.mediaType, manifest, body };
  }

  /** The digest a tag points at, from a HEAD request (what Flux's digest reflection does). */
  async headDigest(repository: string, reference: string): Promise<string> {
    const response = await this.request(`${this.base}/v2/${repository}/manifests/${reference}`, {
      method: 'HEAD',
      headers: { accept: MANIFEST_ACCEPT },
      scope: `repository:${repository}:pull`,
      what: `manifest ${repository}:${reference}`,
    });
    const digest = response.headers.get('docker-content-digest');
    if (!digest) return (await this.getManifest(repository, reference)).digest;
    return digest;
  }

  /** A blob's text (image configs are small JSON). */
  async getBlobText(repository: string, digest: string): Promise<string> {
    const response = await this.request(`${this.base}/v2/${repository}/blobs/${digest}`, { scope: `repository:${repository}:pull`, what: `blob ${digest}` });
    return response.text();
  }

  /** The platforms of a tag: an index's entries, or a single image's config. */
  async platforms(repository: string, reference: string): Promise<{ digest: string; kind: 'index' | 'image'; platforms: Platform[] }> {
    const fetched = await this.getManifest(repository, reference);
    if (fetched.manifest.kind === 'index') return { digest: fetched.digest, kind: 'index', platforms: indexPlatforms(fetched.manifest) };
    const config = await this.getBlobText(repository, fetched.manifest.config.digest);
    return { digest: fetched.digest, kind: 'image', platforms: [configPlatform(config)] };
  }
}

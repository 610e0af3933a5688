/**
 * A small OCI distribution (registry API v2) client: anonymous, bearer-token (the
 * `WWW-Authenticate: Bearer realm=…` challenge → token endpoint flow GHCR and Docker Hub use) and
 * basic auth, with credentials given or read from the Docker config (`docker login`, credential
 * helpers); tag listing across `Link` pages; manifests (OCI and Docker media types) with their
 * digests; image platforms. Every request has a time limit and bounded retries
 * (`./http-exchange.ts`). The pure parsing lives in `../oci/`.
 *
 * @see https://github.com/opencontainers/distribution-spec/blob/main/spec.md
 * @see https://distribution.github.io/distribution/spec/auth/token/
 */
import { createHash } from 'node:crypto';
import { checkArguments, strictObject } from '@sugarkube/core';
import { z } from 'zod';
import { authHint } from '../oci/auth-hint.js';
import { nextLink } from '../oci/link-header.js';
import {
  configPlatform,
  indexPlatforms,
  MANIFEST_ACCEPT,
  parseManifest,
  type Manifest,
  type Platform,
} from '../oci/manifest.js';
import { RegistryError } from '../oci/registry-error.js';
import {
  blobDigest,
  manifestReference,
  pageOptionsSchema,
  registryClientOptionsSchema,
  registryHost,
  repositoryName,
} from '../options/registry-schemas.js';
import { parseWwwAuthenticate } from '../oci/www-authenticate.js';
import { resolveDockerCredentials, type ResolvedCredentials } from './docker-credentials.js';
import { exchange, type RetryOptions } from './http-exchange.js';

/** Options for {@link RegistryClient}. */
export interface RegistryClientOptions {
  /**
   * Username and password (GHCR: a user and a token with `read:packages`), sent to the token
   * endpoint or as basic auth. Given credentials win over the Docker config.
   * @default - from the Docker config (see `dockerConfig`), else anonymous
   */
  readonly credentials?: { readonly username: string; readonly password: string };
  /**
   * Where to look for `docker login` credentials when none are given: `true` reads
   * `$DOCKER_CONFIG/config.json` (else `~/.docker/config.json`) with its `auths`, `credsStore`
   * and `credHelpers`; a string is the config directory; `false` never reads it. Read once, at
   * the first authentication challenge.
   * @default true
   * @see https://docs.docker.com/reference/cli/docker/login/#credential-stores
   */
  readonly dockerConfig?: boolean | string;
  /**
   * Use plain HTTP.
   * @default true for localhost, 127.0.0.1 and [::1], else false
   */
  readonly insecure?: boolean;
  /**
   * How long one attempt (connection, headers and body) may take, and a credential helper may run.
   * @default 30000
   */
  readonly timeoutMs?: number;
  /**
   * Retries on 429, 5xx (but 501 and 505) and reset connections, honouring `Retry-After`.
   * @default { attempts: 4, baseDelayMs: 500, maxDelayMs: 8000, maxRetryAfterMs: 60000 }
   */
  readonly retry?: RetryOptions;
  /**
   * The fetch implementation.
   * @default globalThis.fetch
   */
  readonly fetch?: typeof fetch;
}

/** A fetched manifest with its digest. */
export interface FetchedManifest {
  readonly digest: string;
  readonly mediaType: string;
  readonly manifest: Manifest;
  readonly body: string;
}

const LOOPBACK = /^(localhost|127\.\d+\.\d+\.\d+|\[::1\])(:\d+)?$/;
const ANONYMOUS = 'no credentials (the request was anonymous)';

/** The registry's error as a RegistryError: its code and message, the attempts, and a hint on 401/403. */
async function errorFrom(
  response: Response,
  what: string,
  host: string,
  attempts: number,
  creds: ResolvedCredentials | undefined,
): Promise<RegistryError> {
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
  const auth = response.status === 401 || response.status === 403;
  return new RegistryError(
    `${what}: HTTP ${response.status}${detail ? ` (${detail})` : ''}${attempts > 1 ? ` after ${attempts} attempts` : ''}`,
    response.status,
    code,
    {
      host,
      operation: what,
      attempts,
      ...(auth
        ? { hint: authHint(response.status, host, creds?.source ?? ANONYMOUS, creds?.credentials !== undefined) }
        : {}),
    },
  );
}

/** A client for one registry host. */
export class RegistryClient {
  readonly base: string;
  private readonly fetchImpl: typeof fetch;
  private readonly timeoutMs: number;
  private readonly tokens = new Map<string, string>();
  private resolved?: Promise<ResolvedCredentials>;
  /** Every request made (method and URL, one per attempt), for diagnostics and tests. */
  readonly log: string[] = [];

  /** @throws ValidationError (from `@sugarkube/core`) for a malformed host or options */
  constructor(
    readonly registry: string,
    private readonly options: RegistryClientOptions = {},
  ) {
    checkArguments('registry client options', [
      [['registry'], registryHost, registry],
      [['options'], registryClientOptionsSchema, options],
    ]);
    const insecure = options.insecure ?? LOOPBACK.test(registry);
    this.base = `${insecure ? 'http' : 'https'}://${registry}`;
    this.fetchImpl = options.fetch ?? globalThis.fetch;
    this.timeoutMs = options.timeoutMs ?? 30_000;
  }

  /** The credentials for this registry and where they came from; resolved once. */
  private credentials(): Promise<ResolvedCredentials> {
    const given = this.options.credentials;
    if (given) return Promise.resolve({ credentials: given, source: `user "${given.username}" given to the client` });
    const config = this.options.dockerConfig ?? true;
    if (config === false)
      return Promise.resolve({ source: 'no credentials (anonymous; the Docker config is not read)' });
    this.resolved ??= resolveDockerCredentials(this.registry, {
      ...(typeof config === 'string' ? { configDir: config } : {}),
      timeoutMs: this.timeoutMs,
    }).catch((error: unknown) => {
      throw new RegistryError(`credentials for ${this.registry}: ${(error as Error).message}`, 0, 'CREDENTIALS', {
        host: this.registry,
        operation: 'credentials',
      });
    });
    return this.resolved;
  }

  private send(url: string, method: 'GET' | 'HEAD', headers: Record<string, string>, what: string) {
    return exchange(
      url,
      { method, headers, what },
      {
        fetch: this.fetchImpl,
        timeoutMs: this.timeoutMs,
        retry: this.options.retry ?? {},
        onAttempt: (m, u) => this.log.push(`${m} ${u}`),
      },
    );
  }

  private async token(
    realm: string,
    service: string | undefined,
    scope: string,
    creds: ResolvedCredentials,
  ): Promise<string> {
    const key = `${realm} ${service ?? ''} ${scope}`;
    const cached = this.tokens.get(key);
    if (cached) return cached;
    const url = new URL(realm);
    if (service) url.searchParams.set('service', service);
    if (scope) url.searchParams.set('scope', scope);
    const c = creds.credentials;
    const what = `token from ${url.origin}${url.pathname}`;
    const { response, attempts } = await this.send(
      url.toString(),
      'GET',
      c ? { authorization: `Basic ${Buffer.from(`${c.username}:${c.password}`).toString('base64')}` } : {},
      what,
    );
    if (!response.ok) throw await errorFrom(response, what, this.registry, attempts, creds);
    const json = (await response.json()) as { token?: string; access_token?: string };
    const token = json.token ?? json.access_token;
    if (!token)
      throw new RegistryError(`${what}: no token in the response`, response.status, undefined, {
        host: url.host,
        operation: what,
      });
    this.tokens.set(key, token);
    return token;
  }

  /**
   * A request with the auth flow: try, and on 401 answer the challenge once (a token from the
   * realm, or basic auth), with the given or Docker-config credentials. `what` names the
   * operation in errors (the host is added).
   */
  async request(
    url: string,
    init: { method?: 'GET' | 'HEAD'; headers?: Record<string, string>; scope: string; what: string },
  ): Promise<Response> {
    checkArguments('registry request', [
      [['url'], z.url({ error: 'an absolute URL' }), url],
      [
        ['init'],
        strictObject({
          method: z.enum(['GET', 'HEAD']).optional(),
          headers: z.record(z.string(), z.string({ error: 'a header value' })).optional(),
          scope: z.string({ error: 'a token scope such as "repository:owner/app:pull"' }),
          what: z.string({ error: 'what is fetched, for messages' }),
        }),
        init,
      ],
    ]);
    const method = init.method ?? 'GET';
    const what = `${init.what} from ${this.registry}`;
    const attempt = (authorization?: string) =>
      this.send(url, method, { ...init.headers, ...(authorization ? { authorization } : {}) }, what);
    const cachedScope = [...this.tokens.entries()].find(([k]) => k.endsWith(` ${init.scope}`));
    let creds: ResolvedCredentials | undefined;
    let { response, attempts } = await attempt(cachedScope ? `Bearer ${cachedScope[1]}` : undefined);
    if (response.status === 401) {
      const challenges = parseWwwAuthenticate(response.headers.get('www-authenticate') ?? '');
      const bearer = challenges.find((c) => c.scheme === 'bearer');
      const basic = challenges.find((c) => c.scheme === 'basic');
      if (bearer?.params.realm) {
        creds = await this.credentials();
        ({ response, attempts } = await attempt(
          `Bearer ${await this.token(bearer.params.realm, bearer.params.service, bearer.params.scope ?? init.scope, creds)}`,
        ));
      } else if (basic) {
        creds = await this.credentials();
        const c = creds.credentials;
        if (!c) {
          throw new RegistryError(
            `${what}: HTTP 401: the registry wants basic auth, and there are no credentials to send`,
            401,
            'UNAUTHORIZED',
            {
              host: this.registry,
              operation: what,
              hint: authHint(401, this.registry, creds.source, false),
            },
          );
        }
        ({ response, attempts } = await attempt(
          `Basic ${Buffer.from(`${c.username}:${c.password}`).toString('base64')}`,
        ));
      }
    }
    if (!response.ok) throw await errorFrom(response, what, this.registry, attempts, creds);
    return response;
  }

  /** Pages of a list endpoint, following `Link: <…>; rel="next"` until there is none. */
  private async *pages(
    first: string,
    key: 'tags' | 'repositories',
    scope: string,
    what: string,
  ): AsyncGenerator<string[]> {
    let url: string | undefined = first;
    const seen = new Set<string>();
    while (url) {
      if (seen.has(url))
        throw new RegistryError(`${what} from ${this.registry}: pagination loops at ${url}`, 0, undefined, {
          host: this.registry,
          operation: what,
        });
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
    checkArguments('tag listing', [
      [['repository'], repositoryName, repository],
      [['options'], pageOptionsSchema, options],
    ]);
    const url = `${this.base}/v2/${repository}/tags/list${options.pageSize ? `?n=${options.pageSize}` : ''}`;
    return this.pages(url, 'tags', `repository:${repository}:pull`, `tags of ${repository}`);
  }

  /** Pages of `/v2/_catalog` (the repositories of the registry), following `Link` headers. */
  catalogPages(options: { readonly pageSize?: number } = {}): AsyncGenerator<string[]> {
    checkArguments('catalog listing', [[[], pageOptionsSchema, options]]);
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
    checkArguments('manifest request', [
      [['repository'], repositoryName, repository],
      [['reference'], manifestReference, reference],
    ]);
    const response = await this.request(`${this.base}/v2/${repository}/manifests/${reference}`, {
      headers: { accept: MANIFEST_ACCEPT },
      scope: `repository:${repository}:pull`,
      what: `manifest ${repository}:${reference}`,
    });
    const body = await response.text();
    const digest =
      response.headers.get('docker-content-digest') ?? `sha256:${createHash('sha256').update(body).digest('hex')}`;
    const manifest = parseManifest(body, response.headers.get('content-type'));
    return { digest, mediaType: manifest.mediaType, manifest, body };
  }

  /** The digest a tag points at, from a HEAD request (what Flux's digest reflection does). */
  async headDigest(repository: string, reference: string): Promise<string> {
    checkArguments('manifest request', [
      [['repository'], repositoryName, repository],
      [['reference'], manifestReference, reference],
    ]);
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
    checkArguments('blob request', [
      [['repository'], repositoryName, repository],
      [['digest'], blobDigest, digest],
    ]);
    const response = await this.request(`${this.base}/v2/${repository}/blobs/${digest}`, {
      scope: `repository:${repository}:pull`,
      what: `blob ${digest}`,
    });
    return response.text();
  }

  /** The platforms of a tag: an index's entries, or a single image's config. */
  async platforms(
    repository: string,
    reference: string,
  ): Promise<{ digest: string; kind: 'index' | 'image'; platforms: Platform[] }> {
    const fetched = await this.getManifest(repository, reference);
    if (fetched.manifest.kind === 'index')
      return { digest: fetched.digest, kind: 'index', platforms: indexPlatforms(fetched.manifest) };
    const config = await this.getBlobText(repository, fetched.manifest.config.digest);
    return { digest: fetched.digest, kind: 'image', platforms: [configPlatform(config)] };
  }
}

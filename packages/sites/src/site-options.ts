import { defaultContentSecurityPolicy, type NginxConfigOptions, type NginxServingOptions } from '@sugarkube/ci-workflows';
import type { AppDescriptor } from '@sugarkube/manifests';

/**
 * What a static site needs to be hosted: the values of the plan's "sites" template
 * (`host, image/tag, path, cache, ingressClass, tls`) plus the serving behaviour.
 * Every optional field is resolved once, by {@link resolveSiteOptions}.
 */
export interface SiteOptions {
  /** App slug: namespace, release and object names. Lower-case DNS label. */
  readonly name: string;
  /** Apex host, e.g. `danielsmith.io`; staging serves `staging.<host>`. */
  readonly host: string;
  /** Image repository without tag, e.g. `ghcr.io/futuroptimist/danielsmith.io`. */
  readonly image: string;
  /**
   * Image tag deployed until image automation moves it.
   * @default 'edge'
   */
  readonly tag?: string;
  /**
   * URL sub-path the site lives under, with leading and trailing slash (`/docs/`). The site's
   * files are copied to `<root><path>` so URLs map to files one to one.
   * @default '/'
   */
  readonly path?: string;
  /** @default - see {@link CachePolicy} */
  readonly cache?: CachePolicy;
  /**
   * The route the ingress controller serves: a Gateway API HTTPRoute (Traefik's default
   * `GatewayClass`) or an Ingress with this class.
   * @default { kind: 'httproute' }
   * @see https://gateway-api.sigs.k8s.io/api-types/httproute/
   */
  readonly route?: SiteRoute;
  /**
   * TLS for the route, terminated by the ingress controller.
   * @default { issuer: 'letsencrypt-production' }
   */
  readonly tls?: SiteTls | false;
  /**
   * Serve `index.html` for extensionless paths no file matches (client-side routing). Paths
   * with a file extension, and everything under the immutable prefixes, still 404.
   * @default false
   */
  readonly spaFallback?: boolean;
  /**
   * A custom 404 page, relative to `path` (e.g. `404.html`).
   * @default - nginx's built-in 404 page
   */
  readonly notFoundPage?: string;
  /** @default - see {@link SiteHeaders} */
  readonly headers?: SiteHeaders;
  /** @default { liveness: '/livez', readiness: '/healthz' } */
  readonly health?: HealthPaths;
  /**
   * Container port nginx listens on (nginx-unprivileged cannot bind below 1024).
   * @default 8080
   */
  readonly port?: number;
  /**
   * A directory of the site written at pod start (an emptyDir over the image's copy), served
   * `no-store`: e.g. danielsmith.io's `runtime/build-info.json`.
   * @default - none
   */
  readonly runtimeFiles?: RuntimeFiles;
  /**
   * Per-environment overrides passed to the app descriptor as they are (a prod tag pin, replicas,
   * resources, extra ConfigMaps).
   * @default { staging: {}, prod: {} }
   * @see AppDescriptor
   */
  readonly environments?: AppDescriptor['environments'];
}

/**
 * Files the site gets at run time: an init container copies the image's own `<prefix>` directory
 * plus one ConfigMap's files (per environment) into an emptyDir mounted over it.
 */
export interface RuntimeFiles {
  /**
   * URL prefix, relative to `path`, of the directory.
   * @default 'runtime/'
   */
  readonly prefix?: string;
  /**
   * Name of the init container.
   * @default 'seed-runtime'
   */
  readonly initContainerName?: string;
  /**
   * Name of the ConfigMap holding the files.
   * @default '<name>-runtime'
   */
  readonly configMap?: string;
  /** File name → content, per environment (e.g. `build-info.json`). */
  readonly files: Readonly<Record<string, Readonly<Record<string, string>>>>;
}

export type SiteRoute =
  | { readonly kind: 'httproute'; readonly gateway?: { readonly name: string; readonly namespace: string } }
  | { readonly kind: 'ingress'; readonly ingressClass: string };

export interface SiteTls {
  /**
   * cert-manager ClusterIssuer (DNS-01 through Cloudflare on the Sugarkube clusters).
   * @default 'letsencrypt-production'
   */
  readonly issuer?: string;
}

/** The serving options: @sugarkube/ci-workflows' nginx generator owns them (and their checks). */
export type CachePolicy = NonNullable<NginxServingOptions['cache']>;
export type SiteHeaders = NonNullable<NginxServingOptions['headers']>;
export type HealthPaths = NonNullable<NginxConfigOptions['health']>;
export { defaultContentSecurityPolicy };

/** {@link SiteOptions} with every default applied. */
export interface ResolvedSiteOptions {
  readonly name: string;
  readonly host: string;
  readonly image: string;
  readonly tag: string;
  readonly path: string;
  readonly cache: Required<CachePolicy>;
  readonly route: SiteRoute;
  readonly tls: Required<SiteTls> | false;
  readonly spaFallback: boolean;
  readonly notFoundPage: string | undefined;
  readonly headers: { readonly contentSecurityPolicy: string | false; readonly referrerPolicy: string; readonly extra: Readonly<Record<string, string>> };
  readonly health: Required<HealthPaths>;
  readonly port: number;
  readonly runtimeFiles: Required<RuntimeFiles> | undefined;
  readonly environments: AppDescriptor['environments'];
}

/** Applies the defaults. Call {@link validateSiteOptions} first for readable errors. */
export function resolveSiteOptions(options: SiteOptions): ResolvedSiteOptions {
  const runtimeFiles = options.runtimeFiles && {
    prefix: options.runtimeFiles.prefix ?? 'runtime/',
    initContainerName: options.runtimeFiles.initContainerName ?? 'seed-runtime',
    configMap: options.runtimeFiles.configMap ?? `${options.name}-runtime`,
    files: options.runtimeFiles.files,
  };
  return {
    name: options.name,
    host: options.host,
    image: options.image,
    tag: options.tag ?? 'edge',
    path: options.path ?? '/',
    cache: {
      immutablePrefixes: options.cache?.immutablePrefixes ?? ['assets/'],
      immutableMaxAge: options.cache?.immutableMaxAge ?? 31536000,
      documents: options.cache?.documents ?? 'no-cache',
      noStorePrefixes: [...new Set([...(options.cache?.noStorePrefixes ?? []), ...(runtimeFiles ? [runtimeFiles.prefix] : [])])],
    },
    route: options.route ?? { kind: 'httproute' },
    tls:
      options.tls === false
        ? false
        : { issuer: options.tls?.issuer ?? 'letsencrypt-production' },
    spaFallback: options.spaFallback ?? false,
    notFoundPage: options.notFoundPage,
    headers: {
      contentSecurityPolicy: options.headers?.contentSecurityPolicy ?? defaultContentSecurityPolicy,
      referrerPolicy: options.headers?.referrerPolicy ?? 'strict-origin-when-cross-origin',
      extra: options.headers?.extra ?? {},
    },
    health: { liveness: options.health?.liveness ?? '/livez', readiness: options.health?.readiness ?? '/healthz' },
    port: options.port ?? 8080,
    runtimeFiles,
    environments: options.environments,
  };
}

import type { NginxServingOptions, StaticNginxDockerfileOptions } from '@sugarkube/ci-workflows';
import type { AppDescriptor } from '@sugarkube/manifests';

/**
 * What a static site needs to be hosted: the values of the plan's "sites" template
 * (`host, image/tag, path, cache, route/ingressClass, tls`) plus how it is built and served.
 * `siteAppDescriptor` turns them into an app descriptor; everything is generated from that.
 */
export interface SiteOptions {
  /** App slug: namespace, release and object names (a DNS label starting with a letter, e.g. `"blog"`). */
  readonly name: string;
  /** Apex host, e.g. `danielsmith.io`; staging serves `staging.<host>`. */
  readonly host: string;
  /** Image repository without tag, e.g. `ghcr.io/futuroptimist/danielsmith.io`: the image the workflow pushes. */
  readonly image: string;
  /**
   * An immutable tag (a release `vX.Y.Z` or a build tag `main-1767225600-5ca96df`) the site's own
   * overlays run in every environment. Leave it out when a cluster repo takes the site from its
   * repo: the cluster's pins (and staging's image automation) decide what runs.
   * @default - none
   */
  readonly tag?: string;
  /**
   * URL sub-path the site lives under, with leading and trailing slash (`/docs/`): the build output
   * is copied to `<root><path>`, so URLs map to files one to one.
   * @default '/'
   */
  readonly path?: string;
  /** @default - fingerprinted `assets/` immutable for a year, everything else `no-cache` */
  readonly cache?: NginxServingOptions['cache'];
  /**
   * Serve `index.html` for extensionless paths no file matches (client-side routing). Paths with
   * a file extension, and everything under the immutable prefixes, still 404.
   * @default false
   */
  readonly spaFallback?: boolean;
  /**
   * A custom 404 page, relative to `path` (e.g. `404.html`).
   * @default - nginx's built-in 404 page
   */
  readonly notFoundPage?: string;
  /** @default - a strict Content-Security-Policy, `nosniff`, `strict-origin-when-cross-origin` */
  readonly headers?: NginxServingOptions['headers'];
  /** @default { readiness: '/healthz', liveness: '/livez' } (answered by nginx itself) */
  readonly health?: { readonly readiness?: string; readonly liveness?: string };
  /**
   * Container port nginx listens on (nginx-unprivileged cannot bind below 1024).
   * @default 8080
   */
  readonly port?: number;
  /**
   * The route the ingress controller serves: a Gateway API HTTPRoute (Traefik's Gateway) or an
   * Ingress with this class.
   * @default { kind: 'httproute' }
   * @see https://gateway-api.sigs.k8s.io/api-types/httproute/
   */
  readonly route?: SiteRoute;
  /**
   * TLS for the route, terminated by the ingress controller, or `false` for none.
   * @default { issuer: 'letsencrypt-production' }
   */
  readonly tls?: SiteTls | false;
  /**
   * A directory of the site written at pod start (an emptyDir over the image's copy), served
   * `no-store` and never precompressed: e.g. danielsmith.io's `runtime/build-info.json`.
   * @default - none
   */
  readonly runtimeFiles?: RuntimeFiles;
  /**
   * How the image is built: the static-nginx build fields of the descriptor (the serving fields
   * come from this object's own `path`, `cache`, `spaFallback`, `notFoundPage` and `headers`).
   * @default - `npm run build` into `dist/`, precompressed, no source maps
   */
  readonly build?: SiteBuild;
  /**
   * The branch whose builds staging follows.
   * @default 'main'
   */
  readonly defaultBranch?: string;
  /**
   * Per-environment overrides passed to the app descriptor as they are (replicas, resources, a
   * tag, extra ConfigMaps); paths in its errors are the descriptor's (`environments.prod…`).
   * @default { staging: {}, prod: {} }
   */
  readonly environments?: AppDescriptor['environments'];
}

/** The build fields of a static-nginx service, without the serving ones (the site's own fields). */
export type SiteBuild = Omit<
  StaticNginxDockerfileOptions,
  'serving' | 'nginxConfigFile' | 'header' | 'user' | 'port' | 'env' | 'title' | 'probes' | 'writablePaths'
>;

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
  /** Environment → file name → content (e.g. `{ staging: { 'build-info.json': '…' } }`). */
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

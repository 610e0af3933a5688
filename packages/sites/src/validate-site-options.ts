import type { SiteOptions } from './site-options.js';

/** One problem in the options, with the path into them. */
export interface SiteOptionsError {
  readonly path: string;
  readonly expected: string;
  readonly received: unknown;
}

const dnsLabel = /^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$/;
const hostname = /^(?=.{1,253}$)([a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?)(\.[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?)+$/;
const imageRepo = /^[a-z0-9]+([._-][a-z0-9]+)*(:[0-9]+)?(\/[a-z0-9]+([._-][a-z0-9]+)*)+$/;
const tagPattern = /^[A-Za-z0-9_][A-Za-z0-9._-]{0,127}$/;
/** Characters nginx would read as syntax (or a variable) inside a quoted string or a location. */
const unsafeForNginx = /["\\$;{}\s]/;
const urlPath = /^\/([A-Za-z0-9._~-]+\/)*$/;
const relativePrefix = /^([A-Za-z0-9._~-]+\/)+$/;
const headerName = /^[A-Za-z0-9-]+$/;

/** Checks every field and returns all problems at once (empty when valid). */
export function validateSiteOptions(options: SiteOptions): SiteOptionsError[] {
  const errors: SiteOptionsError[] = [];
  const check = (ok: boolean, path: string, expected: string, received: unknown) => {
    if (!ok) errors.push({ path, expected, received });
  };
  check(typeof options.name === 'string' && dnsLabel.test(options.name), 'name', 'a lower-case DNS label, e.g. "danielsmith"', options.name);
  check(typeof options.host === 'string' && hostname.test(options.host), 'host', 'a lower-case DNS name, e.g. "danielsmith.io"', options.host);
  check(typeof options.image === 'string' && imageRepo.test(options.image), 'image', 'an image repository without tag, e.g. "ghcr.io/owner/site"', options.image);
  if (options.tag !== undefined) check(tagPattern.test(options.tag), 'tag', 'an OCI tag, e.g. "main-1767225600-5ca96df"', options.tag);
  if (options.path !== undefined) check(urlPath.test(options.path), 'path', 'a URL path with leading and trailing slash, e.g. "/" or "/docs/"', options.path);
  if (options.port !== undefined) {
    check(Number.isInteger(options.port) && options.port >= 1024 && options.port <= 65535, 'port', 'an integer 1024-65535 (nginx-unprivileged cannot bind below 1024)', options.port);
  }
  const cache = options.cache ?? {};
  (cache.immutablePrefixes ?? []).forEach((prefix, i) =>
    check(relativePrefix.test(prefix), `cache.immutablePrefixes[${i}]`, 'a relative URL prefix ending in "/", e.g. "assets/"', prefix),
  );
  (cache.noStorePrefixes ?? []).forEach((prefix, i) =>
    check(relativePrefix.test(prefix), `cache.noStorePrefixes[${i}]`, 'a relative URL prefix ending in "/", e.g. "runtime/"', prefix),
  );
  if (cache.immutableMaxAge !== undefined) {
    check(Number.isInteger(cache.immutableMaxAge) && cache.immutableMaxAge > 0, 'cache.immutableMaxAge', 'a positive integer number of seconds', cache.immutableMaxAge);
  }
  if (cache.documents !== undefined) check(!/["\\$]/.test(cache.documents) && cache.documents !== '', 'cache.documents', 'a Cache-Control value, e.g. "no-cache"', cache.documents);
  if (options.notFoundPage !== undefined) {
    check(/^([A-Za-z0-9._~-]+\/)*[A-Za-z0-9._~-]+\.html$/.test(options.notFoundPage), 'notFoundPage', 'an HTML file relative to path, e.g. "404.html"', options.notFoundPage);
  }
  if (options.route?.kind === 'ingress') {
    check(dnsLabel.test(options.route.ingressClass), 'route.ingressClass', 'an IngressClass name, e.g. "traefik"', options.route.ingressClass);
  }
  const headers = options.headers ?? {};
  if (typeof headers.contentSecurityPolicy === 'string') {
    check(!/["\\$]/.test(headers.contentSecurityPolicy), 'headers.contentSecurityPolicy', 'a policy without quotes ", backslashes or $', headers.contentSecurityPolicy);
  }
  if (headers.referrerPolicy !== undefined) check(!unsafeForNginx.test(headers.referrerPolicy), 'headers.referrerPolicy', 'a Referrer-Policy token, e.g. "no-referrer"', headers.referrerPolicy);
  for (const [key, value] of Object.entries(headers.extra ?? {})) {
    check(headerName.test(key), `headers.extra.${key}`, 'a header name of letters, digits and "-"', key);
    check(typeof value === 'string' && !/["\\$]/.test(value), `headers.extra.${key}`, 'a header value without quotes ", backslashes or $', value);
  }
  if (options.runtimeFiles) {
    const runtime = options.runtimeFiles;
    if (runtime.prefix !== undefined) check(relativePrefix.test(runtime.prefix), 'runtimeFiles.prefix', 'a relative URL prefix ending in "/", e.g. "runtime/"', runtime.prefix);
    if (runtime.initContainerName !== undefined) check(dnsLabel.test(runtime.initContainerName), 'runtimeFiles.initContainerName', 'a DNS label, e.g. "seed-build-info"', runtime.initContainerName);
    if (runtime.configMap !== undefined) check(dnsLabel.test(runtime.configMap), 'runtimeFiles.configMap', 'a ConfigMap name, e.g. "site-runtime"', runtime.configMap);
    for (const [environment, files] of Object.entries(runtime.files ?? {})) {
      for (const file of Object.keys(files)) {
        check(/^[A-Za-z0-9._-]+$/.test(file) && !file.startsWith('.'), `runtimeFiles.files.${environment}.${file}`, 'a plain file name, e.g. "build-info.json"', file);
      }
    }
  }
  for (const key of ['liveness', 'readiness'] as const) {
    const value = options.health?.[key];
    if (value !== undefined) check(/^\/[A-Za-z0-9._~-]+$/.test(value), `health.${key}`, 'a one-segment absolute path, e.g. "/healthz"', value);
  }
  return errors;
}

/** Renders errors one per line: `path: expected X, received Y`. */
export function formatSiteOptionsErrors(errors: readonly SiteOptionsError[]): string {
  return errors.map((e) => `${e.path}: expected ${e.expected}, received ${JSON.stringify(e.received)}`).join('\n');
}

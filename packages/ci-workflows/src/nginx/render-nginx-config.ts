import { commentLines, issue, runtimes, valueAt, type Issue } from '@sugarkube/core';
import { defaultHeader } from '../dockerfile/dockerfile-common.js';
import { optionIssues, parseOptions } from '@sugarkube/core';
import {
  defaultContentSecurityPolicy,
  nginxConfigOptionsSchema,
  nginxWritableDirs,
  type NginxConfigOptions,
} from './nginx-serving-options.js';

/**
 * Cross-field check: nginx refuses two locations with the same match (`nginx -t`: duplicate
 * location). `health` and `cache` are where those fields sit in `input` (they differ in a build).
 */
export function nginxLocationIssues(
  input: unknown,
  at: { readonly health: readonly PropertyKey[]; readonly cache: readonly PropertyKey[] },
): Issue[] {
  const out: Issue[] = [];
  const probes = runtimes['static-nginx'].probes;
  const readiness = valueAt(input, [...at.health, 'readiness']) ?? probes.readiness;
  const liveness = valueAt(input, [...at.health, 'liveness']) ?? probes.liveness;
  if (readiness === liveness)
    out.push(
      issue([...at.health, 'liveness'], `a path other than the readiness path ${JSON.stringify(readiness)}`, liveness),
    );
  // Each prefix becomes one `location ^~`: a prefix listed twice (in either list) is a duplicate.
  const seen = new Set<unknown>();
  for (const key of ['immutablePrefixes', 'noStorePrefixes'] as const) {
    const list = valueAt(input, [...at.cache, key]) ?? (key === 'immutablePrefixes' ? ['assets/'] : []);
    if (!Array.isArray(list)) continue;
    list.forEach((prefix: unknown, i) => {
      if (seen.has(prefix))
        out.push(
          issue([...at.cache, key, i], 'a prefix listed once across immutablePrefixes and noStorePrefixes', prefix),
        );
      seen.add(prefix);
    });
  }
  return out;
}

const checkLocations = (input: unknown) => nginxLocationIssues(input, { health: ['health'], cache: ['cache'] });

/** Every problem of nginx config options, without throwing (for callers that collect issues of their own). */
export function nginxConfigIssues(options: unknown): Issue[] {
  return optionIssues(nginxConfigOptionsSchema, options, [checkLocations]);
}

/** Compressible types for on-the-fly gzip (text/html is always included). */
const gzipTypes = [
  'application/javascript',
  'application/json',
  'application/manifest+json',
  'application/wasm',
  'application/xml',
  'image/svg+xml',
  'text/css',
  'text/javascript',
  'text/plain',
  'text/xml',
];

/**
 * Renders a complete `nginx.conf` (it replaces the image's `/etc/nginx/nginx.conf`) for a static
 * site on nginx-unprivileged: HTML revalidated with validators, fingerprinted files immutable for
 * a year, misses under those a real 404, precompressed `.gz` files served as they are.
 * Pure: the same options give the same bytes; options are checked first (every problem at once).
 * @see https://nginx.org/en/docs/http/ngx_http_headers_module.html#add_header
 */
export function renderNginxConfig(input: NginxConfigOptions = {}): string {
  const options = parseOptions('renderNginxConfig options', nginxConfigOptionsSchema, input, [checkLocations]);
  const root = options.root ?? '/usr/share/nginx/html';
  const tmpDir = options.tmpDir ?? nginxWritableDirs.tmpDir;
  const cacheDir = options.cacheDir ?? nginxWritableDirs.cacheDir;
  const accessLog = options.accessLog ?? '/dev/stdout';
  const base = options.path ?? '/';
  const runtime = runtimes['static-nginx'];
  const port = options.port ?? runtime.port;
  const listen = options.listenAddress ? `${options.listenAddress}:${port}` : `${port}`;
  const cache = {
    immutablePrefixes: options.cache?.immutablePrefixes ?? ['assets/'],
    immutableMaxAge: options.cache?.immutableMaxAge ?? 31536000,
    documents: options.cache?.documents ?? 'no-cache',
    noStorePrefixes: options.cache?.noStorePrefixes ?? [],
  };
  const headers = {
    contentSecurityPolicy: options.headers?.contentSecurityPolicy ?? defaultContentSecurityPolicy,
    referrerPolicy: options.headers?.referrerPolicy ?? 'strict-origin-when-cross-origin',
    extra: options.headers?.extra ?? {},
  };
  const health = {
    readiness: options.health?.readiness ?? runtime.probes.readiness,
    liveness: options.health?.liveness ?? runtime.probes.liveness,
  };

  // add_header in a location drops every add_header inherited from the server: each location
  // therefore repeats the security headers. `always` keeps them on error responses too.
  const security = [
    `add_header X-Content-Type-Options "nosniff" always;`,
    `add_header Referrer-Policy "${headers.referrerPolicy}" always;`,
    ...(headers.contentSecurityPolicy === false
      ? []
      : [`add_header Content-Security-Policy "${headers.contentSecurityPolicy}" always;`]),
    ...Object.entries(headers.extra).map(([key, value]) => `add_header ${key} "${value}" always;`),
  ];
  const withCache = (cacheControl: string) => [`add_header Cache-Control ${cacheControl} always;`, ...security];
  const block = (head: string, body: readonly string[]) => [
    `location ${head} {`,
    ...body.map((line) => `  ${line}`),
    '}',
  ];
  const healthLocation = (path: string) =>
    block(`= ${path}`, [
      'access_log off;',
      'default_type application/json;',
      ...withCache('"no-store"'),
      `return 200 '{"status":"ok"}\\n';`,
    ]);
  const escapeRegex = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

  const locations: string[][] = [
    healthLocation(health.readiness),
    healthLocation(health.liveness),
    ...cache.immutablePrefixes.map((prefix) =>
      // ^~ stops the regex locations below: a miss here is a 404, never the SPA's index.html.
      block(`^~ ${base}${prefix}`, ['try_files $uri =404;', ...withCache('$sugarkube_immutable_cache')]),
    ),
    ...cache.noStorePrefixes.map((prefix) =>
      block(`^~ ${base}${prefix}`, ['try_files $uri =404;', ...withCache('"no-store"')]),
    ),
    // Dotfiles (.git, .env) are never served; /.well-known/ is.
    block(`~ "^${escapeRegex(base)}(?:.*/)?\\.(?!well-known/)"`, ['return 404;']),
    // A path with a file extension names a file: serve it or 404, whatever spaFallback says.
    block(`~ "^${escapeRegex(base)}.*\\.[A-Za-z0-9]+$"`, [
      'try_files $uri =404;',
      ...withCache(`"${cache.documents}"`),
    ]),
    block(base, [
      `try_files $uri $uri/ ${options.spaFallback ? `${base}index.html` : '=404'};`,
      ...withCache(`"${cache.documents}"`),
    ]),
  ];
  if (base !== '/') {
    locations.push(block(`= ${base.slice(0, -1)}`, [`return 301 ${base};`]));
    locations.push(block('/', ['return 404;']));
  }

  const server = [
    `listen ${listen};`,
    'server_name _;',
    `root ${root};`,
    'index index.html;',
    // Relative Location headers: behind Traefik the container port must not leak into redirects.
    'absolute_redirect off;',
    ...(options.notFoundPage ? [`error_page 404 ${base}${options.notFoundPage};`] : []),
    ...security,
    '',
    ...locations.flatMap((lines, i) => (i === 0 ? lines : ['', ...lines])),
  ];

  const http = [
    `include ${options.mimeTypes ?? '/etc/nginx/mime.types'};`,
    'default_type application/octet-stream;',
    'charset utf-8;',
    '',
    `client_body_temp_path ${cacheDir}/client_temp;`,
    `proxy_temp_path ${cacheDir}/proxy_temp;`,
    `fastcgi_temp_path ${cacheDir}/fastcgi_temp;`,
    `uwsgi_temp_path ${cacheDir}/uwsgi_temp;`,
    `scgi_temp_path ${cacheDir}/scgi_temp;`,
    '',
    `log_format main '$remote_addr - $remote_user [$time_local] "$request" $status $body_bytes_sent "$http_referer" "$http_user_agent" "$http_x_forwarded_for"';`,
    accessLog === false ? 'access_log off;' : `access_log ${accessLog} main;`,
    '',
    'server_tokens off;',
    'sendfile on;',
    'tcp_nopush on;',
    'keepalive_timeout 65;',
    '',
    '# Validators: ETag and Last-Modified make revalidation a 304 without a body.',
    'etag on;',
    'if_modified_since exact;',
    '',
    '# Precompressed foo.js.gz is sent as is; other text is compressed on the fly.',
    'gzip on;',
    'gzip_static on;',
    'gzip_vary on;',
    'gzip_proxied any;',
    'gzip_comp_level 5;',
    'gzip_min_length 1024;',
    `gzip_types ${gzipTypes.join(' ')};`,
    '',
    'open_file_cache max=1000 inactive=60s;',
    'open_file_cache_valid 30s;',
    'open_file_cache_min_uses 2;',
    'open_file_cache_errors on;',
    '',
    '# Fingerprinted files are immutable only when found: a 404 must not be cached for a year.',
    'map $status $sugarkube_immutable_cache {',
    `  200 "public, max-age=${cache.immutableMaxAge}, immutable";`,
    `  206 "public, max-age=${cache.immutableMaxAge}, immutable";`,
    `  304 "public, max-age=${cache.immutableMaxAge}, immutable";`,
    '  default "no-store";',
    '}',
    '',
    'server {',
    ...server.map((line) => (line === '' ? '' : `  ${line}`)),
    '}',
  ];

  return [
    ...commentLines(options.header ?? defaultHeader, '#')
      .trimEnd()
      .split('\n'),
    `worker_processes ${options.workerProcesses ?? 'auto'};`,
    `pid ${tmpDir}/nginx.pid;`,
    'error_log stderr warn;',
    '',
    'events {',
    '  worker_connections 1024;',
    '}',
    '',
    'http {',
    ...http.map((line) => (line === '' ? '' : `  ${line}`)),
    '}',
    '',
  ].join('\n');
}

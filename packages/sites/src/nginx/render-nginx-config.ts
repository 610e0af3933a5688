import { resolveSiteOptions, type SiteOptions } from '../site-options.js';
import { generatedBy } from '../generated-header.js';

/** The serving part of {@link SiteOptions}, plus where nginx finds things at run time. */
export interface NginxConfigOptions
  extends Pick<SiteOptions, 'path' | 'cache' | 'spaFallback' | 'notFoundPage' | 'headers' | 'health' | 'port' | 'runtimeFiles'> {
  /**
   * Document root. The site's files live at `<root><path>`.
   * @default '/usr/share/nginx/html'
   */
  readonly root?: string;
  /**
   * Address to bind, e.g. `127.0.0.1` in tests.
   * @default - every IPv4 address
   * @see https://nginx.org/en/docs/http/ngx_http_core_module.html#listen
   */
  readonly listenAddress?: string;
  /**
   * Writable directory for the pid file (an emptyDir under a read-only root).
   * @default '/tmp'
   */
  readonly tmpDir?: string;
  /**
   * Writable directory for nginx's temp paths (an emptyDir under a read-only root).
   * @default '/var/cache/nginx'
   */
  readonly cacheDir?: string;
  /**
   * Access log file, or `false` for none.
   * @default '/dev/stdout'
   */
  readonly accessLog?: string | false;
  /**
   * The MIME types file both nginx-unprivileged and Debian's nginx ship.
   * @default '/etc/nginx/mime.types'
   */
  readonly mimeTypes?: string;
  /**
   * @default 'auto'
   * @see https://nginx.org/en/docs/ngx_core_module.html#worker_processes
   */
  readonly workerProcesses?: number | 'auto';
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
 * Pure: the same options give the same bytes.
 * @see https://nginx.org/en/docs/http/ngx_http_headers_module.html#add_header
 */
export function renderNginxConfig(options: NginxConfigOptions = {}): string {
  const site = resolveSiteOptions({ name: 'site', host: 'example.com', image: 'example.com/site', ...options });
  const root = options.root ?? '/usr/share/nginx/html';
  const tmpDir = options.tmpDir ?? '/tmp';
  const cacheDir = options.cacheDir ?? '/var/cache/nginx';
  const accessLog = options.accessLog ?? '/dev/stdout';
  const base = site.path;
  const listen = options.listenAddress ? `${options.listenAddress}:${site.port}` : `${site.port}`;
  const { cache, headers } = site;

  // add_header in a location drops every add_header inherited from the server: each location
  // therefore repeats the security headers. `always` keeps them on error responses too.
  const security = [
    `add_header X-Content-Type-Options "nosniff" always;`,
    `add_header Referrer-Policy "${headers.referrerPolicy}" always;`,
    ...(headers.contentSecurityPolicy === false ? [] : [`add_header Content-Security-Policy "${headers.contentSecurityPolicy}" always;`]),
    ...Object.entries(headers.extra).map(([key, value]) => `add_header ${key} "${value}" always;`),
  ];
  const withCache = (cacheControl: string) => [`add_header Cache-Control ${cacheControl} always;`, ...security];
  const block = (head: string, body: readonly string[]) => [`location ${head} {`, ...body.map((line) => `  ${line}`), '}'];
  const health = (path: string) =>
    block(`= ${path}`, [
      'access_log off;',
      'default_type application/json;',
      ...withCache('"no-store"'),
      `return 200 '{"status":"ok"}\\n';`,
    ]);
  const escapeRegex = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

  const locations: string[][] = [
    health(site.health.readiness),
    health(site.health.liveness),
    ...cache.immutablePrefixes.map((prefix) =>
      // ^~ stops the regex locations below: a miss here is a 404, never the SPA's index.html.
      block(`^~ ${base}${prefix}`, ['try_files $uri =404;', ...withCache('$sugarkube_immutable_cache')]),
    ),
    ...cache.noStorePrefixes.map((prefix) => block(`^~ ${base}${prefix}`, ['try_files $uri =404;', ...withCache('"no-store"')])),
    // Dotfiles (.git, .env) are never served; /.well-known/ is.
    block(`~ "^${escapeRegex(base)}(?:.*/)?\\.(?!well-known/)"`, ['return 404;']),
    // A path with a file extension names a file: serve it or 404, whatever spaFallback says.
    block(`~ "^${escapeRegex(base)}.*\\.[A-Za-z0-9]+$"`, ['try_files $uri =404;', ...withCache(`"${cache.documents}"`)]),
    block(base, [
      `try_files $uri $uri/ ${site.spaFallback ? `${base}index.html` : '=404'};`,
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
    ...(site.notFoundPage ? [`error_page 404 ${base}${site.notFoundPage};`] : []),
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
    `# ${generatedBy('renderNginxConfig')}`,
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

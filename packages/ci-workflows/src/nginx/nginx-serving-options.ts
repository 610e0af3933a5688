import { absolutePath, intIn, strictObject } from '@sugarkube/core';
import { z } from 'zod';
import { headerSchema } from '../options/option-fields.js';

/**
 * How a static site is served by nginx: the cache contract, the response headers, SPA fallback,
 * the 404 page and the URL sub-path. Moved from @sugarkube/sites so a `static-nginx` build
 * generates its `nginx.conf` from the app descriptor alone.
 */

const pattern = (regex: RegExp, phrase: string) => z.string({ error: phrase }).regex(regex, { error: phrase });
/** No character nginx would read as the end of a quoted string or a variable. */
const quotable = (phrase: string) => pattern(/^[^"\\$\n\r]*$/, phrase);
const relativePrefix = (example: string) =>
  pattern(/^([A-Za-z0-9._~-]+\/)+$/, `a relative URL prefix ending in "/", e.g. "${example}"`);

export const defaultContentSecurityPolicy =
  "default-src 'self'; base-uri 'self'; object-src 'none'; frame-ancestors 'none'; form-action 'self'; img-src 'self' data: blob:";

/** Cache-Control contract. Validators (ETag, Last-Modified) are always on. */
export const cachePolicySchema = strictObject({
  immutablePrefixes: z
    .array(relativePrefix('assets/'), { error: 'a list of URL prefixes' })
    .describe(
      'URL prefixes, relative to path, whose files carry a content hash in their names (Vite\'s assets/): served "public, max-age=<immutableMaxAge>, immutable"; a miss is a 404. Default ["assets/"].',
    )
    .optional(),
  immutableMaxAge: intIn(1, 2147483647, 'a positive integer number of seconds')
    .describe('max-age, in seconds, of the immutable files. Default 31536000 (one year).')
    .optional(),
  documents: quotable('a Cache-Control value, e.g. "no-cache"')
    .min(1, { error: 'a Cache-Control value, e.g. "no-cache"' })
    .describe(
      'Cache-Control of HTML and every other file that is not fingerprinted. Default "no-cache" (revalidated on every use).',
    )
    .optional(),
  noStorePrefixes: z
    .array(relativePrefix('runtime/'), { error: 'a list of URL prefixes' })
    .describe(
      'URL prefixes, relative to path, that change without a new image (files written at run time): "no-store". Default [].',
    )
    .optional(),
});

/** Response headers. Every location repeats them, because an `add_header` drops inherited ones. */
export const servingHeadersSchema = strictObject({
  contentSecurityPolicy: z
    .union([quotable('a policy without quotes ", backslashes, $ or line breaks'), z.literal(false)], {
      error: 'a policy without quotes ", backslashes, $ or line breaks, or false',
    })
    .describe(`Content-Security-Policy, or false for none. Default "${defaultContentSecurityPolicy}".`)
    .optional(),
  referrerPolicy: pattern(/^[^"\\$;{}\s]+$/, 'a Referrer-Policy token, e.g. "no-referrer"')
    .describe('Referrer-Policy. Default "strict-origin-when-cross-origin".')
    .optional(),
  extra: z
    .record(
      pattern(/^[A-Za-z0-9-]+$/, 'a header name of letters, digits and "-"'),
      quotable('a header value without quotes ", backslashes or $'),
      {
        error: 'a map of header names to values',
      },
    )
    .describe('More headers, added after the built-in ones (X-Content-Type-Options: nosniff is always sent).')
    .optional(),
});

const sitePath = pattern(
  /^\/([A-Za-z0-9._~-]+\/)*$/,
  'a URL path with leading and trailing slash, e.g. "/" or "/docs/"',
);
const healthPath = pattern(/^\/[A-Za-z0-9._~-]+$/, 'a one-segment absolute path, e.g. "/healthz"');

/** The serving fields of a static-nginx build (`build.serving` of a `static-nginx` service). */
export const nginxServingShape = {
  path: sitePath
    .describe(
      'URL sub-path the site lives under, with leading and trailing slash; the files are copied to <root><path>. Default "/".',
    )
    .optional(),
  cache: cachePolicySchema.describe('The Cache-Control contract.').optional(),
  spaFallback: z
    .boolean({ error: 'true or false' })
    .describe(
      'Serve index.html for extensionless paths no file matches (client-side routing); paths with an extension still 404. Default false.',
    )
    .optional(),
  notFoundPage: pattern(
    /^([A-Za-z0-9._~-]+\/)*[A-Za-z0-9._~-]+\.html$/,
    'an HTML file relative to path, e.g. "404.html"',
  )
    .describe("A custom 404 page, relative to path. Default: nginx's built-in page.")
    .optional(),
  headers: servingHeadersSchema.describe('Response headers.').optional(),
};
export const nginxServingSchema = strictObject(nginxServingShape);
export type NginxServingOptions = z.input<typeof nginxServingSchema>;

/** The readiness and liveness paths nginx answers itself. */
export const nginxHealthSchema = strictObject({
  readiness: healthPath.describe('Default "/healthz".').optional(),
  liveness: healthPath.describe('Default "/livez".').optional(),
});

/** nginx-unprivileged runs as a non-root user: it cannot bind below 1024. */
export const nginxPort = intIn(1024, 65535, 'an integer 1024-65535 (nginx-unprivileged cannot bind below 1024)');

/** Options of `renderNginxConfig`: the serving fields plus where nginx finds things at run time. */
const { path: servingPath, ...servingRest } = nginxServingShape;
// Field order is the order issues are reported in: path and port first, as @sugarkube/sites always did.
export const nginxConfigOptionsSchema = strictObject({
  path: servingPath,
  port: nginxPort.describe('Port nginx listens on. Default 8080.').optional(),
  ...servingRest,
  health: nginxHealthSchema.describe('Health paths answered by nginx itself.').optional(),
  header: headerSchema.describe('The generated-file header (comment characters are added).').optional(),
  root: absolutePath
    .describe('Document root; the site\'s files live at <root><path>. Default "/usr/share/nginx/html".')
    .optional(),
  listenAddress: pattern(/^(\d{1,3}\.){3}\d{1,3}$/, 'an IPv4 address such as "127.0.0.1"')
    .describe('Address to bind, e.g. "127.0.0.1" in tests. Default: every IPv4 address.')
    .optional(),
  tmpDir: absolutePath
    .describe('Writable directory for the pid file (an emptyDir under a read-only root). Default "/tmp".')
    .optional(),
  cacheDir: absolutePath
    .describe(
      'Writable directory for nginx\'s temp paths (an emptyDir under a read-only root). Default "/var/cache/nginx".',
    )
    .optional(),
  accessLog: z
    .union([absolutePath, z.literal(false)], { error: 'an absolute path such as "/dev/stdout", or false' })
    .describe('Access log file, or false for none. Default "/dev/stdout".')
    .optional(),
  mimeTypes: absolutePath
    .describe('The MIME types file. Default "/etc/nginx/mime.types" (nginx-unprivileged and Debian\'s nginx ship it).')
    .optional(),
  workerProcesses: z
    .union([intIn(1, 64), z.literal('auto')], { error: 'an integer 1-64 or "auto"' })
    .describe('worker_processes. Default "auto".')
    .optional(),
});
export type NginxConfigOptions = z.input<typeof nginxConfigOptionsSchema>;

/**
 * Where nginx-unprivileged writes at run time, as its own image lays it out: the pid file and
 * the temp paths. Under a read-only root both must be writable paths of the container.
 */
export const nginxWritableDirs = { tmpDir: '/tmp', cacheDir: '/var/cache/nginx' } as const;

/**
 * The ablation of the generated nginx config: each variant removes one directive group from
 * it, so its row shows what that group buys (against the full config, on the same files, in the
 * same run). A removed directive falls back to nginx's default (gzip_static off, gzip off,
 * open_file_cache off, sendfile off, no add_header). Candidates ("+ …") change the config
 * instead: what a change to the generator would buy, measured before anyone makes it.
 */
export interface ConfigVariant {
  readonly name: string;
  /** What the removed group does, for the table. */
  readonly buys: string;
  /** Directive names whose lines are removed (`gzip` removes `gzip on;`, not `gzip_static`). */
  readonly directives?: readonly string[];
  /** `add_header` names whose lines are removed. */
  readonly headers?: readonly string[];
  /** A candidate change: the config rewritten (checked to change something). */
  readonly transform?: (config: string) => string;
  /** Whether a browser visit shows the difference (measured with Chromium too). */
  readonly visits: boolean;
}

export const configVariants: readonly ConfigVariant[] = [
  {
    name: '− gzip_static',
    buys: 'sends the precompressed .gz built with the site',
    directives: ['gzip_static'],
    visits: false,
  },
  {
    name: '− gzip on the fly',
    buys: 'compresses other text as it is sent',
    directives: ['gzip', 'gzip_proxied', 'gzip_comp_level', 'gzip_min_length', 'gzip_types'],
    visits: false,
  },
  {
    name: '− gzip_min_length 1024',
    buys: 'skips compressing bodies under 1 KB',
    directives: ['gzip_min_length'],
    visits: false,
  },
  {
    name: '− open_file_cache',
    buys: 'keeps open descriptors and stat results (and misses) across requests',
    directives: ['open_file_cache', 'open_file_cache_valid', 'open_file_cache_min_uses', 'open_file_cache_errors'],
    visits: false,
  },
  {
    name: '− sendfile, tcp_nopush',
    buys: 'copies files to the socket in the kernel, full packets',
    directives: ['sendfile', 'tcp_nopush'],
    visits: false,
  },
  {
    name: '− Cache-Control',
    buys: 'immutable assets, revalidated documents',
    headers: ['Cache-Control'],
    visits: true,
  },
  {
    name: '− security headers',
    buys: 'nosniff, Referrer-Policy, Content-Security-Policy on every response',
    headers: ['X-Content-Type-Options', 'Referrer-Policy', 'Content-Security-Policy'],
    visits: true,
  },
  {
    name: '+ access_log buffer=64k flush=1s',
    buys: 'candidate: one log write per 64 KB instead of one per request (at most 1 s late)',
    transform: (config) => config.replace(/^(\s*access_log \S+ main);$/m, '$1 buffer=64k flush=1s;'),
    visits: false,
  },
  {
    name: '+ security headers left off 304s',
    buys: 'candidate: a 304 updates the cached response, whose headers stay (RFC 9111 4.3.4): nosniff, Referrer-Policy, CSP sent on 200s only',
    transform: withoutSecurityHeadersOn304,
    visits: true,
  },
];

const securityHeaders = ['X-Content-Type-Options', 'Referrer-Policy', 'Content-Security-Policy'];

/**
 * Each security `add_header` takes its value from a `map` on `$status` that is empty for 304:
 * nginx does not send a header whose value is empty.
 */
function withoutSecurityHeadersOn304(config: string): string {
  const maps: string[] = [];
  const rewritten = config.replace(
    /^(\s*)add_header (\S+) ("[^"]*") always;$/gm,
    (line, indent: string, name: string, value: string) => {
      const index = securityHeaders.indexOf(name);
      if (index < 0) return line;
      const variable = `$sugarkube_${name.toLowerCase().replace(/-/g, '_')}`;
      if (!maps.some((m) => m.includes(variable)))
        maps.push(`  map $status ${variable} {\n    304 "";\n    default ${value};\n  }`);
      return `${indent}add_header ${name} ${variable} always;`;
    },
  );
  return rewritten.replace(/^http \{$/m, `http {\n${maps.join('\n')}`);
}

/** The config without the variant's lines (or rewritten by a candidate). @throws Error when a listed directive is not in the config (the ablation would measure nothing). */
export function applyVariant(config: string, variant: ConfigVariant): string {
  if (variant.transform) {
    const changed = variant.transform(config);
    if (changed === config) throw new Error(`${variant.name}: the candidate changes nothing in the generated config`);
    return changed;
  }
  const lines = config.split('\n');
  const drop = (line: string) => {
    const t = line.trim();
    if (variant.directives?.some((d) => t.startsWith(`${d} `) || t.startsWith(`${d};`))) return true;
    return variant.headers?.some((h) => t.startsWith(`add_header ${h} `)) ?? false;
  };
  for (const d of [...(variant.directives ?? []), ...(variant.headers ?? []).map((h) => `add_header ${h}`)]) {
    if (!lines.some((l) => l.trim().startsWith(`${d} `) || l.trim().startsWith(`${d};`))) {
      throw new Error(`${variant.name}: the generated config has no "${d}" line to remove`);
    }
  }
  return lines.filter((l) => !drop(l)).join('\n');
}

/**
 * Debian's stock nginx.conf and sites-available/default, moved to a loopback port, the site's
 * root and private pid/log paths; nothing else changed.
 * @throws Error when the stock files do not have the lines this relies on
 */
export function stockConfig(
  nginxConf: string,
  siteDefault: string,
  o: { port: number; root: string; dir: string },
): { main: string; site: string } {
  const site = siteDefault
    .replace(/listen 80 default_server;/, `listen 127.0.0.1:${o.port} default_server;`)
    .replace(/\n\s*listen \[::\]:80 default_server;/, '')
    .replace(/root \/var\/www\/html;/, `root ${o.root};`);
  const main = nginxConf
    .replace(/^pid .*;$/m, `pid ${o.dir}/nginx.pid;`)
    .replace(/^error_log .*;$/m, `error_log ${o.dir}/error.log;`)
    .replace(/access_log \/var\/log\/nginx\/access.log;/, `access_log ${o.dir}/access.log;`)
    .replace(/include \/etc\/nginx\/sites-enabled\/\*;/, `include ${o.dir}/default;`);
  if (!main.includes(`include ${o.dir}/default;`))
    throw new Error('unexpected /etc/nginx/nginx.conf: no sites-enabled include');
  if (!site.includes(`listen 127.0.0.1:${o.port}`))
    throw new Error('unexpected /etc/nginx/sites-available/default: no "listen 80 default_server"');
  return { main, site };
}

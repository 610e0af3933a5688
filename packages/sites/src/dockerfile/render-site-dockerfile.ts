import { generatedBy } from '../generated-header.js';
import { siteBaseImages } from './site-base-images.js';

/** How the site's image is built. */
export interface SiteDockerfileOptions {
  /**
   * URL sub-path of the site: the build output is copied to `/usr/share/nginx/html<path>`.
   * @default '/'
   */
  readonly path?: string;
  /**
   * The npm script that builds the site.
   * @default 'build'
   */
  readonly buildScript?: string;
  /**
   * Directory the build writes, relative to the repo root.
   * @default 'dist'
   * @see https://vite.dev/config/build-options.html#build-outdir
   */
  readonly outDir?: string;
  /**
   * The generated nginx.conf in the repo, copied over the image's `/etc/nginx/nginx.conf`.
   * @default 'nginx.conf'
   */
  readonly nginxConfig?: string;
  /**
   * Ship `*.map` files (they expose the sources).
   * @default false
   */
  readonly sourceMaps?: boolean;
  /**
   * The generated precompress script in the repo (see `renderPrecompressScript`).
   * @default 'docker/precompress.mjs'
   */
  readonly precompressScript?: string;
  /**
   * URL prefixes, relative to `path`, replaced at run time: not precompressed.
   * @default []
   */
  readonly skipPrecompress?: readonly string[];
  /**
   * Port nginx listens on (documentation only: the config decides).
   * @default 8080
   */
  readonly port?: number;
}

/**
 * A two-stage Dockerfile: the site is built once on `$BUILDPLATFORM` (its bytes are the same for
 * every CPU, so no emulation), precompressed, then copied into nginx-unprivileged for
 * `$TARGETPLATFORM` with the generated `nginx.conf`. The final stage runs no command, so an arm64
 * image builds on an amd64 runner without QEMU. Pure.
 * @see https://docs.docker.com/build/building/multi-platform/#cross-compilation
 */
export function renderSiteDockerfile(options: SiteDockerfileOptions = {}): string {
  const path = options.path ?? '/';
  const outDir = options.outDir ?? 'dist';
  const buildScript = options.buildScript ?? 'build';
  const { node, nginx } = siteBaseImages;
  const precompress = [
    'node',
    options.precompressScript ?? 'docker/precompress.mjs',
    outDir,
    ...(options.sourceMaps ? ['--keep-source-maps'] : []),
    ...(options.skipPrecompress ?? []).flatMap((prefix) => ['--skip', prefix]),
  ].join(' ');
  return [
    '# syntax=docker/dockerfile:1',
    `# ${generatedBy('renderSiteDockerfile')}`,
    `ARG ${node.buildArg}=${node.reference}`,
    `ARG ${nginx.buildArg}=${nginx.reference}`,
    '',
    "# Build once, natively on the builder's platform: a static site is the same bytes for every CPU.",
    `FROM --platform=$BUILDPLATFORM \${${node.buildArg}} AS build`,
    'WORKDIR /app',
    'COPY package.json package-lock.json ./',
    'RUN --mount=type=cache,target=/root/.npm,sharing=locked npm ci',
    'COPY . .',
    '# Source maps out, x.gz next to x for gzip_static: nginx then never compresses at run time.',
    `RUN npm run ${buildScript} && ${precompress}`,
    '',
    '# The image: nginx-unprivileged (uid 101) for the target platform; no RUN, so no emulation.',
    // Explicit: buildah (and some BuildKit versions) would otherwise keep the build stage's platform.
    `FROM --platform=$TARGETPLATFORM \${${nginx.buildArg}}`,
    `COPY ${options.nginxConfig ?? 'nginx.conf'} /etc/nginx/nginx.conf`,
    `COPY --from=build /app/${outDir}/ /usr/share/nginx/html${path}`,
    'USER 101:101',
    `EXPOSE ${options.port ?? 8080}`,
    '',
  ].join('\n');
}

/** The `.dockerignore` that keeps the build context small and the build reproducible. */
export function renderSiteDockerignore(options: Pick<SiteDockerfileOptions, 'outDir'> = {}): string {
  return [`# ${generatedBy('renderSiteDockerignore')}`, '.git', 'node_modules', options.outDir ?? 'dist', 'deploy', '*.log', ''].join('\n');
}

import { staticNginxDockerfile, type StaticNginxDockerfileOptions } from '@sugarkube/ci-workflows';
import { generatedBy } from '../generated-header.js';

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

/** The ci-workflows options that build a site's image. */
function imageOptions(options: SiteDockerfileOptions, generator: string): StaticNginxDockerfileOptions {
  const outDir = options.outDir ?? 'dist';
  const precompress = [
    'node',
    options.precompressScript ?? 'docker/precompress.mjs',
    outDir,
    ...(options.sourceMaps ? ['--keep-source-maps'] : []),
    ...(options.skipPrecompress ?? []).flatMap((prefix) => ['--skip', prefix]),
  ].join(' ');
  return {
    header: generatedBy(generator),
    buildScript: options.buildScript ?? 'build',
    buildOutputs: [outDir],
    siteDir: outDir,
    // The site's generated nginx.conf is the whole nginx config.
    nginxConfigFile: { path: options.nginxConfig ?? 'nginx.conf', scope: 'main', sitePath: options.path ?? '/' },
    // Source maps out, x.gz next to x for gzip_static: nginx then never compresses at run time.
    afterBuild: [precompress],
    port: options.port ?? 8080,
  };
}

/**
 * The site's Dockerfile: @sugarkube/ci-workflows' static-nginx image (one generator for every
 * static image) with the site's generated `nginx.conf` as the whole nginx config and a
 * precompression step after the build. The site is built once on `$BUILDPLATFORM` (its bytes are
 * the same for every CPU, so no emulation), then copied into nginx-unprivileged for
 * `$TARGETPLATFORM`; the final stage runs no command, so an arm64 image builds on an amd64 runner
 * without QEMU. Pure.
 * @see https://docs.docker.com/build/building/multi-platform/#cross-compilation
 */
export function renderSiteDockerfile(options: SiteDockerfileOptions = {}): string {
  return fileContent(staticNginxDockerfile(imageOptions(options, 'renderSiteDockerfile')), 'Dockerfile');
}

/** The `.dockerignore` that keeps the build context small and the build reproducible. */
export function renderSiteDockerignore(options: Pick<SiteDockerfileOptions, 'outDir'> = {}): string {
  return fileContent(staticNginxDockerfile(imageOptions(options, 'renderSiteDockerignore')), '.dockerignore');
}

function fileContent(files: readonly { readonly path: string; readonly content: string }[], path: string): string {
  return files.find((f) => f.path === path)!.content;
}

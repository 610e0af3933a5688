import type { GeneratedFile } from '@sugarkube/core';
import { defineApp, renderAppTree } from '@sugarkube/manifests';
import { siteAppDescriptor } from './app/site-app-descriptor.js';
import { renderPrecompressScript } from './dockerfile/render-precompress-script.js';
import { renderSiteDockerfile, renderSiteDockerignore, type SiteDockerfileOptions } from './dockerfile/render-site-dockerfile.js';
import { renderNginxConfig } from './nginx/render-nginx-config.js';
import { resolveSiteOptions, type SiteOptions } from './site-options.js';
import { SiteValidationError } from './site-validation-error.js';
import { validateSiteOptions } from './validate-site-options.js';

/** Where the generated files go in a site repo. */
export interface SiteFilesOptions {
  /** The site. */
  readonly site: SiteOptions;
  /**
   * How the image is built (path and port come from `site`).
   * @default - `npm run build` into `dist/`
   */
  readonly build?: Omit<SiteDockerfileOptions, 'path' | 'port' | 'nginxConfig' | 'precompressScript' | 'skipPrecompress'>;
  /**
   * The generated nginx.conf, relative to the repo root.
   * @default 'docker/nginx.conf'
   */
  readonly nginxConfigPath?: string;
  /**
   * The generated precompress script, relative to the repo root.
   * @default 'docker/precompress.mjs'
   */
  readonly precompressScriptPath?: string;
  /**
   * The Kustomize tree (`<deployDir>/base`, `<deployDir>/overlays/<env>`).
   * @default 'deploy'
   */
  readonly deployDir?: string;
  /**
   * The command named in the Kustomize files' generated-file header.
   * @default 'npx projen'
   */
  readonly regenerateCommand?: string;
}

/**
 * Every file a site repo gets: `docker/nginx.conf`, `Dockerfile`, `docker/precompress.mjs`, `.dockerignore` and the
 * manifests under `deploy/` (through `@sugarkube/manifests`). Pure: returns `{ path, content }`.
 * @throws SiteValidationError (site options) or AppValidationError (the descriptor), listing every problem
 */
export function planSiteFiles(options: SiteFilesOptions): GeneratedFile[] {
  const errors = validateSiteOptions(options.site);
  if (errors.length > 0) throw new SiteValidationError(errors);
  const nginxConfigPath = options.nginxConfigPath ?? 'docker/nginx.conf';
  const precompressScript = options.precompressScriptPath ?? 'docker/precompress.mjs';
  const site = resolveSiteOptions(options.site);
  const app = defineApp(siteAppDescriptor(options.site));
  return [
    { path: nginxConfigPath, content: renderNginxConfig(options.site) },
    {
      path: 'Dockerfile',
      content: renderSiteDockerfile({
        ...options.build,
        nginxConfig: nginxConfigPath,
        precompressScript,
        // Files replaced at run time must not get a stale .gz twin.
        skipPrecompress: site.cache.noStorePrefixes,
        path: site.path,
        port: site.port,
      }),
    },
    { path: precompressScript, content: renderPrecompressScript() },
    { path: '.dockerignore', content: renderSiteDockerignore(options.build) },
    ...renderAppTree(app, { directory: options.deployDir ?? 'deploy', regenerateCommand: options.regenerateCommand ?? 'npx projen' }),
  ];
}

import { ValidationError, type GeneratedFile } from '@sugarkube/core';
import { appRepoFiles, defineApp, type AppRepoFilesOptions } from '@sugarkube/manifests';
import { siteAppDescriptor } from './site-app-descriptor.js';
import type { SiteOptions } from './site-options.js';
import { siteOptionsIssues } from './validate-site-options.js';

/**
 * Every file a site repo generates, from the site's values alone: `siteAppDescriptor`, then
 * `@sugarkube/manifests`' `appRepoFiles`, so exactly what `SugarkubeApp` writes for that
 * descriptor: the Dockerfile, `.dockerignore`, `nginx.conf` and `precompress.mjs`, the
 * build-and-push and smoke workflows, the Kustomize tree under `deploy/` and the site's Flux
 * image automation. Pure.
 * @throws ValidationError listing every problem of the site options (paths such as `host` or `build.buildScript`), or of the descriptor they make
 */
export function planSiteFiles(site: SiteOptions, options: AppRepoFilesOptions = {}): GeneratedFile[] {
  const issues = siteOptionsIssues(site);
  if (issues.length > 0) throw new ValidationError('site options', issues);
  return appRepoFiles(defineApp(siteAppDescriptor(site)), { source: '.projenrc.ts', ...options });
}

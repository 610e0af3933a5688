export { packageName, generatedBy } from './generated-header.js';
export {
  defaultContentSecurityPolicy,
  resolveSiteOptions,
  type CachePolicy,
  type HealthPaths,
  type ResolvedSiteOptions,
  type RuntimeFiles,
  type SiteHeaders,
  type SiteOptions,
  type SiteRoute,
  type SiteTls,
} from './site-options.js';
export { formatSiteOptionsErrors, validateSiteOptions, type SiteOptionsError } from './validate-site-options.js';
export { SiteValidationError } from './site-validation-error.js';
export { renderNginxConfig, type NginxConfigOptions } from './nginx/render-nginx-config.js';
export { renderSiteDockerfile, renderSiteDockerignore, type SiteDockerfileOptions } from './dockerfile/render-site-dockerfile.js';
export { siteBaseImages } from './dockerfile/site-base-images.js';
export { precompressedExtensions, renderPrecompressScript } from './dockerfile/render-precompress-script.js';
export { siteAppDescriptor } from './app/site-app-descriptor.js';
export { planSiteFiles, type SiteFilesOptions } from './plan-site-files.js';

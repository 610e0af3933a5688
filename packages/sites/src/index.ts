export { packageName, generatedBy } from './generated-header.js';
export {
  defaultContentSecurityPolicy,
  resolveSiteOptions,
  type CachePolicy,
  type HealthPaths,
  type ResolvedSiteOptions,
  type SiteHeaders,
  type SiteOptions,
  type SiteRoute,
  type SiteTls,
} from './site-options.js';
export { formatSiteOptionsErrors, validateSiteOptions, type SiteOptionsError } from './validate-site-options.js';
export { renderNginxConfig, type NginxConfigOptions } from './nginx/render-nginx-config.js';

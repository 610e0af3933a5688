// @sugarkube/sites: a static site's values → an app descriptor → the files an app repo generates
// (no projen here: the component is in ./projen).

/** The package name, for messages. */
export const packageName = '@sugarkube/sites';

export type { RuntimeFiles, SiteBuild, SiteOptions, SiteRoute, SiteTls } from './site-options.js';
export { siteOptionsSchema, siteOptionsIssues } from './validate-site-options.js';
export { siteAppDescriptor } from './site-app-descriptor.js';
export { planSiteFiles } from './plan-site-files.js';

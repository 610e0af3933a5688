// @sugarkube/sites/projen: the site repo's projen entry point (this entry point alone imports projen).
export { StaticSite, type StaticSiteOptions } from './static-site.js';

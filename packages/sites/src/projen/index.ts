// @sugarkube/sites/projen: the site repo's projen component (this entry point alone imports projen).
export { StaticSite } from './static-site.js';

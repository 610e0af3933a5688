// @sugarkube/manifests/projen: the app repo's projen entry point (this entry point alone imports projen).
export { SugarkubeApp, type SugarkubeAppOptions } from './sugarkube-app.js';

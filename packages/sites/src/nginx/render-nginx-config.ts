import { renderNginxConfig as renderConfig, type NginxConfigOptions as ConfigOptions } from '@sugarkube/ci-workflows';
import { generatedBy } from '../generated-header.js';
import type { SiteOptions } from '../site-options.js';

/**
 * Site options (any of them; the serving ones are used) plus where nginx finds things at run
 * time. The config itself is @sugarkube/ci-workflows' `renderNginxConfig`, which a
 * `static-nginx` build also uses.
 */
export type NginxConfigOptions = Partial<SiteOptions> & Omit<ConfigOptions, keyof SiteOptions | 'header'>;

/**
 * Renders the site's `nginx.conf` with @sugarkube/ci-workflows' generator: the serving options
 * of the site, its run-time directory served `no-store`, and this package's header. Pure.
 */
export function renderNginxConfig(options: NginxConfigOptions = {}): string {
  const { path, port, cache, spaFallback, notFoundPage, headers, health, runtimeFiles } = options;
  const { root, listenAddress, tmpDir, cacheDir, accessLog, mimeTypes, workerProcesses } = options;
  const runtimePrefix = runtimeFiles ? (runtimeFiles.prefix ?? 'runtime/') : undefined;
  const noStorePrefixes = [...new Set([...(cache?.noStorePrefixes ?? []), ...(runtimePrefix ? [runtimePrefix] : [])])];
  return renderConfig({
    header: generatedBy('renderNginxConfig'),
    path,
    port,
    cache: cache || runtimePrefix ? { ...cache, noStorePrefixes } : undefined,
    spaFallback,
    notFoundPage,
    headers,
    health,
    root,
    listenAddress,
    tmpDir,
    cacheDir,
    accessLog,
    mimeTypes,
    workerProcesses,
  });
}

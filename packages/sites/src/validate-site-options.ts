import { nginxConfigIssues } from '@sugarkube/ci-workflows';
import type { SiteOptions } from './site-options.js';

/** One problem in the options, with the path into them. */
export interface SiteOptionsError {
  readonly path: string;
  readonly expected: string;
  readonly received: unknown;
  /** The whole line, when the check that found it wrote one (the serving options' checks do). */
  readonly message?: string;
}

const dnsLabel = /^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$/;
const hostname = /^(?=.{1,253}$)([a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?)(\.[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?)+$/;
const imageRepo = /^[a-z0-9]+([._-][a-z0-9]+)*(:[0-9]+)?(\/[a-z0-9]+([._-][a-z0-9]+)*)+$/;
const tagPattern = /^[A-Za-z0-9_][A-Za-z0-9._-]{0,127}$/;
const relativePrefix = /^([A-Za-z0-9._~-]+\/)+$/;

/** Checks every field and returns all problems at once (empty when valid). */
export function validateSiteOptions(options: SiteOptions): SiteOptionsError[] {
  const errors: SiteOptionsError[] = [];
  const check = (ok: boolean, path: string, expected: string, received: unknown) => {
    if (!ok) errors.push({ path, expected, received });
  };
  check(typeof options.name === 'string' && dnsLabel.test(options.name), 'name', 'a lower-case DNS label, e.g. "danielsmith"', options.name);
  check(typeof options.host === 'string' && hostname.test(options.host), 'host', 'a lower-case DNS name, e.g. "danielsmith.io"', options.host);
  check(typeof options.image === 'string' && imageRepo.test(options.image), 'image', 'an image repository without tag, e.g. "ghcr.io/owner/site"', options.image);
  if (options.tag !== undefined) check(tagPattern.test(options.tag), 'tag', 'an OCI tag, e.g. "main-1767225600-5ca96df"', options.tag);
  // The serving options are @sugarkube/ci-workflows' (its nginx generator checks them).
  const { path, port, cache, spaFallback, notFoundPage, headers, health } = options;
  for (const found of nginxConfigIssues({ path, port, cache, spaFallback, notFoundPage, headers, health })) {
    errors.push({ path: found.path, expected: found.expected, received: found.received, message: found.message });
  }
  if (options.route?.kind === 'ingress') {
    check(dnsLabel.test(options.route.ingressClass), 'route.ingressClass', 'an IngressClass name, e.g. "traefik"', options.route.ingressClass);
  }
  if (options.runtimeFiles) {
    const runtime = options.runtimeFiles;
    if (runtime.prefix !== undefined) check(relativePrefix.test(runtime.prefix), 'runtimeFiles.prefix', 'a relative URL prefix ending in "/", e.g. "runtime/"', runtime.prefix);
    if (runtime.initContainerName !== undefined) check(dnsLabel.test(runtime.initContainerName), 'runtimeFiles.initContainerName', 'a DNS label, e.g. "seed-build-info"', runtime.initContainerName);
    if (runtime.configMap !== undefined) check(dnsLabel.test(runtime.configMap), 'runtimeFiles.configMap', 'a ConfigMap name, e.g. "site-runtime"', runtime.configMap);
    for (const [environment, files] of Object.entries(runtime.files ?? {})) {
      for (const file of Object.keys(files)) {
        check(/^[A-Za-z0-9._-]+$/.test(file) && !file.startsWith('.'), `runtimeFiles.files.${environment}.${file}`, 'a plain file name, e.g. "build-info.json"', file);
      }
    }
  }
  return errors;
}

/** Renders errors one per line: `path: expected X, received Y`. */
export function formatSiteOptionsErrors(errors: readonly SiteOptionsError[]): string {
  return errors.map((e) => e.message ?? `${e.path}: expected ${e.expected}, received ${JSON.stringify(e.received)}`).join('\n');
}

import { issue, ValidationError } from '@sugarkube/core';

/** A parsed image reference: registry host, repository path, and tag and/or digest. */
export interface ImageReference {
  /** The host to talk to (`registry-1.docker.io` for Docker Hub). */
  readonly registry: string;
  readonly repository: string;
  readonly tag?: string;
  readonly digest?: string;
}

/** The distribution grammar's tag, digest and repository path. */
export const TAG = /^[A-Za-z0-9_][A-Za-z0-9._-]{0,127}$/;
export const DIGEST = /^[a-z0-9]+(?:[+._-][a-z0-9]+)*:[a-zA-Z0-9=_-]+$/;
/** A registry host and optional port (the grammar's domain: dot-separated labels, or an IPv6 address in brackets). */
export const REGISTRY =
  /^(\[[0-9a-fA-F:]+\]|[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?(\.[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?)*)(:[0-9]{1,5})?$/;
/**
 * Whether `host` (with an optional port) is a registry host: the grammar's domain, and, when it is
 * all digits and dots, an IPv4 address (a URL parser refuses `1127.0.0.1`).
 */
export function isRegistryHost(host: string): boolean {
  if (!REGISTRY.test(host)) return false;
  const name = host.replace(/:[0-9]+$/, '');
  if (!/^[0-9.]+$/.test(name)) return true;
  const octets = name.split('.');
  return octets.length === 4 && octets.every((o) => Number(o) <= 255);
}
export const REPOSITORY = /^[a-z0-9]+(?:(?:\.|_|__|-+)[a-z0-9]+)*(?:\/[a-z0-9]+(?:(?:\.|_|__|-+)[a-z0-9]+)*)*$/;

/** Parses a reference, or says what is wrong with it. */
export function readImageReference(ref: string): { readonly value: ImageReference } | { readonly problem: string } {
  let rest = ref;
  let digest: string | undefined;
  const at = rest.indexOf('@');
  if (at >= 0) {
    digest = rest.slice(at + 1);
    rest = rest.slice(0, at);
    if (!DIGEST.test(digest)) return { problem: `bad digest "${digest}"` };
  }
  let tag: string | undefined;
  const colon = rest.lastIndexOf(':');
  if (colon > rest.lastIndexOf('/')) {
    tag = rest.slice(colon + 1);
    rest = rest.slice(0, colon);
    if (!TAG.test(tag)) return { problem: `bad tag "${tag}"` };
  }
  const slash = rest.indexOf('/');
  const first = slash >= 0 ? rest.slice(0, slash) : '';
  let registry = 'registry-1.docker.io';
  let repository = rest;
  if (slash >= 0 && (first.includes('.') || first.includes(':') || first === 'localhost')) {
    registry = first;
    repository = rest.slice(slash + 1);
  } else if (slash < 0) {
    repository = `library/${rest}`;
  }
  if (!isRegistryHost(registry)) return { problem: `bad registry host "${registry}"` };
  if (registry === 'docker.io' || registry === 'index.docker.io') registry = 'registry-1.docker.io';
  if (!REPOSITORY.test(repository)) return { problem: `bad repository "${repository}"` };
  return {
    value: { registry, repository, ...(tag === undefined ? {} : { tag }), ...(digest === undefined ? {} : { digest }) },
  };
}

const expected = 'an image reference such as "ghcr.io/owner/app:v1.2.3"';

/**
 * Parses `[registry/]repository[:tag][@digest]` as Docker and the distribution reference grammar
 * do: the first component is a registry when it contains `.` or `:` or is `localhost`; otherwise
 * the image is on Docker Hub (`library/` added for single-component names).
 * @throws ValidationError (from `@sugarkube/core`) naming what is wrong (`bad tag "…"`)
 * @see https://github.com/distribution/reference/blob/main/reference.go
 */
export function parseImageReference(ref: string): ImageReference {
  if (typeof ref !== 'string') throw new ValidationError('image reference', [issue([], expected, ref)]);
  const read = readImageReference(ref);
  if ('problem' in read) throw new ValidationError('image reference', [issue([], expected, ref, read.problem)]);
  return read.value;
}

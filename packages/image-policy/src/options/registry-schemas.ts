import { strictObject } from '@sugarkube/core';
import { z } from 'zod';
import { DIGEST, isRegistryHost, REPOSITORY, TAG } from '../oci/image-reference.js';

/** `os/architecture[/variant]` as an object. */
export const platformSchema = strictObject({
  os: z.string({ error: 'an OS such as "linux"' }).min(1, { error: 'an OS such as "linux"' }),
  architecture: z
    .string({ error: 'an architecture such as "arm64"' })
    .min(1, { error: 'an architecture such as "arm64"' }),
  variant: z.string({ error: 'a variant such as "v8"' }).optional(),
});
export const platformListSchema = z.array(platformSchema, {
  error: 'a list of platforms {os, architecture, variant?}',
});

/** A registry host, with an optional port: `ghcr.io`, `127.0.0.1:5000`. */
export const registryHost = z
  .string({ error: 'a registry host such as "ghcr.io" or "127.0.0.1:5000"' })
  .refine(isRegistryHost, { error: 'a registry host such as "ghcr.io" or "127.0.0.1:5000"' });
/** A repository path on a registry: `futuroptimist/token.place`. */
export const repositoryName = z
  .string({ error: 'a repository such as "owner/app"' })
  .regex(REPOSITORY, { error: 'a repository such as "owner/app"' });
/** A tag or a digest. */
export const manifestReference = z
  .string({ error: 'a tag or digest such as "v1.2.3" or "sha256:…"' })
  .refine((r) => TAG.test(r) || DIGEST.test(r), { error: 'a tag or digest such as "v1.2.3" or "sha256:…"' });
export const blobDigest = z
  .string({ error: 'a digest such as "sha256:…"' })
  .regex(DIGEST, { error: 'a digest such as "sha256:…"' });
export const pageOptionsSchema = strictObject({
  pageSize: z
    .number({ error: 'a page size 1-10000' })
    .int({ error: 'a page size 1-10000' })
    .min(1)
    .max(10000)
    .optional(),
});

const delay = z
  .number({ error: 'milliseconds' })
  .int({ error: 'whole milliseconds' })
  .min(0, { error: 'at least 0 ms' });

/** The schema {@link RegistryClient} checks its options with. */
export const registryClientOptionsSchema = strictObject({
  credentials: strictObject({
    username: z.string({ error: 'a user name' }),
    password: z.string({ error: 'a password or token' }),
  }).optional(),
  dockerConfig: z.union([z.boolean(), z.string()], { error: 'true, false or a Docker config directory' }).optional(),
  insecure: z.boolean().optional(),
  timeoutMs: z
    .number({ error: 'a time limit in ms' })
    .int({ error: 'whole milliseconds' })
    .min(1, { error: 'at least 1 ms' })
    .optional(),
  retry: strictObject({
    attempts: z
      .number({ error: 'an attempt count' })
      .int({ error: 'a whole number' })
      .min(1, { error: 'at least 1 attempt' })
      .optional(),
    baseDelayMs: delay.optional(),
    maxDelayMs: delay.optional(),
    maxRetryAfterMs: delay.optional(),
  }).optional(),
  fetch: z.custom<typeof fetch>((f) => typeof f === 'function', { error: 'a fetch function' }).optional(),
});

import { z } from 'zod';
import { compileGoRegexp, GoRegexpError } from '../go/go-regexp.js';
import { readImageReference } from '../oci/image-reference.js';
import { ConstraintError, parseConstraints } from '../semver/constraints.js';

/** A Go (RE2) regular expression: compiled as Flux compiles it, so what Flux refuses fails here. */
export const goRegexp = z.string({ error: 'a Go regular expression' }).check((ctx) => {
  try {
    compileGoRegexp(ctx.value);
  } catch (error) {
    if (!(error instanceof GoRegexpError)) throw error;
    ctx.issues.push({ code: 'custom', input: ctx.value, message: `a Go regular expression (${error.message})` });
  }
});

/** A Masterminds/semver constraint, parsed as Flux's image-reflector-controller parses it. */
export const semverRange = z.string({ error: 'a semver range such as ">=1.0.0"' }).check((ctx) => {
  try {
    parseConstraints(ctx.value);
  } catch (error) {
    if (!(error instanceof ConstraintError)) throw error;
    ctx.issues.push({
      code: 'custom',
      input: ctx.value,
      message: `a Masterminds/semver range Flux accepts (${error.message})`,
    });
  }
});

const imagePhrase = 'an image reference without tag or digest, e.g. "ghcr.io/owner/app"';

/** An image without tag or digest (the policy picks the tag): `ghcr.io/owner/app`. */
export const imageWithoutTag = z.string({ error: imagePhrase }).check((ctx) => {
  const read = readImageReference(ctx.value);
  if ('problem' in read)
    ctx.issues.push({ code: 'custom', input: ctx.value, message: `${imagePhrase} (${read.problem})` });
  else if (read.value.tag !== undefined || read.value.digest !== undefined)
    ctx.issues.push({
      code: 'custom',
      input: ctx.value,
      message: 'an image without tag or digest (the policy picks the tag), e.g. "ghcr.io/owner/app"',
    });
});

const referencePhrase = 'an image reference such as "ghcr.io/owner/app:v1.2.3"';

/** Any image reference, with or without tag and digest. */
export const imageReferenceText = z.string({ error: referencePhrase }).check((ctx) => {
  const read = readImageReference(ctx.value);
  if ('problem' in read)
    ctx.issues.push({ code: 'custom', input: ctx.value, message: `${referencePhrase} (${read.problem})` });
});

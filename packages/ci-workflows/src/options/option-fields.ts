import { z } from 'zod';
import { envName, intIn, repoPath, strictObject } from '@sugarkube/core';

/** A numeric user or group id other than root's. */
const nonRootId = intIn(1, 2147483647, 'a non-root numeric id 1-2147483647');

/**
 * The numeric user and group the container runs as (`USER uid:gid`, `docker run --user`,
 * the pod's `runAsUser`/`runAsGroup`). Never 0: Pod Security `restricted`.
 * @see https://kubernetes.io/docs/concepts/security/pod-security-standards/#restricted
 */
export const userSchema = strictObject({
  uid: nonRootId.describe('User id, e.g. 10001.'),
  gid: nonRootId.describe('Group id, e.g. 10001.'),
});

/** A string without line breaks (it lands in one line of a Dockerfile or a workflow). */
export const singleLine = z
  .string({ error: 'a single-line string' })
  .regex(/^[^\n\r]*$/, { error: 'a single-line string' });

/** Environment variables: names as a shell reads them, single-line values. */
export const envMapSchema = z.record(envName, singleLine, {
  error: 'a map of environment variable names to single-line strings',
});

/** A command in exec form. */
export const commandSchema = z
  .array(z.string({ error: 'a non-empty argument' }).min(1, { error: 'a non-empty argument' }), {
    error: 'a list of arguments',
  })
  .min(1, { error: 'a non-empty list of arguments, e.g. ["node", "server.js"]' });

/** Relative paths inside the repo. */
export const repoPathList = z.array(repoPath, { error: 'a list of relative paths' });

/** A build argument or environment variable name. */
export const nameList = z.array(envName, { error: 'a list of names such as "GIT_SHA"' });

/** The generated-file header text (comment characters are added per file type). */
export const headerSchema = z
  .string({ error: 'a header text' })
  .min(1, { error: 'a non-empty header text' })
  .regex(/^[^\r]*$/, { error: 'a header text without carriage returns' });

/** Extra `.dockerignore` patterns. */
export const dockerignoreSchema = z
  .array(singleLine.min(1, { error: 'a non-empty pattern' }), { error: 'a list of .dockerignore patterns' })
  .describe('Extra .dockerignore patterns, appended after the defaults, e.g. ["tests", "docs"].');

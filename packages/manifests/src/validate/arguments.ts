import { checkWithSchema, dnsLabel, repoPath, strictObject, ValidationError } from '@sugarkube/core';
import { z } from 'zod';
import { appDescriptorSchema, type ValidatedAppDescriptor } from '../descriptor/app-schema.js';
import { isApp, isValidatedDescriptor, markValidated, type App } from '../descriptor/app.js';

/**
 * The argument rules of the package's public functions. A function of one argument reports
 * paths into it; one of several reports each argument under its parameter name (`app`,
 * `environment`, `options.directory`).
 */

/** An `App` from `defineApp`, `loadAppYaml` or `readAppYaml` (recognised by its brand). */
export const appArgument = z.custom<App>(isApp, { error: 'an app from defineApp, loadAppYaml or readAppYaml' });
/** An `App`, or a descriptor to validate. */
export const appOrDescriptor = z.custom<object>((v) => typeof v === 'object' && v !== null && !Array.isArray(v), {
  error: 'an app (defineApp) or an app descriptor',
});

/** The identity of a Kubernetes object, as the functions that name objects read it. */
export const objectIdentity = z.looseObject({
  apiVersion: z.string({ error: 'an apiVersion such as "v1"' }),
  kind: z.string({ error: 'a kind such as "Deployment"' }),
  metadata: z.looseObject({
    name: z.string({ error: 'an object name' }),
    namespace: z.string({ error: 'a namespace' }).optional(),
  }),
});

const headerFields = {
  regenerateCommand: z.string({ error: 'the command that regenerates the files, e.g. "npx projen"' }).optional(),
  source: z.string({ error: 'the file to change instead, e.g. "sugarkube.yaml"' }).optional(),
};
/** `appTreeHeader`'s options (other fields of a larger options object are ignored). */
export const headerOptionsSchema = z.looseObject(headerFields);
/** `renderAppTree`'s options. */
export const renderAppTreeOptionsSchema = strictObject({
  directory: repoPath.optional(),
  environments: z.array(dnsLabel, { error: 'a list of environment names' }).optional(),
  ...headerFields,
});
/** `renderImageAutomation`'s options. */
export const renderImageAutomationOptionsSchema = strictObject({ directory: repoPath.optional(), ...headerFields });
/** `appRepoFiles`'s options. */
export const appRepoFilesOptionsSchema = strictObject({ deployDir: repoPath.optional(), ...headerFields });

/**
 * A descriptor the planning functions can use: one that passed the schema already (an `App`'s),
 * or one that passes it now.
 * @throws ValidationError listing the descriptor's problems under `at`
 */
export function checkedDescriptor(value: unknown, at: readonly PropertyKey[]): ValidatedAppDescriptor {
  if (isValidatedDescriptor(value)) return value;
  const checked = checkWithSchema(appDescriptorSchema, value, at);
  if (!checked.ok) throw new ValidationError('app descriptor', checked.issues);
  return markValidated(checked.value);
}

/** The environments of `app` and whether `environment` is one of them, as an issue-ready phrase. */
export function environmentChoice(environments: readonly string[]): string {
  return `one of the app's environments (${environments.map((e) => JSON.stringify(e)).join(', ')})`;
}

import {
  dedupeIssues,
  expectedPhrase,
  fromZodIssues,
  prefixIssues,
  salvage,
  unexplainedIssues,
  type Issue,
} from '@sugarkube/core';
import { appDescriptorSchema } from '../descriptor/app-schema.js';
import { brandApp, markValidated, type App } from '../descriptor/app.js';
import { crossCheck } from '../descriptor/cross-checks.js';
import { findPlaintextSecrets } from '../descriptor/plaintext-secrets.js';
import { PatchError } from '../plan/apply-patches.js';
import { planApp } from '../plan/plan-app.js';
import { environmentsOf } from '../plan/resolve-environment.js';
import { checkSharedImages } from './shared-images.js';

/** The outcome of validation: the app when there are no errors, and every problem found. */
export interface ValidationResult {
  readonly value?: App;
  readonly warnings: readonly Issue[];
  readonly errors: readonly Issue[];
}

/** Plans every environment once so that patches which cannot apply are reported like any other error. */
function checkPatches(app: App): Issue[] {
  const out: Issue[] = [];
  for (const [env, environment] of Object.entries(environmentsOf(app.descriptor))) {
    if (!environment.patches?.length) continue;
    try {
      planApp(app, env);
    } catch (error) {
      if (!(error instanceof PatchError)) throw error;
      out.push(...prefixIssues(['environments', env, 'patches'], error.issues));
    }
  }
  return out;
}

/**
 * Parse → normalize → validate. Never throws for bad input: every problem is
 * returned at once, each with its path, what was expected and what was received.
 * The cross-field checks (references, unique names, a ReadWriteOnce volume with one
 * replica…) run on what is well-formed even when other fields fail their schema.
 */
export function validateApp(input: unknown): ValidationResult {
  const plaintext = findPlaintextSecrets(input);
  const parsed = appDescriptorSchema.safeParse(input, { error: expectedPhrase });
  if (!parsed.success) {
    const schemaIssues = fromZodIssues(parsed.error.issues, input);
    const partial = salvage(appDescriptorSchema, input);
    const checked = partial === undefined ? { errors: [], warnings: [] } : crossCheck(partial, input);
    return {
      warnings: checked.warnings,
      errors: dedupeIssues([...plaintext, ...schemaIssues, ...unexplainedIssues(checked.errors, schemaIssues)]),
    };
  }
  // It passed the schema: marked so, the planning functions checkSharedImages and checkPatches
  // call do not parse it again (four more parses per app: 128 ms of a 1.5 s synth, docs/benchmarks.md).
  const descriptor = markValidated(parsed.data);
  const checked = crossCheck(descriptor, input);
  const { warnings } = checked;
  const errors = checked.errors.length ? checked.errors : checkSharedImages(descriptor);
  if (plaintext.length || errors.length) return { warnings, errors: dedupeIssues([...plaintext, ...errors]) };
  const app = brandApp(descriptor, warnings);
  const patchErrors = checkPatches(app);
  return patchErrors.length ? { warnings, errors: patchErrors } : { value: app, warnings, errors: [] };
}

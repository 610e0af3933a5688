import { appDescriptorSchema } from '../descriptor/app-schema.js';
import { brandApp, type App } from '../descriptor/app.js';
import { crossCheck } from '../descriptor/cross-checks.js';
import { expectedPhrase } from '@sugarkube/core';
import { findPlaintextSecrets } from '../descriptor/plaintext-secrets.js';
import { issueWithMessage, type Issue } from '@sugarkube/core';
import { PatchError } from '../plan/apply-patches.js';
import { planApp } from '../plan/plan-app.js';
import { environmentsOf } from '../plan/resolve-environment.js';
import { checkSharedImages } from './shared-images.js';
import { fromZodIssues } from '@sugarkube/core';

/** The outcome of validation: the app when there are no errors, and every problem found. */
export interface ValidationResult {
  readonly value?: App;
  readonly warnings: readonly Issue[];
  readonly errors: readonly Issue[];
}

const dedupe = (issues: Issue[]) => {
  const seen = new Set<string>();
  return issues.filter((i) => (seen.has(i.message) ? false : (seen.add(i.message), true)));
};

/** Plans every environment once so that patches which cannot apply are reported like any other error. */
function checkPatches(app: App): Issue[] {
  const out: Issue[] = [];
  for (const [env, environment] of Object.entries(environmentsOf(app.descriptor))) {
    if (!environment.patches?.length) continue;
    try {
      planApp(app, env);
    } catch (error) {
      if (!(error instanceof PatchError)) throw error;
      out.push(issueWithMessage(['environments', env, 'patches', error.index], 'a patch that applies', 'a patch', error.message));
    }
  }
  return out;
}

/**
 * Parse → normalize → validate. Never throws for bad input: every problem is
 * returned at once, each with its path, what was expected and what was received.
 */
export function validateApp(input: unknown): ValidationResult {
  const plaintext = findPlaintextSecrets(input);
  const parsed = appDescriptorSchema.safeParse(input, { error: expectedPhrase });
  if (!parsed.success) {
    return { warnings: [], errors: dedupe([...plaintext, ...fromZodIssues(parsed.error.issues, input)]) };
  }
  const checked = crossCheck(parsed.data);
  const { warnings } = checked;
  const errors = checked.errors.length ? checked.errors : checkSharedImages(parsed.data);
  if (plaintext.length || errors.length) return { warnings, errors: dedupe([...plaintext, ...errors]) };
  const app = brandApp(parsed.data, warnings);
  const patchErrors = checkPatches(app);
  return patchErrors.length ? { warnings, errors: patchErrors } : { value: app, warnings, errors: [] };
}

import type { z } from 'zod';
import { didYouMean } from './did-you-mean.js';
import { expectedPhrase } from './expected-phrase.js';
import { dedupeIssues, issue, issueWithMessage, prefixIssues, valueAt, type Issue } from './issue.js';

type ZodIssue = z.core.$ZodIssue;

const isRootTypeMismatch = (branch: readonly ZodIssue[]) =>
  branch.every((i) => i.path.length === 0 && (i.code === 'invalid_type' || i.code === 'invalid_value'));

/**
 * Converts zod issues to ours. A failed union reports the branch that matched
 * the input's shape (so `{path: 5}` says what is wrong inside the object),
 * or its own phrase when no branch did.
 */
export function fromZodIssues(
  issues: readonly ZodIssue[],
  input: unknown,
  prefix: readonly PropertyKey[] = [],
): Issue[] {
  const out: Issue[] = [];
  for (const raw of issues) {
    const path = [...prefix, ...raw.path];
    if (raw.code === 'unrecognized_keys') {
      const at = raw.keys.length === 1 ? [...path, raw.keys[0]!] : path;
      out.push(issueWithMessage(at, 'a known key', raw.keys.map((k) => JSON.stringify(k)).join(', '), raw.message));
    } else if (raw.code === 'invalid_union') {
      const shaped = raw.errors.filter((branch) => !isRootTypeMismatch(branch));
      if (shaped.length === 1) out.push(...fromZodIssues(shaped[0]!, input, path));
      else out.push(issue(path, raw.message, valueAt(input, path)));
    } else if (raw.code === 'invalid_value') {
      const received = valueAt(input, path);
      const guess = typeof received === 'string' ? didYouMean(received, raw.values.map(String)) : undefined;
      out.push(issue(path, raw.message, received, guess ? `did you mean "${guess}"?` : undefined));
    } else {
      out.push(issue(path, raw.message, valueAt(input, path)));
    }
  }
  return out;
}

/** The outcome of checking an input against a schema: the value, or every issue. */
export type Checked<T> =
  { readonly ok: true; readonly value: T } | { readonly ok: false; readonly issues: readonly Issue[] };

/**
 * Parses `input` with a zod schema and our message phrases; never throws for
 * bad input. `prefix` puts the issues under a parent path.
 */
export function checkWithSchema<S extends z.ZodType>(
  schema: S,
  input: unknown,
  prefix: readonly PropertyKey[] = [],
): Checked<z.output<S>> {
  const parsed = schema.safeParse(input, { error: expectedPhrase });
  if (parsed.success) return { ok: true, value: parsed.data };
  return { ok: false, issues: prefixIssues(prefix, dedupeIssues(fromZodIssues(parsed.error.issues, input))) };
}

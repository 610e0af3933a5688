import type { z } from 'zod';
import { didYouMean } from './did-you-mean.js';
import { expectedPhrase } from './expected-phrase.js';
import { dedupeIssues, issue, prefixIssues, valueAt, type Issue } from './issue.js';
import { ValidationError } from './validation-error.js';
import { fromZodIssues } from './zod-issues.js';

/** Checks that need more than one field, run on the raw input whether or not the schema passed. */
export type CrossCheck = (input: unknown) => Issue[];

type ZodIssue = z.core.$ZodIssue;

/**
 * zod issues in our shape. A tagged union whose tag matches no branch (`runtime: 'pyhton'`,
 * `server.kind: 'uvicron'`) is reported at the tag with the tags that exist and a guess; a map
 * key its key schema refuses (`env: { 'BAD-KEY': … }`) with that schema's phrase and the key.
 */
function toIssues(raw: readonly ZodIssue[], input: unknown): Issue[] {
  return raw.flatMap((r) => {
    const tagged = r as ZodIssue & { discriminator?: string; options?: readonly unknown[]; note?: string };
    if (r.code === 'invalid_union' && tagged.note === 'No matching discriminator' && tagged.options) {
      const received = valueAt(input, r.path);
      const known = tagged.options.map(String);
      const guess = typeof received === 'string' ? didYouMean(received, known) : undefined;
      return [
        issue(
          r.path,
          `one of ${known.map((k) => JSON.stringify(k)).join(', ')}`,
          received,
          guess ? `did you mean "${guess}"?` : undefined,
        ),
      ];
    }
    if (r.code === 'invalid_key') {
      const key = r.path[r.path.length - 1];
      return [issue(r.path, r.issues[0]?.message ?? 'a valid key', key)];
    }
    return fromZodIssues([r], input);
  });
}

function check<S extends z.ZodType>(schema: S, input: unknown, crossChecks: readonly CrossCheck[]) {
  const parsed = schema.safeParse(input, { error: expectedPhrase });
  const found = [
    ...(parsed.success ? [] : toIssues(parsed.error.issues, input)),
    ...crossChecks.flatMap((c) => c(input)),
  ];
  return { parsed, issues: dedupeIssues(found) };
}

/**
 * Every problem of `input`: the schema's issues and the cross-field checks' issues together
 * (the cross-field checks run even when fields fail), deduplicated, under `prefix`.
 */
export function optionIssues(
  schema: z.ZodType,
  input: unknown,
  crossChecks: readonly CrossCheck[] = [],
  prefix: readonly PropertyKey[] = [],
): Issue[] {
  return prefixIssues(prefix, check(schema, input, crossChecks).issues);
}

/**
 * Parses options before use: returns the parsed value, or throws one `ValidationError`
 * naming `subject` and listing every problem with its path.
 */
export function parseOptions<S extends z.ZodType>(
  subject: string,
  schema: S,
  input: unknown,
  crossChecks: readonly CrossCheck[] = [],
): z.output<S> {
  const { parsed, issues } = check(schema, input, crossChecks);
  if (!parsed.success || issues.length > 0) throw new ValidationError(subject, issues);
  return parsed.data;
}

/** One argument of a function, the schema it must meet, and where its issues go (`[]`: the root). */
export type ArgumentCheck = readonly [at: readonly PropertyKey[], schema: z.ZodType, value: unknown];

/**
 * Checks the arguments of a function at once (an options object at the root, other arguments
 * under their parameter's name: `tags[2]`, `repository`) and throws one `ValidationError`
 * naming `subject` with every problem; returns when all are well-formed.
 */
export function checkArguments(subject: string, checks: readonly ArgumentCheck[]): void {
  const issues = checks.flatMap(([at, schema, value]) => optionIssues(schema, value, [], at));
  if (issues.length > 0) throw new ValidationError(subject, issues);
}

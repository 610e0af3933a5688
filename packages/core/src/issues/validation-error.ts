import type { Issue } from './issue.js';

const brand = Symbol.for('@sugarkube/core.ValidationError');

/**
 * The one error every Sugarkube package throws for bad input: it carries every
 * issue found (never only the first), each with its path. Recognised across
 * copies of the package by a `Symbol.for` brand, not `instanceof`.
 */
export class ValidationError extends Error {
  override readonly name = 'ValidationError';
  /** What was being validated, e.g. `app descriptor` or `AppDockerfile options`. */
  readonly subject: string;
  readonly issues: readonly Issue[];

  constructor(subject: string, issues: readonly Issue[]) {
    const count = `${issues.length} problem${issues.length === 1 ? '' : 's'}`;
    super(`invalid ${subject} (${count}):\n${issues.map((i) => `  - ${i.message}`).join('\n')}`);
    Object.defineProperty(this, brand, { value: true });
    this.subject = subject;
    this.issues = issues;
  }

  /** True for a `ValidationError` from any copy of `@sugarkube/core`. */
  static is(value: unknown): value is ValidationError {
    return typeof value === 'object' && value !== null && (value as Record<symbol, unknown>)[brand] === true;
  }
}

/** Throws a `ValidationError` when there are issues; returns otherwise. */
export function throwIfIssues(subject: string, issues: readonly Issue[]): void {
  if (issues.length > 0) throw new ValidationError(subject, issues);
}

const brand = Symbol.for('@sugarkube/core.Commented');

/** A scalar that the YAML renderer writes with a trailing comment on its line. */
export interface Commented {
  readonly [brand]: true;
  readonly value: string | number | boolean;
  readonly comment: string;
}

/**
 * Marks a scalar for a trailing comment: `newTag: main-1-abc1234 # {"$imagepolicy": …}`
 * (a Flux setter marker) or `uses: actions/checkout@<sha> # v6.0.2` (a pinned action).
 */
export function commented(value: string | number | boolean, comment: string): Commented {
  if (/[\n\r]/.test(comment)) throw new Error(`a YAML line comment cannot span lines: ${JSON.stringify(comment)}`);
  return Object.freeze({ [brand]: true as const, value, comment });
}

/** True for a value made by `commented` (from any copy of the package). */
export function isCommented(value: unknown): value is Commented {
  return typeof value === 'object' && value !== null && (value as Record<symbol, unknown>)[brand] === true;
}

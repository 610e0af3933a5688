/** One reason the preview refused, with the path into the input it concerns. */
export interface TagPreviewProblem {
  /** Where: `tags[2] "type=raw,value={{date}}" value`, `flavor`, `timestamp`, … */
  readonly path: string;
  /** What was expected, what was received, and why. */
  readonly message: string;
}

const brand = Symbol.for('@sugarkube/ci-workflows/TagPreviewError');

/**
 * Thrown by `previewMetadata`/`previewTags` with every problem found: inputs
 * docker/metadata-action would reject, templates it would fail on, and what the
 * preview cannot know without more input (it never guesses).
 */
export class TagPreviewError extends Error {
  readonly problems: readonly TagPreviewProblem[];

  constructor(problems: readonly TagPreviewProblem[]) {
    super(
      `cannot preview docker/metadata-action's tags:\n  ${problems.map((p) => `${p.path}: ${p.message}`).join('\n  ')}`,
    );
    this.name = 'TagPreviewError';
    this.problems = problems;
    Object.defineProperty(this, brand, { value: true });
  }

  /** Recognises the error across copies of this package (no `instanceof`). */
  static is(value: unknown): value is TagPreviewError {
    return typeof value === 'object' && value !== null && (value as Record<symbol, unknown>)[brand] === true;
  }
}

/**
 * Internal: the preview lacks something metadata-action would read from the event or
 * the runner. Kept apart from errors metadata-action itself raises, for the message.
 */
export class NotPreviewable extends Error {}

/**
 * Internal: an error located at one attribute of a rule (`value`, `enable`, `pattern`,
 * `match`, `flavor prefix`, …), raised while evaluating it.
 */
export class AttributeError extends Error {
  constructor(
    readonly attribute: string,
    readonly text: string,
    cause: unknown,
  ) {
    const reason = cause instanceof Error ? cause.message : String(cause);
    const why = cause instanceof NotPreviewable ? reason : `docker/metadata-action fails on this too: ${reason}`;
    super(`${attribute} ${JSON.stringify(text)}: ${why}`, { cause });
  }
}

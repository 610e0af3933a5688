/** Why no tag was selected; Flux's condition reason where it has one. */
export type SelectTagReason =
  /** the policy or its filter cannot be built: Flux marks the ImagePolicy Stalled, reason InvalidPolicy */
  | 'InvalidPolicy'
  /**
   * an ImageRepository `exclusionList` pattern does not compile: the scan fails (the
   * ImageRepository reports ReadOperationFailed) and stores no tags
   */
  | 'InvalidExclusionList'
  /** the repository has no tags (after the exclusion list): Flux reports Ready=False, reason DependencyNotReady ("no tags in database") */
  | 'NoTags'
  /** no tag passes the filter and range: Flux reports Ready=False, reason Failure, and retries */
  | 'NoMatch'
  /** a numerical policy met a candidate that is not a number: Flux reports Ready=False, reason Failure */
  | 'NotNumeric';

const BRAND: unique symbol = Symbol.for('sugarkube.SelectTagError') as never;

/** Thrown by {@link selectTag} and {@link storedTags}: the reason and the controller's message. */
export class SelectTagError extends Error {
  override readonly name = 'SelectTagError';
  readonly [BRAND] = true;
  constructor(
    readonly reason: SelectTagReason,
    message: string,
  ) {
    super(message);
  }
}

/** Brand check that works across package copies. */
export function isSelectTagError(error: unknown): error is SelectTagError {
  return typeof error === 'object' && error !== null && (error as Record<symbol, unknown>)[BRAND] === true;
}

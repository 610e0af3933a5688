import { issue, ValidationError } from '@sugarkube/core';

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

/** Where in the input the problem is, what would have worked, and what was there. */
export interface SelectTagProblem {
  readonly path: readonly PropertyKey[];
  readonly expected: string;
  readonly received: unknown;
}

/**
 * Thrown by {@link selectTag} and {@link storedTags}: a `ValidationError` (from
 * `@sugarkube/core`) with one issue at the path of the input that decides it (`policy.semver.range`,
 * `filterTags.pattern`, `exclusionList[0]`, `tags`), plus Flux's condition `reason` and the
 * controller's own message (also the issue's hint).
 */
export class SelectTagError extends ValidationError {
  readonly [BRAND] = true;
  /** The image-reflector-controller's message, e.g. `no tags in database`. */
  readonly controllerMessage: string;

  constructor(
    readonly reason: SelectTagReason,
    controllerMessage: string,
    problem: SelectTagProblem,
  ) {
    super('tag selection', [issue(problem.path, problem.expected, problem.received, `Flux: ${controllerMessage}`)]);
    this.controllerMessage = controllerMessage;
  }
}

/** Brand check that works across package copies. */
export function isSelectTagError(error: unknown): error is SelectTagError {
  return typeof error === 'object' && error !== null && (error as Record<symbol, unknown>)[BRAND] === true;
}

import { createTwoFilesPatch, FILE_HEADERS_ONLY } from 'diff';

/** Options for {@link unifiedDiff}. */
export interface UnifiedDiffOptions {
  /**
   * Unchanged lines shown around each change.
   * @default 3
   */
  readonly context?: number;
}

/**
 * A unified diff (`--- a/path`, `+++ b/path`, `@@` hunks) between two texts,
 * or the empty string when they are equal. `undefined` stands for a file that
 * does not exist (shown as `/dev/null`, as `git diff` and GNU `diff -N` do).
 *
 * Rendered by jsdiff (Myers' algorithm, O(ND)), which also writes
 * `\ No newline at end of file` where a side lacks its final newline, so a
 * change of only the trailing newline gets a hunk and GNU `patch` applies every
 * diff exactly. One case a unified diff cannot carry: creating or deleting an
 * empty file has no lines, so only the two header lines are printed.
 * @see https://www.gnu.org/software/diffutils/manual/html_node/Detailed-Unified.html
 */
export function unifiedDiff(
  path: string,
  before: string | undefined,
  after: string | undefined,
  options: UnifiedDiffOptions = {},
): string {
  if (before === after) return '';
  const from = before === undefined ? '/dev/null' : `a/${path}`;
  const to = after === undefined ? '/dev/null' : `b/${path}`;
  return createTwoFilesPatch(from, to, before ?? '', after ?? '', undefined, undefined, {
    context: options.context ?? 3,
    headerOptions: FILE_HEADERS_ONLY,
  });
}

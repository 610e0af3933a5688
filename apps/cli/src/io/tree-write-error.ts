/**
 * Why a tree could not be written: `input` when the output directory itself is unusable and
 * nothing was changed (not a directory, not writable, on another filesystem), `io` when the
 * write failed on its way (and was undone or is finished by the next run). One line per problem.
 */
export class TreeWriteError extends Error {
  override readonly name = 'TreeWriteError';
  constructor(
    readonly kind: 'input' | 'io',
    readonly lines: readonly string[],
  ) {
    super(lines.join('\n'));
  }
}

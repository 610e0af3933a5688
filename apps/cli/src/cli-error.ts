import { exitCodes, type ExitCode } from './exit-codes.js';

/** One thing wrong, with where it is when known (for messages, `--json` and CI annotations). */
export interface Problem {
  /** One line: where (file, path into the input), what was expected, what was received. */
  readonly message: string;
  /** The file the problem is in, as the user named it or relative to the working directory. */
  readonly file?: string;
  readonly line?: number;
  readonly column?: number;
}

/**
 * A failure the user can act on: printed as one line per problem (no stack trace), with its
 * exit code. Anything else a command throws is an internal error.
 */
export class CliError extends Error {
  override readonly name: string = 'CliError';
  readonly problems: readonly Problem[];
  constructor(
    readonly exitCode: ExitCode,
    problems: string | readonly Problem[],
  ) {
    const list = typeof problems === 'string' ? [{ message: problems }] : problems;
    super(list.map((p) => p.message).join('\n'));
    this.problems = list;
  }
}

/** Bad flags or arguments: printed with the command's usage line (exit 2). */
export class UsageError extends CliError {
  override readonly name = 'UsageError';
  constructor(message: string) {
    super(exitCodes.usage, message);
  }
}

/** Bad input (a definition, a descriptor, a file): exit 2, every problem on its own line. */
export function inputError(problems: string | readonly Problem[]): CliError {
  return new CliError(exitCodes.usage, problems);
}

/** True for a CliError from any copy of this module. */
export function isCliError(error: unknown): error is CliError {
  return (
    error instanceof Error &&
    typeof (error as { exitCode?: unknown }).exitCode === 'number' &&
    Array.isArray((error as { problems?: unknown }).problems)
  );
}

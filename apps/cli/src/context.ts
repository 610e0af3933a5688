/** Where a command writes and what it runs in; tests pass their own. */
export interface CommandContext {
  readonly stdout: { write(text: string): unknown };
  readonly stderr: { write(text: string): unknown };
  readonly cwd: string;
  /** Where a command reads piped input (`secret seal`'s value). @default process.stdin */
  readonly stdin?: AsyncIterable<Uint8Array | string>;
}

/** A CLI command: parses its own arguments, returns the exit code. */
export interface Command {
  readonly name: string;
  readonly summary: string;
  readonly usage: string;
  run(args: readonly string[], context: CommandContext): Promise<number>;
}

/** An error the user caused (bad flag, bad input): printed without a stack trace. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

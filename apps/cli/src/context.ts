/** A stream a command writes to; `isTTY` decides colour and progress. */
export interface OutputStream {
  write(text: string): unknown;
  readonly isTTY?: boolean;
}

/** Where a command writes and what it runs in; tests pass their own. */
export interface CommandContext {
  readonly stdout: OutputStream;
  readonly stderr: OutputStream;
  readonly cwd: string;
  /**
   * The environment (`NO_COLOR`, `GITHUB_ACTIONS`, registry and forge tokens).
   * @default process.env
   */
  readonly env?: Readonly<Record<string, string | undefined>>;
  /** Where a command reads piped input (`secret seal`'s value). @default process.stdin */
  readonly stdin?: AsyncIterable<Uint8Array | string>;
}

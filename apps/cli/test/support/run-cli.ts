import { Readable } from 'node:stream';
import { main } from '../../src/cli.js';

export interface CliRunOptions {
  /** The environment the command sees (default: the test process's). */
  readonly env?: Record<string, string | undefined>;
  /** What the command reads from stdin. */
  readonly stdin?: string | Buffer;
}

/** Output sinks for `main`'s context: what a command wrote, as it wrote it. */
export function capture(cwd: string, options: CliRunOptions = {}) {
  const out: string[] = [];
  const err: string[] = [];
  return {
    out,
    err,
    context: {
      stdout: { write: (t: string) => out.push(t) },
      stderr: { write: (t: string) => err.push(t) },
      cwd,
      ...(options.env !== undefined ? { env: options.env } : {}),
      ...(options.stdin !== undefined ? { stdin: Readable.from([Buffer.from(options.stdin)]) } : {}),
    },
  };
}

/** `sugarkube ARGV` in process, in `cwd`: its exit code and what it wrote. */
export async function runCli(
  argv: readonly string[],
  cwd: string,
  options: CliRunOptions = {},
): Promise<{ code: number; stdout: string; stderr: string }> {
  const c = capture(cwd, options);
  const code = await main([...argv], c.context);
  return { code, stdout: c.out.join(''), stderr: c.err.join('') };
}

import { spawn } from 'node:child_process';

export interface RunResult {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

export interface RunOptions {
  readonly cwd?: string;
  readonly env?: NodeJS.ProcessEnv;
  /** Written to the command's stdin. */
  readonly input?: string;
  /** Resolve with a non-zero exit instead of rejecting. @default false */
  readonly allowFailure?: boolean;
  /** @default 120000 */
  readonly timeoutMs?: number;
}

/** Runs a short-lived command to completion; rejects with its output when it fails (unless `allowFailure`). */
export function run(command: string, args: readonly string[], options: RunOptions = {}): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, [...args], {
      cwd: options.cwd,
      env: options.env ?? process.env,
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (d: Buffer) => out.push(d));
    child.stderr.on('data', (d: Buffer) => err.push(d));
    child.stdin.on('error', () => undefined); // a command that exits without reading its input
    child.stdin.end(options.input ?? '');
    const timeoutMs = options.timeoutMs ?? 120_000;
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.on('error', (e) => {
      clearTimeout(timer);
      reject(new Error(`${command} could not be started: ${e.message}`));
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      const result = {
        code: code ?? -1,
        stdout: Buffer.concat(out).toString('utf8'),
        stderr: Buffer.concat(err).toString('utf8'),
      };
      const line = `${command} ${args.join(' ')}`;
      if (signal !== null)
        reject(new Error(`${line} was killed (${signal}; timeout ${timeoutMs} ms)\n${result.stderr}`));
      else if (result.code !== 0 && options.allowFailure !== true)
        reject(new Error(`${line} exited ${result.code}\n${result.stdout}${result.stderr}`));
      else resolve(result);
    });
  });
}

import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** One run of a command: wall time, peak resident memory, exit code and output. */
export interface TimedRun {
  readonly wallMs: number;
  /** Peak RSS of the largest process of the run (GNU time's %M: the child or a waited-for descendant), MiB. */
  readonly maxRssMiB: number;
  /** CPU time (user + system) of the process and the children it waited for: steadier than wall time on a loaded machine. */
  readonly cpuMs: number;
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

export interface TimedRunOptions {
  readonly cwd?: string;
  readonly env?: NodeJS.ProcessEnv;
  /**
   * The exit code that counts as success; anything else throws with the command's output
   * (a benchmark of a failing command measures the failure); `'nonzero'` expects a failure.
   * @default 0
   */
  readonly expectCode?: number | 'nonzero';
}

/** GNU time, for the peak RSS of a child (Node cannot wait4 for it). Debian package `time`. */
export const gnuTime = '/usr/bin/time';

/**
 * Runs `command args` under GNU time (`-f %M -o FILE`, so the command's own stderr stays its own)
 * and measures the wall time around it from here. Resolves when the command exits.
 * @throws Error naming the command, the exit code and the tail of its output when the code is not `expectCode`
 */
export async function timedRun(
  command: string,
  args: readonly string[],
  options: TimedRunOptions = {},
): Promise<TimedRun> {
  const dir = mkdtempSync(join(tmpdir(), 'sugarkube-bench-time-'));
  const report = join(dir, 'time.txt');
  try {
    const started = performance.now();
    const { code, stdout, stderr } = await new Promise<{ code: number; stdout: string; stderr: string }>(
      (resolve, reject) => {
        const child = spawn(gnuTime, ['-f', '%M %U %S', '-o', report, command, ...args], {
          cwd: options.cwd,
          env: options.env ?? process.env,
          stdio: ['ignore', 'pipe', 'pipe'],
        });
        let out = '';
        let err = '';
        child.stdout.setEncoding('utf8').on('data', (chunk: string) => (out += chunk));
        child.stderr.setEncoding('utf8').on('data', (chunk: string) => (err += chunk));
        child.once('error', (error) =>
          reject(new Error(`cannot run ${gnuTime} (the Debian package "time"): ${error.message}`)),
        );
        child.once('close', (exit) => resolve({ code: exit ?? -1, stdout: out, stderr: err }));
      },
    );
    const wallMs = performance.now() - started;
    const expected = options.expectCode ?? 0;
    if (expected === 'nonzero' ? code === 0 : code !== expected) {
      throw new Error(
        `${[command, ...args].join(' ')} exited ${code}, expected ${expected}${options.cwd ? ` (in ${options.cwd})` : ''}:\n` +
          `${stdout.slice(-2000)}\n${stderr.slice(-4000)}`,
      );
    }
    // The last line: GNU time prints "Command exited with non-zero status N" before it on failure.
    const figures = /(\d+) ([\d.]+) ([\d.]+)\s*$/.exec(readFileSync(report, 'utf8'));
    if (!figures) throw new Error(`${gnuTime} wrote no figures for ${command}: ${readFileSync(report, 'utf8')}`);
    const [kib, user, system] = [Number(figures[1]), Number(figures[2]), Number(figures[3])];
    return { wallMs, maxRssMiB: kib / 1024, cpuMs: (user + system) * 1000, code, stdout, stderr };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

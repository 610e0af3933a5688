import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { Supervisor, waitFor } from '../src/index.js';

const dirs: string[] = [];
const tempDir = () => {
  const dir = mkdtempSync(join(tmpdir(), 'sugarkube-live-supervisor-'));
  dirs.push(dir);
  return dir;
};
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};
const gone = (pid: number) => async () => !alive(pid) || `${pid} still running`;

/** A Node process that starts `sleep` under a Supervisor, prints `pid=<sleep's pid>`, then does `ending`. */
function orphanCandidate(dir: string, ending: string) {
  const supervisor = fileURLToPath(new URL('../src/io/supervisor.ts', import.meta.url));
  const script = `import { Supervisor } from ${JSON.stringify(supervisor)};
const p = new Supervisor(${JSON.stringify(dir)}).start('sleeper', 'sleep', ['300']);
console.log('pid=' + p.pid);
${ending}`;
  const child = spawn(process.execPath, ['--input-type=module', '-e', script], { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const pid = new Promise<number>((resolve, reject) => {
    const onData = (d: Buffer) => {
      output += d.toString();
      const match = /pid=(\d+)/.exec(output);
      if (match) resolve(Number.parseInt(match[1]!, 10));
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.once('exit', (code) =>
      setTimeout(() => reject(new Error(`the candidate exited (${code}) before printing a pid: ${output}`)), 100),
    );
  });
  // Whatever the test's outcome, the candidate never outlives it (it would keep the worker alive).
  candidates.push(child);
  return { child, pid };
}
const candidates: ReturnType<typeof spawn>[] = [];
afterEach(() => {
  for (const c of candidates.splice(0)) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL');
});

describe('Supervisor', () => {
  it('stops the whole process group, children included, and keeps each log', async () => {
    const dir = tempDir();
    const supervisor = new Supervisor(dir);
    const proc = supervisor.start('parent', 'sh', ['-c', 'sleep 300 & echo "child $!"; wait']);
    await waitFor(
      'child pid in the log',
      async () => /child \d+/.test(readFileSync(proc.logPath, 'utf8')) || 'no pid yet',
    );
    const grandchild = Number.parseInt(/child (\d+)/.exec(readFileSync(proc.logPath, 'utf8'))![1]!, 10);
    expect(alive(grandchild)).toBe(true);
    await supervisor.stopAll();
    expect(proc.running()).toBe(false);
    await waitFor('grandchild gone', gone(grandchild), { timeoutMs: 5_000 });
    expect(supervisor.logTails()).toContain('----- parent (exited;');
  });

  it('leaves no process behind when the Node process that started it is SIGKILLed (the watchdog)', async () => {
    const { child, pid } = orphanCandidate(tempDir(), 'setInterval(() => {}, 1000);');
    const sleeper = await pid;
    expect(alive(sleeper)).toBe(true);
    child.kill('SIGKILL');
    await waitFor('sleep killed by the watchdog', gone(sleeper), { timeoutMs: 10_000 });
  });

  it('leaves no process behind when the Node process exits without stopping it (the exit hook)', async () => {
    const { child, pid } = orphanCandidate(tempDir(), 'process.exit(3);');
    const sleeper = await pid;
    const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
    expect(code).toBe(3);
    await waitFor('sleep killed at exit', gone(sleeper), { timeoutMs: 5_000 });
  });
});

import { spawn, type ChildProcess } from 'node:child_process';
import { closeSync, existsSync, mkdirSync, openSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** How a supervised process ended. */
export interface ProcessExit {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
}

/** A process started by a {@link Supervisor}: the leader of its own process group. */
export interface SupervisedProcess {
  readonly name: string;
  readonly pid: number;
  /** Its stdout and stderr, together. */
  readonly logPath: string;
  /** Settles when the process exits. */
  readonly exited: Promise<ProcessExit>;
  running(): boolean;
  /** SIGTERM to the whole group, SIGKILL after `graceMs`; resolves once the leader is gone. */
  stop(graceMs?: number): Promise<void>;
}

export interface StartOptions {
  readonly env?: NodeJS.ProcessEnv;
  readonly cwd?: string;
}

/** Every group any supervisor in this Node process started and has not reaped: killed on exit. */
const liveGroups = new Set<number>();
let exitHooksInstalled = false;

function killGroup(pgid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pgid, signal);
  } catch {
    // already gone
  }
}

/**
 * Last resort for a test that fails or a worker that exits without stopping the cluster:
 * Node's exit and the usual termination signals kill every group still running. (A worker
 * killed with SIGKILL runs no hook: the supervisor's watchdog process covers that.)
 */
function installExitHooks(): void {
  if (exitHooksInstalled) return;
  exitHooksInstalled = true;
  process.once('exit', () => {
    for (const pgid of liveGroups) killGroup(pgid, 'SIGKILL');
  });
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    const onSignal = () => {
      for (const pgid of liveGroups) killGroup(pgid, 'SIGKILL');
      process.removeListener(signal, onSignal);
      process.kill(process.pid, signal);
    };
    process.on(signal, onSignal);
  }
}

/**
 * Starts long-running processes, each in its own process group (so its children go with it),
 * with its output in `<dir>/logs/<name>.log`, and stops them all, newest first.
 *
 * A watchdog (`sh`, in a group of its own) polls this Node process once a second and kills
 * every group listed in `<dir>/pgids` once it is gone, so a crashed or SIGKILLed test run
 * leaves no etcd or kube-apiserver behind.
 */
export class Supervisor {
  /** The run directory: `logs/` and the watchdog's `pgids` file live here. */
  readonly dir: string;
  readonly logDir: string;
  private readonly processes: SupervisedProcess[] = [];
  private readonly pgidFile: string;
  /** This supervisor's groups that are still running, mirrored to `pgidFile` for the watchdog. */
  private readonly groups = new Set<number>();
  private watchdog: ChildProcess | undefined;

  // No parameter property: this file also runs under Node's type stripping (the orphan test).
  constructor(dir: string) {
    this.dir = dir;
    this.logDir = join(dir, 'logs');
    this.pgidFile = join(dir, 'pgids');
    mkdirSync(this.logDir, { recursive: true });
    writeFileSync(this.pgidFile, '');
    installExitHooks();
  }

  /** Starts `command args` as a new process group; its output goes to `<logDir>/<name>.log`. */
  start(name: string, command: string, args: readonly string[], options: StartOptions = {}): SupervisedProcess {
    this.ensureWatchdog();
    const logPath = join(this.logDir, `${name}.log`);
    const fd = openSync(logPath, 'a');
    let child: ChildProcess;
    try {
      child = spawn(command, [...args], {
        cwd: options.cwd,
        env: options.env ?? process.env,
        stdio: ['ignore', fd, fd],
        detached: true,
      });
    } finally {
      closeSync(fd);
    }
    const pid = child.pid;
    if (pid === undefined)
      throw new Error(`${name}: ${command} could not be started (is it installed and executable?)`);
    liveGroups.add(pid);
    this.groups.add(pid);
    this.writePgids();
    let exit: ProcessExit | undefined;
    const exited = new Promise<ProcessExit>((resolve) => {
      child.once('exit', (code, signal) => {
        exit = { code, signal };
        // Children the leader left behind go with it.
        killGroup(pid, 'SIGKILL');
        liveGroups.delete(pid);
        this.groups.delete(pid);
        this.writePgids();
        resolve(exit);
      });
    });
    const proc: SupervisedProcess = {
      name,
      pid,
      logPath,
      exited,
      running: () => exit === undefined,
      stop: async (graceMs = 5_000) => {
        if (exit !== undefined) return;
        killGroup(pid, 'SIGTERM');
        const timer = setTimeout(() => killGroup(pid, 'SIGKILL'), graceMs);
        await exited;
        clearTimeout(timer);
      },
    };
    this.processes.push(proc);
    return proc;
  }

  /** Stops every process, newest first (the Flux controllers before the API server before etcd). */
  async stopAll(): Promise<void> {
    for (const proc of [...this.processes].reverse()) await proc.stop();
    this.watchdog?.kill('SIGKILL');
    this.watchdog = undefined;
  }

  /** The last `lines` lines of every log, headed by the process name and how it ended. */
  logTails(lines = 40): string {
    return this.processes
      .map((p) => {
        const text = existsSync(p.logPath) ? readFileSync(p.logPath, 'utf8') : '';
        const tail = text.trimEnd().split('\n').slice(-lines).join('\n');
        return `----- ${p.name} (${p.running() ? 'running' : 'exited'}; ${p.logPath}) -----\n${tail}`;
      })
      .join('\n');
  }

  private writePgids(): void {
    try {
      writeFileSync(this.pgidFile, [...this.groups].map((g) => `${g}\n`).join(''));
    } catch {
      // the run directory was removed after a clean stop
    }
  }

  private ensureWatchdog(): void {
    if (this.watchdog) return;
    const script = [
      'while kill -0 "$1" 2>/dev/null; do sleep 1; done',
      'while read -r g; do [ -n "$g" ] && kill -KILL -"$g" 2>/dev/null; done < "$2"',
    ].join('\n');
    this.watchdog = spawn('sh', ['-c', script, 'sugarkube-live-watchdog', String(process.pid), this.pgidFile], {
      stdio: 'ignore',
      detached: true,
    });
    this.watchdog.unref();
  }
}

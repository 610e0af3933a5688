import type { SupervisedProcess } from './supervisor.js';

export interface WaitForOptions {
  /** @default 60000 */
  readonly timeoutMs?: number;
  /** @default 250 */
  readonly intervalMs?: number;
  /** Give up at once (with its log) when this process exits while we wait for it. */
  readonly process?: SupervisedProcess;
}

/**
 * Polls `check` until it returns true. A string or a thrown error means "not yet" and is kept as
 * the reason the timeout error reports.
 */
export async function waitFor(
  what: string,
  check: () => Promise<true | string>,
  options: WaitForOptions = {},
): Promise<void> {
  const timeoutMs = options.timeoutMs ?? 60_000;
  const deadline = Date.now() + timeoutMs;
  let last = 'not checked yet';
  for (;;) {
    if (options.process && !options.process.running()) {
      const exit = await options.process.exited;
      throw new Error(
        `${what}: ${options.process.name} exited (code ${exit.code}, signal ${exit.signal}) before it was ready; see ${options.process.logPath}`,
      );
    }
    try {
      const result = await check();
      if (result === true) return;
      last = result;
    } catch (e) {
      last = e instanceof Error ? e.message : String(e);
    }
    if (Date.now() > deadline) throw new Error(`${what}: not ready after ${timeoutMs} ms; last answer: ${last}`);
    await new Promise((r) => setTimeout(r, options.intervalMs ?? 250));
  }
}

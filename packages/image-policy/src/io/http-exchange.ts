/**
 * One registry request with a time limit and bounded retries: every attempt (its body included)
 * must finish within `timeoutMs`; a 429, a 5xx (but 501/505) or a reset connection is retried with
 * exponential backoff, or after the `Retry-After` the registry asked for. A refused connection,
 * an unknown host or a timeout is not retried: another attempt would fail the same way, later.
 * The body is read inside the attempt, so the returned Response is already complete.
 */
import { describeNetworkError } from '../oci/network-error.js';
import { RegistryError } from '../oci/registry-error.js';
import { retryAfterMs } from '../oci/retry-after.js';

/** When and how often to try again. */
export interface RetryOptions {
  /**
   * Attempts in all, the first included (1 = no retry).
   * @default 4
   */
  readonly attempts?: number;
  /**
   * The first backoff; each retry doubles it (with jitter: half to all of it).
   * @default 500
   */
  readonly baseDelayMs?: number;
  /**
   * The longest backoff between two attempts.
   * @default 8000
   */
  readonly maxDelayMs?: number;
  /**
   * The longest `Retry-After` the client waits; a registry asking for more fails at once.
   * @default 60000
   */
  readonly maxRetryAfterMs?: number;
}

export interface ExchangeOptions {
  readonly fetch: typeof fetch;
  readonly timeoutMs: number;
  readonly retry: RetryOptions;
  /** Called before every attempt (the client's request log). */
  readonly onAttempt?: (method: string, url: string) => void;
}

const seconds = (ms: number) => `${Number((ms / 1000).toFixed(3))} s`;

function retryableStatus(status: number): boolean {
  return status === 429 || (status >= 500 && status <= 599 && status !== 501 && status !== 505);
}

function isTimeout(error: unknown): boolean {
  const e = error as { name?: unknown; cause?: { name?: unknown } } | undefined;
  return e?.name === 'TimeoutError' || e?.cause?.name === 'TimeoutError';
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Sends `method url` and returns the final response (possibly an error status, for the caller to
 * report) with the number of attempts. `what` names the operation and host in errors:
 * `tags of o/app from ghcr.io`.
 */
export async function exchange(
  url: string,
  init: { readonly method: 'GET' | 'HEAD'; readonly headers: Record<string, string>; readonly what: string },
  options: ExchangeOptions,
): Promise<{ response: Response; attempts: number }> {
  const attempts = Math.max(1, options.retry.attempts ?? 4);
  const base = options.retry.baseDelayMs ?? 500;
  const maxDelay = options.retry.maxDelayMs ?? 8000;
  const maxRetryAfter = options.retry.maxRetryAfterMs ?? 60_000;
  const host = new URL(url).host;
  const details = (attempt: number, hint?: string) => ({
    host,
    operation: init.what,
    attempts: attempt,
    ...(hint ? { hint } : {}),
  });
  const backoff = (attempt: number) => {
    const full = Math.min(maxDelay, base * 2 ** (attempt - 1));
    return full / 2 + (Math.random() * full) / 2;
  };

  for (let attempt = 1; ; attempt++) {
    options.onAttempt?.(init.method, url);
    let response: Response;
    try {
      const answer = await options.fetch(url, {
        method: init.method,
        headers: init.headers,
        redirect: 'follow',
        signal: AbortSignal.timeout(options.timeoutMs),
      });
      const body =
        init.method === 'HEAD' || answer.status === 204 || answer.status === 304 ? null : await answer.text();
      response = new Response(body, { status: answer.status, statusText: answer.statusText, headers: answer.headers });
    } catch (error) {
      if (isTimeout(error)) {
        throw new RegistryError(
          `${init.what}: no answer within ${seconds(options.timeoutMs)} (timeout)`,
          0,
          'TIMEOUT',
          details(attempt, "Raise the client's timeoutMs if the registry is only slow"),
        );
      }
      const failure = describeNetworkError(error);
      if (failure.transient && attempt < attempts) {
        await sleep(backoff(attempt));
        continue;
      }
      throw new RegistryError(
        `${init.what}: ${failure.text}${attempt > 1 ? ` after ${attempt} attempts` : ''}`,
        0,
        failure.code,
        details(attempt),
      );
    }
    if (!retryableStatus(response.status) || attempt >= attempts) return { response, attempts: attempt };
    const asked = retryAfterMs(response.headers.get('retry-after'), Date.now());
    if (asked !== undefined && asked > maxRetryAfter) {
      throw new RegistryError(
        `${init.what}: HTTP ${response.status}, and the registry asks to retry after ${seconds(asked)}, longer than the ${seconds(maxRetryAfter)} this client waits`,
        response.status,
        undefined,
        details(attempt, 'Try again later, or raise retry.maxRetryAfterMs'),
      );
    }
    await sleep(asked ?? backoff(attempt));
  }
}

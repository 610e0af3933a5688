/** Settles `run` or rejects after `ms`, naming what was asked: one slow API server must not hold a CI job. */
export function within<T>(ms: number, what: string, run: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ms / 1000} s (timeout) for ${what}`)), ms);
  });
  return Promise.race([run, timeout]).finally(() => clearTimeout(timer));
}

/** A failed API call in one line: the network cause (ECONNREFUSED …) or the HTTP status and reason. */
export function cause(error: unknown): string {
  const e = error as {
    code?: number | string;
    cause?: { code?: string; message?: string };
    message?: string;
    body?: unknown;
  };
  if (e.cause?.code) return `${e.cause.code}: ${e.cause.message ?? ''}`.trim();
  // An ApiException's message is its whole response; the Status object's message says why.
  const reason = statusMessage(e.body);
  if (typeof e.code === 'number' && reason) return `HTTP ${e.code}: ${reason}`;
  const status = typeof e.code === 'number' ? `HTTP ${e.code}` : '';
  return `${status}${status && e.message ? ': ' : ''}${(e.message ?? String(error)).split('\n')[0]}`;
}

function statusMessage(body: unknown): string | undefined {
  let value = body;
  if (typeof body === 'string') {
    try {
      value = JSON.parse(body);
    } catch {
      return body.split('\n')[0] || undefined;
    }
  }
  const message = (value as { message?: unknown } | null)?.message;
  return typeof message === 'string' ? message : undefined;
}

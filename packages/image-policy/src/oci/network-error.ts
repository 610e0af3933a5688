/**
 * What went wrong below HTTP, from the error `fetch` throws (`TypeError: fetch failed` with the
 * socket or DNS error as its `cause`, sometimes an `AggregateError` of one per address): a code
 * and a sentence, so a message never stops at "fetch failed".
 */
export interface NetworkFailure {
  /** The system or undici code (`ECONNREFUSED`, `ENOTFOUND`, `UND_ERR_SOCKET` …), or `NETWORK`. */
  readonly code: string;
  /** What happened, for people: `connection refused (ECONNREFUSED 127.0.0.1:5000)`. */
  readonly text: string;
  /** Whether another attempt may succeed (a reset connection), as opposed to a refused one. */
  readonly transient: boolean;
}

const TEXT: Record<string, string> = {
  ECONNREFUSED: 'connection refused: nothing listens there',
  ENOTFOUND: 'host not found (DNS)',
  EAI_AGAIN: 'DNS lookup failed for now',
  ECONNRESET: 'connection reset',
  EPIPE: 'connection closed while sending',
  ETIMEDOUT: 'connection timed out',
  EHOSTUNREACH: 'host unreachable',
  ENETUNREACH: 'network unreachable',
  UND_ERR_SOCKET: 'connection closed by the server',
  UND_ERR_CONNECT_TIMEOUT: 'connection timed out',
  UND_ERR_HEADERS_TIMEOUT: 'no response headers in time',
  UND_ERR_BODY_TIMEOUT: 'the response body stalled',
};

const TRANSIENT = new Set(['ECONNRESET', 'EPIPE', 'EAI_AGAIN', 'UND_ERR_SOCKET']);

interface CauseLike {
  readonly code?: unknown;
  readonly message?: unknown;
  readonly cause?: unknown;
  readonly errors?: unknown;
}

/** The innermost error that carries a code (fetch → cause → AggregateError.errors[0]). */
function innermost(error: unknown): CauseLike | undefined {
  let current = error as CauseLike | undefined;
  for (let depth = 0; current && depth < 5; depth++) {
    if (typeof current.code === 'string') return current;
    const next: unknown = current.cause ?? (Array.isArray(current.errors) ? current.errors[0] : undefined);
    if (next === undefined) return current;
    current = next as CauseLike;
  }
  return current;
}

export function describeNetworkError(error: unknown): NetworkFailure {
  const cause = innermost(error);
  const code = typeof cause?.code === 'string' ? cause.code : 'NETWORK';
  const detail = typeof cause?.message === 'string' ? cause.message : String(error);
  const known = TEXT[code];
  // TLS problems carry OpenSSL-style codes (CERT_HAS_EXPIRED, DEPTH_ZERO_SELF_SIGNED_CERT, ERR_TLS_…).
  const tls = /CERT|TLS|SSL/.test(code);
  const text = known
    ? `${known} (${code}: ${detail})`
    : tls
      ? `TLS failed (${code}: ${detail})`
      : `${detail} (${code})`;
  return { code, text, transient: TRANSIENT.has(code) };
}

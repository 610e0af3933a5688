/** Where a {@link RegistryError} happened and what to try next. */
export interface RegistryErrorDetails {
  /** The host the request went to (`ghcr.io`, `127.0.0.1:5000`, a token server's host). */
  readonly host?: string;
  /** What the client was doing: `tags of o/app`, `manifest o/app:v1`, `token from https://ghcr.io/token`. */
  readonly operation?: string;
  /** How many attempts were made (more than one after retries on 429, 5xx or a reset connection). */
  readonly attempts?: number;
  /** What to do about it: which credentials were tried and how to log in (401/403), a longer timeout … */
  readonly hint?: string;
}

/**
 * A registry request failed: `status` is the HTTP status (0 when no response came), `code` the
 * registry's error code (`NAME_UNKNOWN`, `UNAUTHORIZED`, `DENIED` …) or, without a response, the
 * network code (`ECONNREFUSED`, `ENOTFOUND`, `TIMEOUT` …). The message names the operation and the
 * host and ends with the hint.
 */
export class RegistryError extends Error {
  override readonly name = 'RegistryError';
  readonly host?: string;
  readonly operation?: string;
  readonly attempts?: number;
  readonly hint?: string;
  constructor(
    message: string,
    readonly status: number,
    readonly code?: string,
    details: RegistryErrorDetails = {},
  ) {
    super(details.hint ? `${message}. ${details.hint}` : message);
    if (details.host !== undefined) this.host = details.host;
    if (details.operation !== undefined) this.operation = details.operation;
    if (details.attempts !== undefined) this.attempts = details.attempts;
    if (details.hint !== undefined) this.hint = details.hint;
  }
}

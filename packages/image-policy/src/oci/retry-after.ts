/**
 * How long a `Retry-After` header (RFC 9110 §10.2.3) asks the client to wait, in milliseconds:
 * `delay-seconds` (`120`) or an HTTP-date (`Wed, 21 Oct 2015 07:28:00 GMT`) relative to `now`.
 * `undefined` when the header is absent or unreadable; a date in the past is 0.
 */
export function retryAfterMs(header: string | null | undefined, now: number): number | undefined {
  const value = header?.trim();
  if (!value) return undefined;
  if (/^[0-9]+$/.test(value)) return Number(value) * 1000;
  // HTTP-date forms all start with a day name (IMF-fixdate, RFC 850, asctime); Date.parse alone
  // would also take "-5" as a year.
  if (!/^[A-Za-z]{3}/.test(value)) return undefined;
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

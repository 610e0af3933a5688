/**
 * `scheme://user:password@host` anywhere in a value (RFC 3986 userinfo: no `/`, `?`, `#` or `@`).
 * gitleaks has no rule for it: `postgres://app:hunter2@db:5432/app` passes its scan.
 */
const userinfo = /\b([A-Za-z][A-Za-z0-9+.-]*):\/\/([^\s/?#@:]*):([^\s/?#@]+)@([^\s/?#]*)/g;

/** A password that only names another variable: Kubernetes expands `$(VAR)` from the container's env. */
const reference = /^(\$\([A-Za-z_][A-Za-z0-9_]*\)|\$\{[A-Za-z_][A-Za-z0-9_]*\}|\$[A-Za-z_][A-Za-z0-9_]*)$/;

/** The URLs of a value that carry a password, with the password replaced by `…` (for messages). */
export function urlsWithPassword(value: string): string[] {
  return [...value.matchAll(userinfo)].filter((m) => !reference.test(m[3]!)).map((m) => `${m[1]}://${m[2]}:…@${m[4]}`);
}

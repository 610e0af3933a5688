/**
 * One problem with an input: where it is, what was expected, what was found.
 * Every package reports problems in this one shape (validation, options of
 * generators and projen components, cluster definitions, CLI input).
 */
export interface Issue {
  /** Path into the input, e.g. `services[0].port`; empty for the whole document. */
  readonly path: string;
  /** What would have been accepted, e.g. `an integer 1-65535`. */
  readonly expected: string;
  /** The value found, rendered short (`"80a"`, `nothing`, `an object`). */
  readonly received: string;
  /** The full line: `services[0].port: expected an integer 1-65535, received "80a"`. */
  readonly message: string;
  /** What to do about it, when there is more to say than "expected". */
  readonly hint?: string;
}

/** Renders a path of keys and indexes as `services[0].port`. */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else if (typeof key === 'string' && /^[A-Za-z_$][A-Za-z0-9_$-]*$/.test(key)) out += out ? `.${key}` : key;
    else out += `[${JSON.stringify(String(key))}]`;
  }
  return out;
}

/** Renders a received value short enough for one line. */
export function describeReceived(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'null';
  if (Array.isArray(value)) return `a list of ${value.length}`;
  if (typeof value === 'function') return 'a function';
  if (typeof value === 'object') return 'an object';
  if (typeof value === 'string') return JSON.stringify(value.length > 60 ? `${value.slice(0, 57)}...` : value);
  if (typeof value === 'symbol') return value.toString();
  return String(value);
}

/** Builds an issue and its one-line message: `path: expected X, received Y (note)`. */
export function issue(path: readonly PropertyKey[], expected: string, received: unknown, hint?: string): Issue {
  const where = formatPath(path);
  const receivedText = describeReceived(received);
  const message = `${where ? `${where}: ` : ''}expected ${expected}, received ${receivedText}${hint ? ` (${hint})` : ''}`;
  return hint
    ? { path: where, expected, received: receivedText, message, hint }
    : { path: where, expected, received: receivedText, message };
}

/** Builds an issue whose message is given whole (unknown keys, plaintext secrets, conflicts). */
export function issueWithMessage(
  path: readonly PropertyKey[],
  expected: string,
  received: string,
  text: string,
): Issue {
  const where = formatPath(path);
  return { path: where, expected, received, message: `${where ? `${where}: ` : ''}${text}` };
}

/** The same issues under a parent path: `image` → `services[0].build.image`. */
export function prefixIssues(prefix: readonly PropertyKey[], issues: readonly Issue[]): Issue[] {
  const head = formatPath(prefix);
  if (!head) return [...issues];
  return issues.map((i) => {
    const path = i.path ? (i.path.startsWith('[') ? `${head}${i.path}` : `${head}.${i.path}`) : head;
    const rest = i.path && i.message.startsWith(`${i.path}: `) ? i.message.slice(i.path.length + 2) : i.message;
    return { ...i, path, message: `${path}: ${rest}` };
  });
}

/** Reads the value at a path of the raw input, or undefined. */
export function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let current: unknown = input;
  for (const key of path) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<PropertyKey, unknown>)[key];
  }
  return current;
}

/** Drops issues with the same message, keeping the first. */
export function dedupeIssues(issues: readonly Issue[]): Issue[] {
  const seen = new Set<string>();
  return issues.filter((i) => (seen.has(i.message) ? false : (seen.add(i.message), true)));
}

/** One problem with the input, with where it is, what was expected and what was found. */
export interface ValidationIssue {
  /** Path into the input, e.g. `services[0].port`; empty for the whole document. */
  readonly path: string;
  readonly expected: string;
  /** The value found, rendered short (`"80a"`, `nothing`, `an object`). */
  readonly received: string;
  /** The full line: `services[0].port: expected an integer 1-65535, received "80a"`. */
  readonly message: string;
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
  if (typeof value === 'object') return 'an object';
  if (typeof value === 'string') return JSON.stringify(value.length > 60 ? `${value.slice(0, 57)}...` : value);
  return String(value);
}

/** Builds an issue and its one-line message. */
export function issue(path: readonly PropertyKey[], expected: string, received: unknown, note?: string): ValidationIssue {
  const where = formatPath(path);
  const receivedText = describeReceived(received);
  const message = `${where ? `${where}: ` : ''}expected ${expected}, received ${receivedText}${note ? ` (${note})` : ''}`;
  return { path: where, expected, received: receivedText, message };
}

/** Builds an issue whose message is given whole (unknown keys, plaintext secrets). */
export function issueWithMessage(path: readonly PropertyKey[], expected: string, received: string, text: string): ValidationIssue {
  const where = formatPath(path);
  return { path: where, expected, received, message: `${where ? `${where}: ` : ''}${text}` };
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

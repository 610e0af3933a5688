/** One challenge from a `WWW-Authenticate` header. */
export interface AuthChallenge {
  /** Lower-cased scheme: `bearer` or `basic`. */
  readonly scheme: string;
  /** Parameters with lower-cased names (`realm`, `service`, `scope`, `error`). */
  readonly params: Readonly<Record<string, string>>;
}

/**
 * Parses `WWW-Authenticate` (RFC 9110 §11.6.1 challenges with auth-params, quoted strings with
 * `\` escapes), as a registry sends it: `Bearer realm="https://ghcr.io/token",service="ghcr.io",scope="repository:o/i:pull"`.
 */
export function parseWwwAuthenticate(header: string): AuthChallenge[] {
  const challenges: { scheme: string; params: Record<string, string> }[] = [];
  let i = 0;
  const n = header.length;
  const skip = () => {
    while (i < n && /[\s,]/.test(header[i]!)) i++;
  };
  const token = () => {
    const start = i;
    while (i < n && /[!#$%&'*+.^_`|~0-9A-Za-z-]/.test(header[i]!)) i++;
    return header.slice(start, i);
  };
  for (;;) {
    skip();
    if (i >= n) break;
    const name = token();
    if (name === '') {
      i++;
      continue;
    }
    // `name=` starts a parameter of the current challenge; otherwise `name` is a new scheme.
    let j = i;
    while (j < n && header[j] === ' ') j++;
    if (header[j] === '=' && challenges.length > 0 && header[j + 1] !== '=') {
      i = j + 1;
      while (i < n && header[i] === ' ') i++;
      let value = '';
      if (header[i] === '"') {
        i++;
        while (i < n && header[i] !== '"') {
          if (header[i] === '\\' && i + 1 < n) i++;
          value += header[i++];
        }
        i++;
      } else {
        // Lenient: an unquoted value runs to the next comma or space (registries send URLs unquoted).
        const start = i;
        while (i < n && !/[\s,]/.test(header[i]!)) i++;
        value = header.slice(start, i);
      }
      challenges[challenges.length - 1]!.params[name.toLowerCase()] = value;
    } else {
      challenges.push({ scheme: name.toLowerCase(), params: {} });
    }
  }
  return challenges;
}

/**
 * The `rel="next"` target of a `Link` header (RFC 8288), resolved against `base`, as the
 * distribution API paginates `/v2/<name>/tags/list`: `</v2/app/tags/list?last=v1&n=100>; rel="next"`.
 */
export function nextLink(header: string | null | undefined, base: string): string | undefined {
  if (!header) return undefined;
  for (const part of header.split(/,(?=\s*<)/)) {
    const m = /^\s*<([^>]*)>(.*)$/.exec(part);
    if (!m) continue;
    const params = m[2]!.split(';').map((p) => p.trim());
    const rel = params.find((p) => /^rel\s*=/i.test(p));
    const values =
      rel
        ?.replace(/^rel\s*=\s*/i, '')
        .replace(/^"|"$/g, '')
        .split(/\s+/) ?? [];
    if (values.map((v) => v.toLowerCase()).includes('next')) return new URL(m[1]!, base).toString();
  }
  return undefined;
}

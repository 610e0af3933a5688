/** One fenced code block of a page, named by the `<!-- e2e: name -->` comment right above it. */
export interface Snippet {
  readonly name: string;
  /** The fence's language, e.g. `sh`, `yaml`, `ts`, `json`. */
  readonly lang: string;
  /** The block's text, ending with a newline. */
  readonly code: string;
}

const block = /<!-- e2e: ([a-z0-9-]+) -->\n```([a-z]*)\n([\s\S]*?)\n```/g;

/**
 * The named snippets of a Markdown page: each fenced block preceded by `<!-- e2e: name -->` (an
 * HTML comment, invisible when rendered). The end-to-end tests run exactly these, so the getting
 * started pages cannot drift from what works. Pure.
 * @throws Error when a name is used twice
 */
export function markdownSnippets(markdown: string): Record<string, Snippet> {
  const out: Record<string, Snippet> = {};
  for (const [, name, lang, code] of markdown.matchAll(block)) {
    if (out[name!]) throw new Error(`snippet "${name}" appears twice`);
    out[name!] = { name: name!, lang: lang!, code: `${code}\n` };
  }
  return out;
}

/**
 * A snippet with the values only a test can know put in (a local repo for `github:acme/hello`,
 * a digest just pushed): each `from` must occur, so a changed page fails instead of running
 * something else.
 * @throws Error naming a `from` the snippet does not contain
 */
export function withValues(
  snippet: Snippet,
  values: readonly (readonly [from: string | RegExp, to: string])[],
): string {
  let code = snippet.code;
  for (const [from, to] of values) {
    const found = typeof from === 'string' ? code.includes(from) : from.test(code);
    if (!found) throw new Error(`snippet "${snippet.name}" no longer contains ${String(from)}:\n${snippet.code}`);
    code =
      typeof from === 'string'
        ? code.replaceAll(from, to)
        : code.replace(new RegExp(from.source, from.flags.includes('g') ? from.flags : `${from.flags}g`), to);
  }
  return code;
}

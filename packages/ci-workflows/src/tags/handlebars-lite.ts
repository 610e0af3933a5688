/**
 * The subset of Handlebars that docker/metadata-action evaluates in tag values,
 * prefixes, suffixes, `enable=` and semver patterns: `{{name}}` lookups,
 * helper calls with string or path parameters and `key=value` hash arguments
 * (`{{date 'YYYYMMDD' tz='Asia/Tokyo'}}`), and Handlebars' HTML escaping of
 * every `{{ }}` output.
 * @see https://handlebarsjs.com/guide/expressions.html
 */

export interface HelperCall {
  /** Positional parameters: string literals, or the value a bare path resolved to (usually `undefined`). */
  readonly params: readonly unknown[];
  /** `key=value` arguments. */
  readonly hash: Readonly<Record<string, unknown>>;
}

export type TemplateValue = string | number | readonly (string | number)[] | undefined | ((call: HelperCall) => string);

export type TemplateContext = Readonly<Record<string, TemplateValue>>;

const escapes: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#x27;', '`': '&#x60;', '=': '&#x3D;' };

function escapeExpression(text: string): string {
  return text.replace(/[&<>"'`=]/g, (c) => escapes[c]!);
}

interface Mustache {
  readonly path: string;
  readonly params: readonly Token[];
  readonly hash: Readonly<Record<string, Token>>;
}

type Token = { readonly kind: 'string'; readonly value: string } | { readonly kind: 'path'; readonly name: string } | { readonly kind: 'number'; readonly value: number };

const tokenRe = /\s*(?:([A-Za-z_][\w.-]*)=)?('(?:[^'\\]|\\.)*'|"(?:[^"\\]|\\.)*"|[^\s'"]+)/y;

function parseToken(text: string): Token {
  if (text.startsWith("'") || text.startsWith('"')) return { kind: 'string', value: text.slice(1, -1).replace(/\\(.)/g, '$1') };
  if (/^-?\d+(\.\d+)?$/.test(text)) return { kind: 'number', value: Number(text) };
  return { kind: 'path', name: text };
}

function parseMustache(body: string, source: string): Mustache {
  const tokens: { key?: string; value: string }[] = [];
  tokenRe.lastIndex = 0;
  let rest = body.trim();
  while (rest.length > 0) {
    tokenRe.lastIndex = 0;
    const m = tokenRe.exec(rest);
    if (!m) throw new Error(`cannot parse the expression {{${body}}} in ${JSON.stringify(source)}`);
    tokens.push({ ...(m[1] !== undefined ? { key: m[1] } : {}), value: m[2]! });
    rest = rest.slice(m[0].length).trim();
  }
  const [head, ...args] = tokens;
  if (!head || head.key !== undefined) throw new Error(`cannot parse the expression {{${body}}} in ${JSON.stringify(source)}`);
  const params: Token[] = [];
  const hash: Record<string, Token> = {};
  for (const arg of args) {
    if (arg.key !== undefined) hash[arg.key] = parseToken(arg.value);
    else params.push(parseToken(arg.value));
  }
  return { path: head.value, params, hash };
}

function resolve(token: Token, context: TemplateContext): unknown {
  if (token.kind !== 'path') return token.value;
  const value = context[token.name];
  return typeof value === 'function' ? undefined : value;
}

function stringify(value: unknown): string {
  if (value === undefined || value === null) return '';
  if (Array.isArray(value)) return value.join(',');
  return String(value);
}

/** Renders `template` against `context` the way `handlebars.compile(template)(context)` does for these expressions. */
export function renderTemplate(template: string, context: TemplateContext): string {
  let out = '';
  let index = 0;
  while (index < template.length) {
    const open = template.indexOf('{{', index);
    if (open < 0) break;
    const close = template.indexOf('}}', open + 2);
    if (close < 0) throw new Error(`unclosed "{{" in ${JSON.stringify(template)}`);
    out += template.slice(index, open);
    const mustache = parseMustache(template.slice(open + 2, close), template);
    const value = context[mustache.path];
    let text: string;
    if (typeof value === 'function') {
      const hash: Record<string, unknown> = {};
      for (const [key, token] of Object.entries(mustache.hash)) hash[key] = resolve(token, context);
      text = value({ params: mustache.params.map((t) => resolve(t, context)), hash });
    } else {
      text = stringify(value);
    }
    out += escapeExpression(text);
    index = close + 2;
  }
  return out + template.slice(index);
}

/** True when the pattern is exactly one `{{raw}}` expression (metadata-action's `isRawStatement`). */
export function isRawStatement(pattern: string): boolean {
  return /^\{\{\s*raw\s*\}\}$/.test(pattern);
}

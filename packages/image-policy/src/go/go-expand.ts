/**
 * Go's `(*regexp.Regexp).ExpandString` template rules: `$name`, `${name}`, `$1`, `$$`. A name is
 * the longest run of letters, digits and `_` (so `$1x` means `${1x}`, not `${1}x`); a number with
 * a leading zero is a name; references to missing or unmatched groups expand to nothing; a `$`
 * not followed by a valid reference is kept as text.
 *
 * @see https://github.com/golang/go/blob/master/src/regexp/regexp.go (expand, extract)
 */
import type { GoRegexp } from './go-regexp.js';

const NAME_CHAR = /[\p{L}\p{Nd}_]/u;

function extract(str: string): { name: string; num: number; rest: string } | undefined {
  if (str === '') return undefined;
  let s = str;
  const brace = s[0] === '{';
  if (brace) s = s.slice(1);
  let i = 0;
  for (const ch of s) {
    if (!NAME_CHAR.test(ch)) break;
    i += ch.length;
  }
  if (i === 0) return undefined;
  const name = s.slice(0, i);
  if (brace) {
    if (i >= s.length || s[i] !== '}') return undefined;
    i++;
  }
  let num = 0;
  for (const ch of name) {
    if (ch < '0' || ch > '9' || num >= 1e8) {
      num = -1;
      break;
    }
    num = num * 10 + Number(ch);
  }
  if (name[0] === '0' && name.length > 1) num = -1;
  return { name, num, rest: s.slice(i) };
}

/** Expands `template` with the groups of one match (`groups[0]` is the whole match). */
export function expandString(re: GoRegexp, template: string, groups: readonly (string | undefined)[]): string {
  let out = '';
  let t = template;
  for (;;) {
    const at = t.indexOf('$');
    if (at < 0) break;
    out += t.slice(0, at);
    t = t.slice(at + 1);
    if (t[0] === '$') {
      out += '$';
      t = t.slice(1);
      continue;
    }
    const ref = extract(t);
    if (!ref) {
      out += '$';
      continue;
    }
    t = ref.rest;
    if (ref.num >= 0) {
      out += groups[ref.num] ?? '';
    } else {
      const index = re.names.findIndex((name, i) => i > 0 && name === ref.name && groups[i] !== undefined);
      if (index > 0) out += groups[index]!;
    }
  }
  return out + t;
}

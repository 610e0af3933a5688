/**
 * Go `regexp` (RE2 syntax, `syntax.Perl` flags) compiled to an equivalent JavaScript RegExp.
 * The pattern is parsed here with Go's rules, so what Go rejects is rejected (lookarounds,
 * backreferences, `\Z`, repeat counts over 1000 …) duplicate group names are accepted as Go accepts them, and what Go accepts is
 * rewritten so JavaScript matches the same strings: `^`/`$`/`.` are spelled out (Go's `.` only
 * excludes `\n`, `$` without `(?m)` is end of text only), `\d \s \w \b` are ASCII, POSIX classes
 * expand, `(?U)` flips greediness, `(?P<name>…)` names are tracked by group index (Go allows
 * names JavaScript does not, like `1st`), and `\Q…\E` is quoted. Matching is leftmost-first in
 * both engines.
 *
 * @see https://pkg.go.dev/regexp/syntax
 * @see https://github.com/golang/go/blob/master/src/regexp/syntax/parse.go
 */

/** A compiled pattern and its capture-group names (index 0 is the whole match). */
export interface GoRegexp {
  readonly source: string;
  readonly js: RegExp;
  /** `SubexpNames()`: one entry per group, `''` for unnamed ones. */
  readonly names: readonly string[];
}

/** A pattern Go's `regexp.Compile` rejects; the message follows Go's. */
export class GoRegexpError extends Error {
  override readonly name = 'GoRegexpError';
}

interface Flags {
  i: boolean;
  m: boolean;
  s: boolean;
  U: boolean;
}

type Range = readonly [number, number];
const MAX_RUNE = 0x10ffff;

const PERL: Record<string, Range[]> = {
  d: [[0x30, 0x39]],
  s: [
    [0x09, 0x0a],
    [0x0c, 0x0d],
    [0x20, 0x20],
  ],
  w: [
    [0x30, 0x39],
    [0x41, 0x5a],
    [0x5f, 0x5f],
    [0x61, 0x7a],
  ],
};

const POSIX: Record<string, Range[]> = {
  alnum: [
    [0x30, 0x39],
    [0x41, 0x5a],
    [0x61, 0x7a],
  ],
  alpha: [
    [0x41, 0x5a],
    [0x61, 0x7a],
  ],
  ascii: [[0x00, 0x7f]],
  blank: [
    [0x09, 0x09],
    [0x20, 0x20],
  ],
  cntrl: [
    [0x00, 0x1f],
    [0x7f, 0x7f],
  ],
  digit: [[0x30, 0x39]],
  graph: [[0x21, 0x7e]],
  lower: [[0x61, 0x7a]],
  print: [[0x20, 0x7e]],
  punct: [
    [0x21, 0x2f],
    [0x3a, 0x40],
    [0x5b, 0x60],
    [0x7b, 0x7e],
  ],
  space: [
    [0x09, 0x0d],
    [0x20, 0x20],
  ],
  upper: [[0x41, 0x5a]],
  word: [
    [0x30, 0x39],
    [0x41, 0x5a],
    [0x5f, 0x5f],
    [0x61, 0x7a],
  ],
  xdigit: [
    [0x30, 0x39],
    [0x41, 0x46],
    [0x61, 0x66],
  ],
};

function negate(ranges: readonly Range[]): Range[] {
  const sorted = [...ranges].sort((a, b) => a[0] - b[0]);
  const out: Range[] = [];
  let next = 0;
  for (const [lo, hi] of sorted) {
    if (lo > next) out.push([next, lo - 1]);
    next = Math.max(next, hi + 1);
  }
  if (next <= MAX_RUNE) out.push([next, MAX_RUNE]);
  return out;
}

const hex = (cp: number) => `\\u{${cp.toString(16)}}`;
const rangesSource = (ranges: readonly Range[]) =>
  ranges.map(([lo, hi]) => (lo === hi ? hex(lo) : `${hex(lo)}-${hex(hi)}`)).join('');
const literal = (cp: number) => hex(cp);

const GENERAL_CATEGORIES = new Set(
  'C Cc Cf Co Cs L Ll Lm Lo Lt Lu M Mc Me Mn N Nd Nl No P Pc Pd Pe Pf Pi Po Ps S Sc Sk Sm So Z Zl Zp Zs'.split(' '),
);

/** Go's `\pN`/`\p{Name}`: general categories, scripts and `Any`, as a JS `\p{…}` (or its negation). */
function unicodeClass(name: string, negated: boolean, whole: string): string {
  let body: string;
  if (name === 'Any') body = 'Any';
  else if (GENERAL_CATEGORIES.has(name)) body = `General_Category=${name}`;
  else body = `Script=${name}`;
  const src = `\\${negated ? 'P' : 'p'}{${body}}`;
  try {
    new RegExp(src, 'u');
  } catch {
    throw new GoRegexpError(`error parsing regexp: invalid character class range: \`${whole}\``);
  }
  return src;
}

class Parser {
  pos = 0;
  readonly names: string[] = [''];
  constructor(readonly src: string) {}

  fail(code: string, expr: string): never {
    throw new GoRegexpError(`error parsing regexp: ${code}: \`${expr}\``);
  }

  peek(): number | undefined {
    return this.src.codePointAt(this.pos);
  }

  take(): number {
    const cp = this.src.codePointAt(this.pos)!;
    this.pos += cp > 0xffff ? 2 : 1;
    return cp;
  }

  /** Parses an alternation until `)` or the end; returns JS source. */
  alternation(flags: Flags, depth: number): string {
    const branches: string[] = [];
    let current: string[] = [];
    // `(?flags)` changes flags for the rest of the current group, across `|` too.
    const local: Flags = { ...flags };
    for (;;) {
      const c = this.peek();
      if (c === undefined) {
        if (depth > 0) this.fail('missing closing )', this.src);
        branches.push(current.join(''));
        return branches.join('|');
      }
      if (c === 0x29 /* ) */) {
        if (depth === 0) this.fail('unexpected )', this.src);
        branches.push(current.join(''));
        return branches.join('|');
      }
      if (c === 0x7c /* | */) {
        this.pos++;
        branches.push(current.join(''));
        current = [];
        continue;
      }
      const before = this.pos;
      const atom = this.atom(local, depth);
      if (atom === undefined) continue;
      // `\Q…\E` yields one atom per character: a following repetition binds to the last one.
      const atoms = typeof atom === 'string' ? [atom] : atom;
      if (atoms.length === 0) continue;
      current.push(...atoms.slice(0, -1), this.repeat(atoms[atoms.length - 1]!, local, before));
    }
  }

  /** Applies `* + ? {n,m}` (and lazy `?`) to an atom. */
  repeat(atom: string, flags: Flags, start: number): string {
    let out = atom;
    let repeated = false;
    for (;;) {
      const c = this.peek();
      let op: string | undefined;
      const opStart = this.pos;
      if (c === 0x2a || c === 0x2b || c === 0x3f) {
        this.pos++;
        op = String.fromCodePoint(c);
      } else if (c === 0x7b /* { */) {
        const m = /^\{(\d+)(,(\d*))?\}/.exec(this.src.slice(this.pos));
        if (!m) return out;
        const min = Number(m[1]);
        const max = m[3] === undefined ? (m[2] ? -1 : min) : m[3] === '' ? -1 : Number(m[3]);
        if (min > 1000 || max > 1000 || (max >= 0 && min > max)) this.fail('invalid repeat count', m[0]);
        this.pos += m[0].length;
        op = m[0];
      } else return out;
      if (repeated) this.fail('invalid nested repetition operator', this.src.slice(start, this.pos));
      if (atom === '') this.fail('missing argument to repetition operator', this.src.slice(opStart, this.pos));
      let lazy = false;
      if (this.peek() === 0x3f) {
        this.pos++;
        lazy = true;
      }
      if (flags.U) lazy = !lazy;
      out = `(?:${out})${op}${lazy ? '?' : ''}`;
      repeated = true;
    }
  }

  /** One atom; `undefined` when it only changed flags. */
  atom(flags: Flags, depth: number): string | string[] | undefined {
    const c = this.take();
    switch (c) {
      case 0x28 /* ( */:
        return this.group(flags, depth);
      case 0x5b /* [ */:
        return this.charClass(flags);
      case 0x2e /* . */:
        return flags.s ? '[\\s\\S]' : '[^\\n]';
      case 0x5e /* ^ */:
        return flags.m ? '(?<=^|\\n)' : '(?<![\\s\\S])';
      case 0x24 /* $ */:
        return flags.m ? '(?=\\n|(?![\\s\\S]))' : '(?![\\s\\S])';
      case 0x5c /* \ */:
        return this.escape(flags);
      case 0x2a:
      case 0x2b:
      case 0x3f:
        this.fail('missing argument to repetition operator', String.fromCodePoint(c));
      default:
        return this.lit(c, flags);
    }
  }

  lit(cp: number, flags: Flags): string {
    return flags.i ? `(?i:${literal(cp)})` : literal(cp);
  }

  group(flags: Flags, depth: number): string | undefined {
    const rest = this.src.slice(this.pos);
    if (rest.startsWith('?')) {
      const named = /^\?P?<([^>]*)>/.exec(rest);
      if (named && (rest.startsWith('?P<') || rest.startsWith('?<'))) {
        if (rest.startsWith('?<=') || rest.startsWith('?<!'))
          this.fail('invalid or unsupported Perl syntax', `(${rest.slice(0, 3)}`);
        const name = named[1]!;
        if (!/^[A-Za-z0-9_]+$/.test(name)) this.fail('invalid named capture', `(${named[0]}`);
        // Go (unlike RE2 in C++) accepts duplicate names; ExpandString uses the first that matched.
        this.pos += named[0].length;
        this.names.push(name);
        return this.subgroup('(', flags, depth);
      }
      const fm = /^\?([imsU-]*)(:|\))/.exec(rest);
      if (!fm) this.fail('invalid or unsupported Perl syntax', `(${rest.slice(0, 2)}`);
      const spec = fm[1]!;
      // Go: at most one '-', no trailing '-', and not empty.
      if (spec === '' && fm[2] === ')') this.fail('missing argument to repetition operator', '(?)');
      if ((spec.match(/-/g)?.length ?? 0) > 1 || spec.endsWith('-'))
        this.fail('invalid or unsupported Perl syntax', `(${fm[0]}`);
      const next: Flags = { ...flags };
      let on = true;
      for (const f of spec) {
        if (f === '-') on = false;
        else next[f as keyof Flags] = on;
      }
      this.pos += fm[0].length;
      if (fm[2] === ':') return this.subgroup('(?:', next, depth);
      // `(?flags)`: applies to the rest of the enclosing group.
      Object.assign(flags, next);
      return undefined;
    }
    this.names.push('');
    return this.subgroup('(', flags, depth);
  }

  subgroup(open: string, flags: Flags, depth: number): string {
    const inner = this.alternation({ ...flags }, depth + 1);
    this.take(); // ')'
    return `${open}${inner})`;
  }

  /** Escapes outside classes. */
  escape(flags: Flags): string | string[] {
    const start = this.pos - 1;
    const c = this.peek();
    if (c === undefined) this.fail('trailing backslash at end of expression', '');
    const ch = String.fromCodePoint(c);
    switch (ch) {
      case 'A':
        this.pos++;
        return '(?<![\\s\\S])';
      case 'z':
        this.pos++;
        return '(?![\\s\\S])';
      case 'b':
        this.pos++;
        return '(?:(?<=[0-9A-Za-z_])(?![0-9A-Za-z_])|(?<![0-9A-Za-z_])(?=[0-9A-Za-z_]))';
      case 'B':
        this.pos++;
        return '(?:(?<=[0-9A-Za-z_])(?=[0-9A-Za-z_])|(?<![0-9A-Za-z_])(?![0-9A-Za-z_]))';
      case 'Q': {
        this.pos++;
        const end = this.src.indexOf('\\E', this.pos);
        const text = end < 0 ? this.src.slice(this.pos) : this.src.slice(this.pos, end);
        this.pos = end < 0 ? this.src.length : end + 2;
        return [...text].map((t) => this.lit(t.codePointAt(0)!, flags));
      }
      default: {
        const cls = this.classEscape(start);
        if (cls.kind === 'char') return this.lit(cls.cp, flags);
        const body = cls.kind === 'ranges' ? `[${rangesSource(cls.ranges)}]` : cls.source;
        return flags.i ? `(?i:${body})` : body;
      }
    }
  }

  /** Escapes valid both inside and outside classes. */
  classEscape(
    start: number,
  ): { kind: 'char'; cp: number } | { kind: 'ranges'; ranges: Range[] } | { kind: 'unicode'; source: string } {
    const c = this.take();
    const ch = String.fromCodePoint(c);
    if (ch in PERL) return { kind: 'ranges', ranges: PERL[ch]! };
    if (ch.toLowerCase() in PERL && ch !== ch.toLowerCase())
      return { kind: 'ranges', ranges: negate(PERL[ch.toLowerCase()]!) };
    if (ch === 'p' || ch === 'P') {
      let name: string;
      if (this.peek() === 0x7b) {
        const end = this.src.indexOf('}', this.pos);
        if (end < 0) this.fail('invalid character class range', this.src.slice(start));
        name = this.src.slice(this.pos + 1, end);
        this.pos = end + 1;
      } else {
        if (this.peek() === undefined) this.fail('invalid character class range', this.src.slice(start));
        name = String.fromCodePoint(this.take());
      }
      let negated = ch === 'P';
      if (name.startsWith('^')) {
        negated = !negated;
        name = name.slice(1);
      }
      return { kind: 'unicode', source: unicodeClass(name, negated, this.src.slice(start, this.pos)) };
    }
    const simple: Record<string, number> = { a: 7, f: 12, t: 9, n: 10, r: 13, v: 11 };
    if (ch in simple) return { kind: 'char', cp: simple[ch]! };
    if (ch >= '0' && ch <= '7') {
      // Octal: \0 plus up to two digits, or \1-\7 followed by more octal digits; a lone \1-\9 is a backreference.
      const m = /^[0-7]{0,2}/.exec(this.src.slice(this.pos))![0];
      if (ch !== '0' && m.length === 0) this.fail('invalid escape sequence', this.src.slice(start, this.pos));
      this.pos += m.length;
      return { kind: 'char', cp: parseInt(ch + m, 8) };
    }
    if (ch === 'x') {
      const braced = /^\{([0-9A-Fa-f]+)\}/.exec(this.src.slice(this.pos));
      if (braced) {
        const cp = parseInt(braced[1]!, 16);
        if (cp > MAX_RUNE) this.fail('invalid escape sequence', this.src.slice(start, this.pos + braced[0].length));
        this.pos += braced[0].length;
        return { kind: 'char', cp };
      }
      const two = /^[0-9A-Fa-f]{2}/.exec(this.src.slice(this.pos));
      if (!two) this.fail('invalid escape sequence', this.src.slice(start, this.pos + 2));
      this.pos += 2;
      return { kind: 'char', cp: parseInt(two[0], 16) };
    }
    // Any ASCII punctuation may be escaped.
    if (c < 0x80 && /[!-/:-@[-`{-~]/.test(ch)) return { kind: 'char', cp: c };
    this.fail('invalid escape sequence', this.src.slice(start, this.pos));
  }

  charClass(flags: Flags): string {
    const start = this.pos - 1;
    let negated = false;
    if (this.peek() === 0x5e) {
      this.pos++;
      negated = true;
    }
    const ranges: Range[] = [];
    const unicode: string[] = [];
    let first = true;
    for (;;) {
      const c = this.peek();
      if (c === undefined) this.fail('missing closing ]', this.src.slice(start));
      if (c === 0x5d && !first) {
        this.pos++;
        break;
      }
      first = false;
      const posix = /^\[:(\^?)([a-z]+):\]/.exec(this.src.slice(this.pos));
      if (posix) {
        const set = POSIX[posix[2]!];
        if (!set) this.fail('invalid character class range', posix[0]);
        ranges.push(...(posix[1] ? negate(set) : set));
        this.pos += posix[0].length;
        continue;
      }
      const lo = this.classAtom(start, ranges, unicode);
      if (lo === undefined) continue;
      if (
        this.peek() === 0x2d /* - */ &&
        this.src.codePointAt(this.pos + 1) !== 0x5d &&
        this.pos + 1 < this.src.length
      ) {
        this.pos++;
        const rangeStart = this.pos;
        const hi = this.classAtom(start, ranges, unicode);
        if (hi === undefined || hi < lo)
          this.fail('invalid character class range', this.src.slice(rangeStart - 2, this.pos));
        ranges.push([lo, hi]);
      } else ranges.push([lo, lo]);
    }
    const body = `[${negated ? '^' : ''}${rangesSource(ranges)}${unicode.join('')}]`;
    if (ranges.length === 0 && unicode.length === 0) return negated ? '[\\s\\S]' : '[]';
    return flags.i ? `(?i:${body})` : body;
  }

  /** A single class member: returns its code point, or `undefined` after adding a set. */
  classAtom(start: number, ranges: Range[], unicode: string[]): number | undefined {
    const c = this.take();
    if (c !== 0x5c) return c;
    const escStart = this.pos - 1;
    const e = this.classEscape(escStart);
    if (e.kind === 'char') return e.cp;
    if (e.kind === 'ranges') ranges.push(...e.ranges);
    else unicode.push(e.source);
    void start;
    return undefined;
  }
}

/**
 * Go's `regexp.Compile(pattern)` as a JavaScript RegExp. Throws {@link GoRegexpError} where Go
 * returns an error.
 */
export function compileGoRegexp(pattern: string): GoRegexp {
  const parser = new Parser(pattern);
  const source = parser.alternation({ i: false, m: false, s: false, U: false }, 0);
  return { source: pattern, js: new RegExp(source, 'u'), names: parser.names };
}

/** `FindStringSubmatch`: the leftmost-first match's groups (`undefined` for unmatched ones), or `undefined`. */
export function findStringSubmatch(re: GoRegexp, text: string): readonly (string | undefined)[] | undefined {
  re.js.lastIndex = 0;
  const m = re.js.exec(text);
  return m ? [...m] : undefined;
}

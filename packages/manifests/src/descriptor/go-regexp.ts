/**
 * Go (RE2) regular expressions, as gitleaks writes its rules, translated to JavaScript with the
 * same meaning on ASCII text: `\s` is `[\t\n\f\r ]` (JavaScript's also matches Unicode spaces),
 * `.` does not match `\n` (JavaScript's also stops at `\r`), `\z` is the end of the text, POSIX
 * classes (`[[:alnum:]]`) are spelt out, `(?P<name>` is `(?<name>`, and case-insensitive
 * parts (`(?i)` for the rest of its group, `(?i:…)`) are case-folded letter by letter (`[aA]`,
 * `[a-zA-Z]`): JavaScript's own modifier groups need V8 12.5 (Node 23+), and the packages run on
 * Node 22. Other syntax is the same in both. Throws on the flags JavaScript cannot follow (`m`, `U`).
 * @see https://github.com/google/re2/wiki/Syntax
 */
export function goRegexpSource(pattern: string): string {
  const posix: Record<string, string> = {
    alnum: 'A-Za-z0-9',
    alpha: 'A-Za-z',
    digit: '0-9',
    lower: 'a-z',
    upper: 'A-Z',
    space: '\\t\\n\\v\\f\\r ',
    word: '\\w',
    xdigit: '0-9A-Fa-f',
    punct: '!-\\/:-@\\[-`{-~',
  };
  // One frame per open group: whether `.` matches newlines in it and whether letters fold case.
  const frames: { dotAll: boolean; fold: boolean }[] = [{ dotAll: false, fold: false }];
  const isLetter = (ch: string | undefined) => ch !== undefined && /^[A-Za-z]$/.test(ch);
  const swap = (ch: string) => (ch === ch.toLowerCase() ? ch.toUpperCase() : ch.toLowerCase());
  let out = '';
  let inClass = false;
  let classStart = 0;
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i]!;
    const frame = frames[frames.length - 1]!;
    if (c === '\\') {
      const next = pattern[i + 1] ?? '';
      i++;
      if (next === 's') out += inClass ? '\\t\\n\\f\\r ' : '[\\t\\n\\f\\r ]';
      else if (next === 'S' && !inClass) out += '[^\\t\\n\\f\\r ]';
      else if (next === 'z') out += '$';
      else if (next === 'A') out += '^';
      else if (next === 'Q' || next === 'p' || next === 'P' || next === 'C')
        throw new Error(`unsupported Go regexp escape \\${next} in ${pattern}`);
      else out += `\\${next}`;
      continue;
    }
    if (inClass) {
      const named = /^\[:(\^?)([a-z]+):\]/.exec(pattern.slice(i));
      if (named) {
        if (named[1] || !posix[named[2]!]) throw new Error(`unsupported POSIX class ${named[0]} in ${pattern}`);
        out += posix[named[2]!];
        i += named[0].length - 1;
        continue;
      }
      if (c === ']' && out.length > classStart) inClass = false; // a `]` first in a class is literal
      const to = pattern[i + 2];
      if (
        frame.fold &&
        isLetter(c) &&
        pattern[i + 1] === '-' &&
        isLetter(to) &&
        (c === c.toLowerCase()) === (to === to!.toLowerCase())
      ) {
        out += `${c}-${to}${swap(c)}-${swap(to!)}`;
        i += 2;
        continue;
      }
      out += frame.fold && isLetter(c) ? `${c}${swap(c)}` : c;
      continue;
    }
    if (c === '[') {
      inClass = true;
      out += pattern[i + 1] === '^' ? '[^' : '[';
      if (pattern[i + 1] === '^') i++;
      classStart = out.length;
      continue;
    }
    if (c === '.') {
      out += frame.dotAll ? '[\\s\\S]' : '[^\\n]';
      continue;
    }
    if (c === '(') {
      const flags = /^\(\?([imsU]*)(?:-([imsU]*))?(\)|:)/.exec(pattern.slice(i));
      if (flags && (flags[1] || flags[2])) {
        const [whole, on = '', off = '', end] = flags;
        if (/[mU]/.test(on + off)) throw new Error(`unsupported Go regexp flags ${whole} in ${pattern}`);
        const dotAll = on.includes('s') ? true : off.includes('s') ? false : frame.dotAll;
        const fold = on.includes('i') ? true : off.includes('i') ? false : frame.fold;
        i += whole.length - 1;
        if (end === ')') {
          // (?i) alone: the rest of the current group, every alternative of it.
          frame.dotAll = dotAll;
          frame.fold = fold;
        } else {
          frames.push({ dotAll, fold });
          out += '(?:';
        }
        continue;
      }
      const named = /^\(\?P?<([A-Za-z_][A-Za-z0-9_]*)>/.exec(pattern.slice(i));
      if (named) {
        // The group's name is copied as is (never case-folded).
        frames.push({ dotAll: frame.dotAll, fold: frame.fold });
        out += `(?<${named[1]}>`;
        i += named[0].length - 1;
        continue;
      }
      frames.push({ dotAll: frame.dotAll, fold: frame.fold });
      out += c;
      continue;
    }
    if (c === ')') {
      out += ')';
      frames.pop();
      continue;
    }
    out += frame.fold && isLetter(c) ? `[${c}${swap(c)}]` : c;
  }
  return out;
}

/** A JavaScript RegExp with the meaning of a Go regexp (`global` for finding every match). */
export function goRegexp(pattern: string, global = false): RegExp {
  return new RegExp(goRegexpSource(pattern), global ? 'g' : '');
}

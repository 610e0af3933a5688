/**
 * Go (RE2) regular expressions, as gitleaks writes its rules, translated to JavaScript with the
 * same meaning on ASCII text: `\s` is `[\t\n\f\r ]` (JavaScript's also matches Unicode spaces),
 * `.` does not match `\n` (JavaScript's also stops at `\r`), `\z` is the end of the text, POSIX
 * classes (`[[:alnum:]]`) are spelt out, `(?P<name>` is `(?<name>`, and a flag group `(?i)`
 * applies to the rest of its group (each alternative of it) through a JavaScript modifier group
 * `(?i:…)`. Other syntax is the same in both. Throws on the flags JavaScript cannot follow (`m`, `U`).
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
  // One frame per open group: whether `.` matches newlines in it, and the flag groups opened inside it.
  const frames: { dotAll: boolean; flagGroups: string[] }[] = [{ dotAll: false, flagGroups: [] }];
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
      out += c;
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
        const modifier = `(?${on.replace('s', '')}${off.replace('s', '') ? `-${off.replace('s', '')}` : ''}:`;
        i += whole.length - 1;
        if (end === ')') {
          // (?i) alone: the rest of the current group, closed before each `|` and at the group's end.
          frame.dotAll = dotAll;
          if (modifier !== '(?:') {
            frame.flagGroups.push(modifier);
            out += modifier;
          }
        } else {
          frames.push({ dotAll, flagGroups: [] });
          out += modifier;
        }
        continue;
      }
      if (pattern.startsWith('(?P<', i)) {
        frames.push({ dotAll: frame.dotAll, flagGroups: [] });
        out += '(?<';
        i += 3;
        continue;
      }
      frames.push({ dotAll: frame.dotAll, flagGroups: [] });
      out += c;
      continue;
    }
    if (c === '|') {
      out += ')'.repeat(frame.flagGroups.length) + '|' + frame.flagGroups.join('');
      continue;
    }
    if (c === ')') {
      out += ')'.repeat(frame.flagGroups.length) + ')';
      frames.pop();
      continue;
    }
    out += c;
  }
  return out + ')'.repeat(frames[0]!.flagGroups.length);
}

/** A JavaScript RegExp with the meaning of a Go regexp (`global` for finding every match). */
export function goRegexp(pattern: string, global = false): RegExp {
  return new RegExp(goRegexpSource(pattern), global ? 'g' : '');
}

import type { z } from 'zod';

const article = (word: string) => (/^[aeiou]/.test(word) ? `an ${word}` : `a ${word}`);

/**
 * The per-parse error map: turns zod's default issues into the "expected"
 * phrase of our messages. Fields with their own phrase never reach this.
 */
export function expectedPhrase(raw: z.core.$ZodRawIssue): string {
  switch (raw.code) {
    case 'invalid_type':
      if (raw.expected === 'array') return 'a list';
      if (raw.expected === 'record') return 'a map';
      return article(String(raw.expected));
    case 'invalid_value':
      return raw.values.length === 1
        ? JSON.stringify(raw.values[0])
        : `one of ${raw.values.map((v) => JSON.stringify(v)).join(', ')}`;
    case 'too_small':
      return raw.origin === 'array' ? `at least ${String(raw.minimum)} item(s)` : `at least ${String(raw.minimum)}`;
    case 'too_big':
      return raw.origin === 'array' ? `at most ${String(raw.maximum)} item(s)` : `at most ${String(raw.maximum)}`;
    case 'invalid_format':
      return `a string in the format ${raw.format}`;
    case 'invalid_key':
      return 'a valid key';
    default:
      return 'a valid value';
  }
}

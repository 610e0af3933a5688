const encoder = new TextEncoder();

/** Go's string ordering: bytewise on UTF-8 (JavaScript's `<` compares UTF-16 code units instead). */
export function compareBytewise(a: string, b: string): number {
  if (a === b) return 0;
  const x = encoder.encode(a);
  const y = encoder.encode(b);
  const n = Math.min(x.length, y.length);
  for (let i = 0; i < n; i++) if (x[i] !== y[i]) return x[i]! - y[i]!;
  return x.length - y.length;
}

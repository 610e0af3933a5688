import type { Summary } from '../stats/summarize.js';

/** A number with thousands separators and a fixed count of decimals. */
export function num(value: number, digits = 0): string {
  return value.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
}

/** Milliseconds as seconds below 10 s with 2 decimals (0.53 s), else with 1 (12.4 s). */
export function seconds(ms: number): string {
  const s = ms / 1000;
  return `${num(s, s < 10 ? 2 : 1)} s`;
}

/** Milliseconds, whole above 100 (523 ms), else with one decimal (41.2 ms). */
export function millis(ms: number): string {
  return `${num(ms, ms >= 100 ? 0 : 1)} ms`;
}

/** Mebibytes, whole (118 MiB). */
export function mib(value: number): string {
  return `${num(value, value >= 10 ? 0 : 1)} MiB`;
}

/** A ratio with two decimals and a times sign (2.61×). */
export function times(value: number): string {
  return `${num(value, 2)}×`;
}

/** `median (min–max)` of a summary, each formatted by `unit`. */
export function spread(summary: Summary, unit: (value: number) => string): string {
  return `${unit(summary.median)} (${unit(summary.min)}–${unit(summary.max)})`;
}

/** Bytes as a whole number with separators (15,506). */
export function bytes(value: number): string {
  return num(value);
}

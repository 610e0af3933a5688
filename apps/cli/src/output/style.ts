import { styleText } from 'node:util';
import type { OutputStream } from '../context.js';

export type StyleFormat = Parameters<typeof styleText>[0];

/** Applies `node:util` styles to text, or leaves it plain. */
export type Styler = (format: StyleFormat, text: string) => string;

/**
 * Colour only on a terminal, and never when `NO_COLOR` is set to anything non-empty
 * (https://no-color.org) or the terminal is `dumb`.
 */
export function stylerFor(stream: OutputStream, env: Readonly<Record<string, string | undefined>>): Styler {
  const colour = stream.isTTY === true && !env.NO_COLOR && env.TERM !== 'dumb';
  return colour ? (format, text) => styleText(format, text, { validateStream: false }) : (_format, text) => text;
}

import { parseArgs } from 'node:util';
import { didYouMean } from '@sugarkube/core';
import type { OptionSpec, ParsedArgs } from './command.js';
import { UsageError } from './cli-error.js';

/**
 * `util.parseArgs` in strict mode over a command's flags: an unknown flag becomes a
 * UsageError naming the closest known one (`unknown option --clustr (did you mean --cluster?)`).
 */
export function parseCommandArgs(
  args: readonly string[],
  options: Readonly<Record<string, OptionSpec>>,
  positionals: boolean,
): ParsedArgs {
  const known = Object.keys(options);
  for (const arg of args) {
    if (arg === '--') break;
    const name = /^--([^=]+)/.exec(arg)?.[1];
    if (name !== undefined && !known.includes(name)) {
      const guess = didYouMean(name, known);
      throw new UsageError(`unknown option --${name}${guess ? ` (did you mean --${guess}?)` : ''}`);
    }
  }
  const config = Object.fromEntries(
    Object.entries(options).map(([name, o]) => [
      name,
      { type: o.type, ...(o.multiple ? { multiple: true } : {}), ...(o.short ? { short: o.short } : {}) },
    ]),
  );
  try {
    const parsed = parseArgs({ args: [...args], options: config, allowPositionals: positionals, strict: true });
    return { values: parsed.values as ParsedArgs['values'], positionals: parsed.positionals };
  } catch (error) {
    // The rest of parseArgs' messages (a missing value, an unknown short flag, an unexpected argument), first sentence only.
    const message = (error as Error).message.split('. ')[0]!.replace(/^Unexpected argument/, 'unexpected argument');
    throw new UsageError(message);
  }
}

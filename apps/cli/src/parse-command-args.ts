import { parseArgs, type ParseArgsOptionsConfig } from 'node:util';
import { UsageError } from './context.js';

/**
 * `util.parseArgs` in strict mode for one command: an unknown or malformed flag
 * becomes a UsageError, which the CLI prints with the command's usage (exit 2).
 */
export function parseCommandArgs<const O extends ParseArgsOptionsConfig, const P extends boolean = false>(
  args: readonly string[],
  options: O,
  allowPositionals?: P,
) {
  try {
    return parseArgs({ args: [...args], options, allowPositionals: (allowPositionals ?? false) as P, strict: true });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
}

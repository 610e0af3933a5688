import { UsageError } from './cli-error.js';

/** The first positional as one of a command's subcommands, or a usage error that names them. */
export function expectSubcommand<S extends string>(given: string | undefined, expected: readonly [S, ...S[]]): S {
  if (given !== undefined && (expected as readonly string[]).includes(given)) return given as S;
  const names = expected.join(' or ');
  throw new UsageError(
    given === undefined ? `missing subcommand: ${names}` : `unknown subcommand "${given}": expected ${names}`,
  );
}

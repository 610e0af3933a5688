import { UsageError } from '../cli-error.js';
import type { OptionSpec, ParsedArgs } from '../command.js';
import { exitCodes, type ExitCode } from '../exit-codes.js';
import type { RegistryFlags } from '../io/registry.js';

/** The flags of every command that reads a registry. */
export const registryOptionSpecs: Readonly<Record<string, OptionSpec>> = {
  username: { type: 'string' },
  insecure: { type: 'boolean' },
  timeout: { type: 'string' },
};

/** The exit codes of every command that reads a registry: findings, a missing tag, an unreachable registry. */
export const registryCommandExitCodes: readonly ExitCode[] = [
  exitCodes.ok,
  exitCodes.changes,
  exitCodes.usage,
  exitCodes.notFound,
  exitCodes.network,
  exitCodes.internal,
];

export const registryFlagsHelp = `  --username USER    registry user; the password is read from SUGARKUBE_REGISTRY_PASSWORD
                     (for ghcr.io, GITHUB_TOKEN is used when set); else docker login's, else anonymous
  --insecure         plain HTTP (automatic for localhost and 127.0.0.1)
  --timeout SECONDS  how long one registry request may take (default: 30)`;

export function registryFlags(args: ParsedArgs): RegistryFlags {
  const { username, insecure, timeout } = args.values as { username?: string; insecure?: boolean; timeout?: string };
  const seconds = timeout === undefined ? undefined : Number(timeout);
  if (seconds !== undefined && !(Number.isFinite(seconds) && seconds > 0 && seconds <= 600)) {
    throw new UsageError(`--timeout: expected seconds between 0 and 600, received "${timeout}"`);
  }
  return {
    ...(username !== undefined ? { username } : {}),
    ...(insecure ? { insecure } : {}),
    ...(seconds !== undefined ? { timeout: seconds } : {}),
  };
}

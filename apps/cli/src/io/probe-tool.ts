import { spawnSync } from 'node:child_process';

/** Runs `command args` and returns its first output line, or undefined when it is not installed or fails. */
export function probeTool(command: string, args: readonly string[]): string | undefined {
  const result = spawnSync(command, [...args], { encoding: 'utf8', timeout: 10_000 });
  if (result.error || result.status !== 0) return undefined;
  return `${result.stdout}${result.stderr}`.trim().split('\n')[0];
}

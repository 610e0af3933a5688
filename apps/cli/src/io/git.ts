import { spawnSync } from 'node:child_process';
import { CliError } from '../cli-error.js';
import { exitCodes } from '../exit-codes.js';

/** Runs git in `cwd`, never prompting; returns stdout, or throws a CliError (exit 7) naming the command and git's message. */
export function git(cwd: string, args: readonly string[], timeoutMs = 120_000): string {
  const result = spawnSync('git', [...args], {
    cwd,
    encoding: 'utf8',
    timeout: timeoutMs,
    env: { ...process.env, GIT_TERMINAL_PROMPT: '0', LC_ALL: 'C' },
  });
  if (result.error) throw new CliError(exitCodes.io, `git ${args[0]} in ${cwd}: ${result.error.message}`);
  if (result.status !== 0) {
    const message = `${result.stderr}${result.stdout}`.trim().split('\n').filter(Boolean).slice(-2).join('; ');
    throw new CliError(exitCodes.io, `git ${args.join(' ')} in ${cwd} failed: ${message}`);
  }
  return result.stdout;
}

/** The repository's top-level directory, or undefined when `cwd` is not in a Git work tree. */
export function gitRoot(cwd: string): string | undefined {
  const result = spawnSync('git', ['rev-parse', '--show-toplevel'], { cwd, encoding: 'utf8', timeout: 30_000 });
  return result.status === 0 ? result.stdout.trim() : undefined;
}

/** Uncommitted changes (staged, unstaged, untracked), as `git status --porcelain` lists them. */
export function uncommittedChanges(root: string): string[] {
  return git(root, ['status', '--porcelain', '--untracked-files=all']).split('\n').filter(Boolean);
}

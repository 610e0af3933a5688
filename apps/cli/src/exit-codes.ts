/**
 * The exit codes of every command, as `git diff --exit-code` and `kubectl diff` use the first
 * three: 0 nothing to report, 1 changes or findings, 2 bad usage or input. The others tell a
 * script why a command refused or failed, so CI can tell a stale tree from a broken one.
 */
export const exitCodes = {
  /** Done; nothing changed or nothing found. */
  ok: 0,
  /** Changes (diff, synth --check) or findings (a missing platform, a failed doctor check). */
  changes: 1,
  /** Bad usage or bad input: a flag, a definition, a descriptor, a module, a package.json. */
  usage: 2,
  /** promote: the cluster repo's working tree has uncommitted changes. */
  dirty: 3,
  /** The tag or image is not in its registry. */
  notFound: 4,
  /** promote: the image lacks a platform the cluster needs (linux/arm64). */
  platform: 5,
  /** A registry, forge or API server could not be reached, timed out or answered with an error. */
  network: 6,
  /** Writing failed (an I/O error, another sugarkube process holds the tree, git failed). */
  io: 7,
  /** A bug in sugarkube: please report it (SUGARKUBE_DEBUG=1 prints the stack). */
  internal: 8,
} as const;

export type ExitCode = (typeof exitCodes)[keyof typeof exitCodes];

/** The table `--help` prints. */
export const exitCodeHelp: readonly (readonly [ExitCode, string])[] = [
  [exitCodes.ok, 'success: done, clean, up to date'],
  [exitCodes.changes, 'changes or findings (diff, synth --check, image check, policy preview, doctor)'],
  [exitCodes.usage, 'bad usage or input (flags, definition, descriptor, module, package.json)'],
  [exitCodes.dirty, 'promote: uncommitted changes in the cluster repo'],
  [exitCodes.notFound, 'the tag or image is not in its registry'],
  [exitCodes.platform, 'promote: the image lacks linux/arm64 (or another required platform)'],
  [exitCodes.network, 'a registry, forge or API server unreachable, timed out or failing (host and cause named)'],
  [exitCodes.io, 'writing failed (I/O error, tree locked by another process, git failed)'],
  [exitCodes.internal, 'internal error: a bug in sugarkube (SUGARKUBE_DEBUG=1 prints the stack)'],
];

/** The exit-code block of a help text. */
export function renderExitCodes(codes: readonly ExitCode[] = exitCodeHelp.map(([code]) => code)): string {
  return [
    'Exit codes:',
    ...exitCodeHelp.filter(([code]) => codes.includes(code)).map(([code, text]) => `  ${code}  ${text}`),
  ].join('\n');
}

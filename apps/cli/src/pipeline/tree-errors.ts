import { CliError, inputError } from '../cli-error.js';
import { exitCodes } from '../exit-codes.js';
import { TreeBusyError } from '../io/tree-lock.js';
import { TreeWriteError } from '../io/tree-write-error.js';
import { TreeConflictError } from '../io/write-tree.js';

/**
 * A failed write as the CLI reports it: files in the way and an unusable output directory are
 * bad input (2, nothing changed); another writer and an I/O error on the way are I/O (7).
 */
export function treeWriteFailure(error: unknown): never {
  if (error instanceof TreeConflictError) {
    throw inputError(
      error.conflicts.map((c) => ({
        message: `${error.root}/${c.path} is in the way: ${c.reason}; nothing was written (move it away, or --force replaces it)`,
        file: `${error.root}/${c.path}`,
      })),
    );
  }
  if (error instanceof TreeWriteError)
    throw new CliError(
      error.kind === 'input' ? exitCodes.usage : exitCodes.io,
      error.lines.map((message) => ({ message })),
    );
  if (error instanceof TreeBusyError) throw new CliError(exitCodes.io, error.message);
  // The transaction's own failures (staging, renames undone, half-written) name the directory and what happened.
  const code = (error as NodeJS.ErrnoException).code;
  if (
    error instanceof Error &&
    (code !== undefined || /could not|cannot|half-written|transaction/.test(error.message))
  ) {
    throw new CliError(
      exitCodes.io,
      error.message.split('\n').map((message) => ({ message })),
    );
  }
  throw error;
}

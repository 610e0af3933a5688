export { main } from './cli.js';
export type { Command, CommandResult, OptionSpec } from './command.js';
export type { CommandContext, OutputStream } from './context.js';
export { exitCodes, type ExitCode } from './exit-codes.js';
export {
  checkTree,
  recoverTree,
  TreeConflictError,
  writeTree,
  type GeneratedFile,
  type RecoveryOutcome,
  type TreeCheck,
  type WriteTreeOptions,
  type WriteTreeResult,
} from './io/write-tree.js';

export { main } from './cli.js';
export type { Command, CommandContext } from './context.js';
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

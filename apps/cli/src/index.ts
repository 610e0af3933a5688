export { main } from './cli.js';
export type { Command, CommandContext } from './context.js';
export { writeTree, type GeneratedFile, type WriteTreeResult } from './io/write-tree.js';

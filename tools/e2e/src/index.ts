export { runCommand, type RunResult } from './io/run-command.js';
export { startVerdaccio, type RunningRegistry } from './io/verdaccio.js';
export { listFiles, readTree, trackedFiles, copyTracked } from './io/file-tree.js';
export {
  publishedPackages,
  versionsOf,
  createReleaseCheckout,
  changeset,
  changesetPublish,
  type PublishedPackage,
} from './io/release-checkout.js';
export { markdownSnippets, withValues, type Snippet } from './markdown-snippets.js';

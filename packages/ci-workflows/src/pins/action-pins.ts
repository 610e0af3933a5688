/**
 * Every GitHub Action that Sugarkube writes into a workflow, pinned by full
 * commit SHA with the release it corresponds to. One table: the monorepo's own
 * workflows (projenrc/) and the workflows generated for app repos read it.
 * A bump is a reviewed change to this file.
 *
 * This module is plain data with no imports, so `.projenrc.ts` can load it
 * straight from source before anything is built.
 */
export interface ActionPin {
  /** `owner/repo` (or `owner/repo/path`). */
  readonly action: string;
  /** Full 40-hex commit SHA. */
  readonly sha: string;
  /** The release tag that SHA is, written as the trailing comment. */
  readonly version: string;
}

export const actionPins = {
  checkout: { action: 'actions/checkout', sha: '34e114876b0b11c390a56381ad16ebd13914f8d5', version: 'v4.3.1' },
  setupNode: { action: 'actions/setup-node', sha: '49933ea5288caeca8642d1e84afbd3f7d6820020', version: 'v4.4.0' },
  changesets: { action: 'changesets/action', sha: 'e0538e686673de0265c8a3e2904b8c76beaa43fd', version: 'v1.5.3' },
} as const satisfies Record<string, ActionPin>;

export type ActionPinName = keyof typeof actionPins;

/** `owner/repo@<sha>`; the version comment is added by the YAML renderer. */
export function pinnedUses(pin: ActionPin): string {
  return `${pin.action}@${pin.sha}`;
}

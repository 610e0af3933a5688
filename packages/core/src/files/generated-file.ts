/** One file a generator produces; a writer (projen, the CLI) persists it. */
export interface GeneratedFile {
  /** Relative path with `/` separators. */
  readonly path: string;
  readonly content: string;
  /**
   * Written executable (a script).
   * @default false
   */
  readonly executable?: boolean;
}

/** Files sorted by path (byte order), so every writer sees the same order. */
export function sortFiles<T extends GeneratedFile>(files: readonly T[]): T[] {
  return [...files].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

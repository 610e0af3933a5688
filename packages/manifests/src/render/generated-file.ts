/** One file a generator produces; a writer (projen, the CLI) persists it. */
export interface GeneratedFile {
  /** Relative path with `/` separators. */
  readonly path: string;
  readonly content: string;
}

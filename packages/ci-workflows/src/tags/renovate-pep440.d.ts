// Types for the parts of @renovate/pep440 (plain JavaScript, no types of its own) the tag
// preview calls, as docker/metadata-action declares them in its src/pep440.d.ts.
declare module '@renovate/pep440' {
  interface ExplainedVersion {
    readonly epoch: number;
    readonly release: readonly number[];
    readonly public: string;
    readonly base_version: string;
    readonly is_prerelease: boolean;
    readonly is_devrelease: boolean;
    readonly is_postrelease: boolean;
  }
  const pep440: {
    valid(version: string): string | null;
    clean(version: string): string;
    explain(version: string): ExplainedVersion;
    major(version: string): string;
    minor(version: string): string;
    patch(version: string): string;
  };
  export default pep440;
}

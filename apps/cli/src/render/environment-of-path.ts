/**
 * The environment a tree path belongs to: the first path segment (below the top-level directory)
 * that names one (`clusters/prod/apps/x.yaml`, `infrastructure/controllers/prod/…`), else undefined.
 */
export function environmentOfPath(path: string, environments: readonly string[]): string | undefined {
  return path
    .split('/')
    .slice(1, -1)
    .find((segment) => environments.includes(segment));
}

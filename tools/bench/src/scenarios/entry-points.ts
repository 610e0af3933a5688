/** An entry point whose import time is measured, and whether it may load projen. */
export interface EntryPoint {
  readonly specifier: string;
  /** Only the `/projen` entry points are projen components; every other entry must not load it. */
  readonly projenAllowed: boolean;
}

/** Every library entry point (issue 11's list), in dependency order. */
export const entryPoints: readonly EntryPoint[] = [
  { specifier: '@sugarkube/core', projenAllowed: false },
  { specifier: '@sugarkube/image-policy', projenAllowed: false },
  { specifier: '@sugarkube/ci-workflows', projenAllowed: false },
  { specifier: '@sugarkube/ci-workflows/projen', projenAllowed: true },
  { specifier: '@sugarkube/ci-workflows/tags', projenAllowed: false },
  { specifier: '@sugarkube/manifests', projenAllowed: false },
  { specifier: '@sugarkube/manifests/projen', projenAllowed: true },
  { specifier: '@sugarkube/cluster', projenAllowed: false },
  { specifier: '@sugarkube/sites', projenAllowed: false },
  { specifier: '@sugarkube/sites/projen', projenAllowed: true },
];

/** `@sugarkube/x/sub` → `{ name: '@sugarkube/x', subpath: './sub' }`. */
export function splitSpecifier(specifier: string): { name: string; subpath: string } {
  const parts = specifier.split('/');
  const name = parts.slice(0, 2).join('/');
  const rest = parts.slice(2).join('/');
  return { name, subpath: rest === '' ? '.' : `./${rest}` };
}

import { actionPins } from '@sugarkube/ci-workflows';
import { componentPins, infraComponents } from '@sugarkube/cluster';
import { baseImages } from '@sugarkube/core';

/** Where the pins file lives, relative to the repository root. */
export const upstreamPinsPath = 'tools/upstream/pins.json';

/** How to regenerate it (the drift test names this command). */
export const upstreamPinsCommand = 'cd tools/repo-checks && npx vitest run test/upstream-pins.test.ts -u';

/**
 * Every upstream pin in one table, from the code that owns each fact: the infrastructure
 * components (charts, images, Flux, CRD sources) from `@sugarkube/cluster`, the base images
 * from `@sugarkube/core`, the GitHub Action SHAs from `@sugarkube/ci-workflows`.
 * `tools/upstream/tools/helm-charts.sh` and `crd-schemas.sh` read the charts and CRD sources.
 */
export function upstreamPins() {
  const { components, crds } = componentPins(infraComponents);
  return {
    $comment: `Generated from the code by tools/repo-checks/src/upstream-pins.ts; do not edit. Change the component (packages/cluster/src/components/), base image (packages/core) or action pin (packages/ci-workflows), then run: ${upstreamPinsCommand}`,
    components,
    crds,
    baseImages,
    actions: actionPins,
  };
}

/** The pins file's bytes: two-space JSON and a trailing newline. */
export function renderUpstreamPins(): string {
  return `${JSON.stringify(upstreamPins(), null, 2)}\n`;
}

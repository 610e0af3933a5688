import { checkArguments } from '@sugarkube/core';
import { z } from 'zod';
import type { CrdSource, InfraComponent, UpstreamSource } from './infra-component.js';

const text = (what: string) => z.string({ error: what });
/** What `componentPins` reads of a component. */
const componentsSchema = z.array(
  z.looseObject({
    id: text('a component id'),
    chart: z.looseObject({
      name: text('a chart name').optional(),
      version: text('a version'),
      source: z.looseObject({ kind: text('a source kind'), url: text('a URL') }),
      sourceModule: z
        .looseObject({ module: text('a Go module'), version: text('a version'), path: text('a path') })
        .optional(),
    }),
    crds: z
      .array(
        z.looseObject({
          kind: text('a CRD source kind'),
          module: text('a Go module'),
          version: text('a version'),
          paths: z.array(text('a path')),
        }),
      )
      .optional(),
  }),
  { error: 'a list of infrastructure components' },
);

/** One component's pinned upstream, as `tools/upstream` reads it. */
export interface ComponentPin {
  readonly component: string;
  /** The chart's name in its repository (charts only: not for images and Flux). */
  readonly chart?: string;
  readonly version: string;
  readonly source: UpstreamSource;
  /** The chart's directory in a module release the Go module proxy serves (`helm-charts.sh`). */
  readonly sourceModule?: { readonly module: string; readonly version: string; readonly path: string };
}

/** One CRD source, with the component it belongs to (`crd-schemas.sh`). */
export type CrdPin = CrdSource & { readonly component: string };

export interface ComponentPins {
  readonly components: readonly ComponentPin[];
  readonly crds: readonly CrdPin[];
}

const isChart = (source: UpstreamSource) => source.kind === 'helm' || source.kind === 'oci' || source.kind === 'k3s';

/**
 * What the components pin, as plain data for the pins file `tools/upstream` reads: every
 * chart and image with its source and version, and every CRD source. In registry order.
 */
export function componentPins(components: readonly InfraComponent[]): ComponentPins {
  checkArguments('componentPins argument', [[[], componentsSchema, components]]);
  return {
    components: components.map((c) => ({
      component: c.id,
      ...(isChart(c.chart.source) ? { chart: c.chart.name ?? c.id } : {}),
      version: c.chart.version,
      source: c.chart.source,
      ...(c.chart.sourceModule ? { sourceModule: c.chart.sourceModule } : {}),
    })),
    crds: components.flatMap((c) => (c.crds ?? []).map((crd) => ({ component: c.id, ...crd }))),
  };
}

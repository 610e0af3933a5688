import { fieldReference, type GeneratedFile } from '@sugarkube/core';

/** The command that regenerates the pages (named in each page's header). */
export const regenerateCommand = 'npm run docs -w @sugarkube/docs';

/** The JSON Schemas the pages are generated from (each package's own, from its zod schema). */
export interface ReferenceSchemas {
  /** `@sugarkube/manifests`' `appJsonSchema()`. */
  readonly app: unknown;
  /** `@sugarkube/cluster`'s `clusterJsonSchema()`. */
  readonly cluster: unknown;
  /** `@sugarkube/cluster`'s `pinsJsonSchema()`. */
  readonly pins: unknown;
}

/**
 * The field references under `docs/`: one page per schema, a row per field with its path, type,
 * whether it is required and its description. Pure: the same schemas give the same bytes.
 */
export function fieldReferencePages(schemas: ReferenceSchemas): GeneratedFile[] {
  const page = (path: string, schema: unknown, title: string, intro: string): GeneratedFile => ({
    path,
    content: fieldReference(schema, { title, intro, command: regenerateCommand }),
  });
  return [
    page(
      'docs/app-descriptor.md',
      schemas.app,
      'sugarkube.yaml: the app descriptor',
      [
        "Every field of an app repo's `sugarkube.yaml` (or the descriptor typed in `.projenrc.ts`), from",
        "`@sugarkube/manifests`' JSON Schema (`@sugarkube/manifests/schema.json`, also `appJsonSchema()`).",
        'A `build` field names the runtimes it belongs to. Getting started: [app-repo.md](app-repo.md).',
      ].join('\n'),
    ),
    page(
      'docs/cluster-definition.md',
      schemas.cluster,
      'The cluster definition',
      [
        "Every field of a cluster repo's definition (the `definition` of `clusterModule` in `cluster.ts`),",
        "from `@sugarkube/cluster`'s `clusterJsonSchema()`. `apps[].app` is an app's own descriptor: see",
        '[app-descriptor.md](app-descriptor.md). Getting started: [cluster-repo.md](cluster-repo.md).',
      ].join('\n'),
    ),
    page(
      'docs/cluster-pins.md',
      schemas.pins,
      'sugarkube.pins.json: what runs where',
      [
        "The cluster repo's pins: `environment → app → service → { tag, digest? }`, from `@sugarkube/cluster`'s",
        '`pinsJsonSchema()`. Why the tags live here: [handoff.md](handoff.md).',
      ].join('\n'),
    ),
  ];
}

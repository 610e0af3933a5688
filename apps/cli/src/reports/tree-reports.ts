import { z } from 'zod';

/** A file the command adds, changes or removes in the tree. */
export const treeChangeSchema = z
  .object({
    path: z.string().describe('Relative to the output directory, `/`-separated.'),
    change: z.enum(['added', 'modified', 'removed']),
  })
  .strict();

/** A path synth refuses to overwrite: a file it did not write. */
export const treeConflictSchema = z.object({ path: z.string(), reason: z.string() }).strict();

const requestLine = z.object({ name: z.string(), cpuMillis: z.number(), memoryBytes: z.number() }).strict();

/** Objects per kind and requests against capacity, per environment (as the text summary prints them). */
export const clusterSummarySchema = z
  .object({
    environments: z.array(
      z
        .object({
          name: z.string(),
          objectsByKind: z.record(z.string(), z.number().int()),
          infra: z.array(requestLine),
          apps: z.array(requestLine),
          capacity: z
            .object({
              cpuMillis: z.number(),
              memoryBytes: z.number(),
              nodes: z.number().int(),
              description: z.string(),
            })
            .strict(),
        })
        .strict(),
    ),
  })
  .strict();

/** Flux's apply order per environment: Kustomization names. */
export const fluxOrderSchema = z.record(z.string(), z.array(z.string()));

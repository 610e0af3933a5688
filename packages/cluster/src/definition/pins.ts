import { z } from 'zod';
import { checkArguments, dnsLabel, imageDigest, imageTag, strictObject } from '@sugarkube/core';

/** One service's image in one environment: the tag, and for a promotion also its digest. */
export const pinSchema = strictObject({
  tag: imageTag.describe(
    'An immutable tag: a release "vX.Y.Z" or a commit-named build tag ("main-1767225600-5ca96df"); moving tags (edge, latest, main) are refused.',
  ),
  digest: imageDigest
    .describe(
      'The digest the tag resolved to when it was pinned (the multi-arch index): the cluster then runs exactly that image. Prod pins carry one (`sugarkube promote` writes both).',
    )
    .optional(),
});

/**
 * What runs where: `environment → app → service → {tag, digest?}`. This is the cluster
 * repo's data (`sugarkube.pins.json`), changed by reviewed commits: `sugarkube promote`
 * writes prod's, and an environment that follows builds starts from its pin until Flux
 * image automation moves the tag in the synthesized tree. Never in a published library.
 */
export const pinsSchema = z.record(
  dnsLabel.meta({ title: 'environment' }),
  z.record(dnsLabel.meta({ title: 'app' }), z.record(dnsLabel.meta({ title: 'service' }), pinSchema)),
);

export type Pin = z.output<typeof pinSchema>;
export type Pins = z.output<typeof pinsSchema>;
/** The pins as written in the file. */
export type PinsInput = z.input<typeof pinsSchema>;

// Built once: zod constructs and compiles a schema on its first parse, which per call cost
// more than the check (docs/benchmarks.md, (c)).
const nameArguments = {
  environment: z.string({ error: 'an environment name' }),
  app: z.string({ error: 'an app name' }),
  service: z.string({ error: 'a service name' }),
};

/** The pin of one service in one environment, if any. */
export function pinOf(pins: Pins, environment: string, app: string, service: string): Pin | undefined {
  checkArguments('pinOf arguments', [
    [['pins'], pinsSchema, pins],
    [['environment'], nameArguments.environment, environment],
    [['app'], nameArguments.app, app],
    [['service'], nameArguments.service, service],
  ]);
  return lookup(pins, environment, app, service);
}

/** {@link pinOf} on pins already checked. */
export function lookup(pins: Pins, environment: string, app: string, service: string): Pin | undefined {
  return pins[environment]?.[app]?.[service];
}

/** A copy of `pins` with one pin set (keys kept sorted, so the file diffs cleanly). */
export function withPin(pins: Pins, environment: string, app: string, service: string, pin: Pin): Pins {
  checkArguments('withPin arguments', [
    [['pins'], pinsSchema, pins],
    [['environment'], dnsLabel, environment],
    [['app'], dnsLabel, app],
    [['service'], dnsLabel, service],
    [['pin'], pinSchema, pin],
  ]);
  const next: Pins = structuredClone(pins);
  next[environment] = { ...next[environment], [app]: { ...next[environment]?.[app], [service]: pin } };
  return sortPins(next);
}

/** Environments, apps and services in code-point order. */
export function sortPins(pins: Pins): Pins {
  const sorted = <T>(record: Record<string, T>) =>
    Object.fromEntries(Object.entries(record).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  return sorted(
    Object.fromEntries(
      Object.entries(pins).map(([env, apps]) => [
        env,
        sorted(Object.fromEntries(Object.entries(apps).map(([app, services]) => [app, sorted(services)]))),
      ]),
    ),
  );
}

/** The pins file's bytes: two-space JSON, sorted, one trailing newline. */
export function renderPins(pins: Pins): string {
  checkArguments('renderPins argument', [[[], pinsSchema, pins]]);
  return `${JSON.stringify(sortPins(pins), null, 2)}\n`;
}

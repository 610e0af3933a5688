import { z } from 'zod';
import { branchName, dnsLabel, strictObject } from '@sugarkube/core';
import { serviceSchema } from './service-schema.js';
import { routeSchema, routingSchema } from './route-schema.js';
import { configMapsSchema, sealedSecretsSchema, sopsSecretsSchema } from './secret-schema.js';
import { environmentSchema } from './environment-schema.js';

/**
 * The app descriptor: the single source of the TypeScript types, the runtime
 * validation and the published JSON Schema (`@sugarkube/manifests/schema.json`).
 */
export const appDescriptorSchema = strictObject({
  /** JSON Schema reference for editors; ignored. */
  $schema: z.string().optional(),
  /** The app slug: namespace, release and label value. */
  name: dnsLabel.describe('The app slug: namespace, release name and label value, e.g. "tokenplace".'),
  /** @default `name` */
  namespace: dnsLabel.describe('Namespace of every object. Default: the name.').optional(),
  /** @default "main" */
  defaultBranch: branchName
    .describe(
      'The branch whose builds staging follows: the workflow tags them `<branch>-<unix-ts>-<sha7>`. Default: main.',
    )
    .optional(),
  services: z
    .array(serviceSchema, { error: 'a list of services' })
    .min(1, { error: 'at least one service' })
    .describe('The workloads: one Deployment and Service each.'),
  routes: z
    .array(routeSchema)
    .describe('Public HTTP(S) routes: a host per environment, paths to services, TLS.')
    .optional(),
  routing: routingSchema.describe('Gateway API HTTPRoute (default) and/or Ingress.').optional(),
  configMaps: configMapsSchema.describe('ConfigMaps in every environment: name → {key: value}.').optional(),
  sealedSecrets: sealedSecretsSchema
    .describe('SealedSecrets (kubeseal ciphertext only; plaintext is refused).')
    .optional(),
  sopsSecrets: sopsSecretsSchema.describe('Secrets encrypted with SOPS, decrypted by Flux.').optional(),
  /** @default { staging: {}, prod: {} } */
  environments: z
    .record(dnsLabel, environmentSchema)
    .refine((environments) => Object.keys(environments).length > 0, {
      error: 'at least one environment (leave environments out for staging and prod)',
    })
    .meta({
      description: 'Environments (clusters) and their overrides. Default: {staging: {}, prod: {}}.',
      minProperties: 1,
    })
    .optional(),
});

/** Readonly all the way down, so `as const` descriptors are accepted. */
export type DeepReadonly<T> = T extends (infer U)[]
  ? readonly DeepReadonly<U>[]
  : T extends object
    ? { readonly [K in keyof T]: DeepReadonly<T[K]> }
    : T;

/** The descriptor as written by hand (TypeScript or sugarkube.yaml). */
export type AppDescriptor = DeepReadonly<z.input<typeof appDescriptorSchema>>;
/** The descriptor after validation. */
export type ValidatedAppDescriptor = z.output<typeof appDescriptorSchema>;
export type ServiceDescriptor = ValidatedAppDescriptor['services'][number];
export type RouteDescriptor = NonNullable<ValidatedAppDescriptor['routes']>[number];
export type EnvironmentDescriptor = NonNullable<ValidatedAppDescriptor['environments']>[string];
export type ServiceOverride = NonNullable<EnvironmentDescriptor['services']>[string];
export type ProbeDescriptor = NonNullable<NonNullable<ServiceDescriptor['probes']>['readiness']>;
export type AuxContainerDescriptor = NonNullable<ServiceDescriptor['sidecars']>[number];
export type EnvValue = NonNullable<ServiceDescriptor['env']>[string];
export type PatchDescriptor = NonNullable<EnvironmentDescriptor['patches']>[number];

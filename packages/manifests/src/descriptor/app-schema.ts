import { z } from 'zod';
import { dnsLabel, strictObject } from './fields.js';
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
  name: dnsLabel,
  /** @default `name` */
  namespace: dnsLabel.optional(),
  services: z.array(serviceSchema, { error: 'a list of services' }).min(1, { error: 'at least one service' }),
  routes: z.array(routeSchema).optional(),
  routing: routingSchema.optional(),
  configMaps: configMapsSchema.optional(),
  sealedSecrets: sealedSecretsSchema.optional(),
  sopsSecrets: sopsSecretsSchema.optional(),
  /** @default { staging: {}, prod: {} } */
  environments: z.record(dnsLabel, environmentSchema).optional(),
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

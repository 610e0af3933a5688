import { z } from 'zod';
import { dnsLabel, hostname, imageDigest, imageTag, intIn, objectName, strictObject } from '@sugarkube/core';
import { envSchema, resourcesSchema } from './container-schema.js';
import { hpaSchema } from './service-schema.js';
import { configMapsSchema, sealedSecretsSchema, sopsSecretsSchema } from './secret-schema.js';
import { extraObjectSchema, patchSchema } from './escape-hatch-schema.js';

/** The Flux ImagePolicy whose setter marker moves this environment's tag. */
export const imagePolicyRefSchema = strictObject({
  /** @default "<app>-<service>" */
  name: objectName.optional(),
  /** @default "flux-system" */
  namespace: dnsLabel.optional(),
});

/** Per-service settings for one environment. */
export const serviceOverrideSchema = strictObject({
  replicas: intIn(0, 100).optional(),
  resources: resourcesSchema.optional(),
  hpa: z.union([hpaSchema, z.literal(false)], { error: '{minReplicas, maxReplicas, cpuUtilization?} or false' }).optional(),
  env: envSchema.optional(),
  image: strictObject({
    tag: imageTag.optional(),
    digest: imageDigest.optional(),
    /** `true` (the default for "staging"): follow the newest build through Flux image automation. */
    policy: z.union([z.boolean(), imagePolicyRefSchema], { error: 'true, false or {name?, namespace?}' }).optional(),
  }).optional(),
});

/** One environment (cluster): overrides of the descriptor plus environment-only objects. */
export const environmentSchema = strictObject({
  ...serviceOverrideSchema.shape,
  /** Host of the first route in this environment. @default from the route's `apex` */
  host: hostname.describe('Host of the first route in this environment.').optional(),
  routeClass: z.enum(['gateway', 'ingress', 'both']).optional(),
  ingressClassName: objectName.optional(),
  tlsIssuer: z.union([objectName, z.literal(false)], { error: 'a ClusterIssuer name or false' }).optional(),
  /** Overrides per service name; they win over the environment-wide fields above. */
  services: z.record(dnsLabel, serviceOverrideSchema).optional(),
  configMaps: configMapsSchema.optional(),
  sealedSecrets: sealedSecretsSchema.optional(),
  sopsSecrets: sopsSecretsSchema.optional(),
  extraObjects: z.array(extraObjectSchema).describe('Escape hatch: extra Kubernetes objects for this environment.').optional(),
  patches: z.array(patchSchema).describe('Escape hatch: JSON 6902 or strategic-merge patches of planned objects.').optional(),
});

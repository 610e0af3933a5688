import { z } from 'zod';
import { dnsLabel, hostname, imageDigest, imageTag, intIn, objectName, strictObject } from '@sugarkube/core';
import { envSchema, resourcesSchema } from './container-schema.js';
import { hpaSchema } from './service-schema.js';
import { configMapsSchema, sealedSecretsSchema, sopsSecretsSchema } from './secret-schema.js';
import { extraObjectSchema, patchSchema } from './escape-hatch-schema.js';

/** The Flux ImagePolicy whose setter marker moves this environment's tag. */
export const imagePolicyRefSchema = strictObject({
  name: objectName.describe('The ImagePolicy name. Default "<app>-<service>".').optional(),
  namespace: dnsLabel.describe('Its namespace. Default "flux-system".').optional(),
});

/** Per-service settings for one environment. */
export const serviceOverrideSchema = strictObject({
  replicas: intIn(0, 100).describe('Replicas in this environment.').optional(),
  resources: resourcesSchema.describe('Requests and limits in this environment.').optional(),
  hpa: z
    .union([hpaSchema, z.literal(false)], { error: '{minReplicas, maxReplicas, cpuUtilization?} or false' })
    .describe('Autoscaling in this environment, or false for none.')
    .optional(),
  env: envSchema.describe('Environment variables added (or replaced) in this environment.').optional(),
  image: strictObject({
    tag: imageTag
      .describe(
        "A tag this environment runs whatever the cluster pins (an app repo deployed without a cluster repo). Default: none, the cluster's pin.",
      )
      .optional(),
    digest: imageDigest.describe('The digest that goes with the tag. Default: none.').optional(),
    policy: z
      .union([z.boolean(), imagePolicyRefSchema], { error: 'true, false or {name?, namespace?}' })
      .describe(
        'Follow the newest build through Flux image automation (setter markers). Default: true for "staging", false elsewhere.',
      )
      .optional(),
  })
    .describe('Which image this environment runs.')
    .optional(),
});

/** One environment (cluster): overrides of the descriptor plus environment-only objects. */
export const environmentSchema = strictObject({
  ...serviceOverrideSchema.shape,
  host: hostname.describe("Host of the first route in this environment. Default: from the route's apex.").optional(),
  routeClass: z
    .enum(['gateway', 'ingress', 'both'])
    .describe("Routing in this environment. Default: the app's routing.class.")
    .optional(),
  ingressClassName: objectName.describe("The IngressClass in this environment. Default: the app's.").optional(),
  tlsIssuer: z
    .union([objectName, z.literal(false)], { error: 'a ClusterIssuer name or false' })
    .describe("The ClusterIssuer of this environment's certificates, or false for no TLS. Default: the route's.")
    .optional(),
  services: z
    .record(dnsLabel, serviceOverrideSchema)
    .describe('Overrides per service name; they win over the environment-wide fields.')
    .optional(),
  configMaps: configMapsSchema
    .describe("ConfigMaps of this environment (e.g. its build-info.json), merged over the app's.")
    .optional(),
  sealedSecrets: sealedSecretsSchema.describe("SealedSecrets sealed for this environment's cluster.").optional(),
  sopsSecrets: sopsSecretsSchema.describe('SOPS-encrypted Secrets of this environment.').optional(),
  extraObjects: z
    .array(extraObjectSchema)
    .describe('Escape hatch: extra Kubernetes objects for this environment.')
    .optional(),
  patches: z
    .array(patchSchema)
    .describe('Escape hatch: JSON 6902 or strategic-merge patches of planned objects.')
    .optional(),
});

import { appBuildSchema } from '@sugarkube/ci-workflows';
import { z } from 'zod';
import {
  runtimeNames,
  cidr, dnsLabel, duration, envName, imageRepository, imageTag, intIn, labelValue, objectName, port, storageQuantity,
  strictObject, stringList,
} from '@sugarkube/core';
import { auxContainerSchema, envSchema, fileMountSchema, resourcesSchema, writablePathSchema } from './container-schema.js';
import { probesSchema } from './probe-schema.js';


/** A persistent volume claim mounted into the service. */
export const volumeSchema = strictObject({
  name: dnsLabel,
  mountPath: z.string().regex(/^\/[A-Za-z0-9._~\-/]*$/, { error: 'an absolute path such as "/data"' }),
  size: storageQuantity,
  /** @default "longhorn" */
  storageClass: z.enum(['longhorn', 'local-path']).optional(),
  /** @default "ReadWriteOnce" */
  accessMode: z.enum(['ReadWriteOnce', 'ReadWriteMany']).optional(),
});

/** A metrics endpoint protected by a bearer token, scraped by kube-prometheus-stack. */
export const metricsSchema = strictObject({
  /** @default "/metrics" */
  path: z.string().regex(/^\//, { error: 'an HTTP path such as "/metrics"' }).optional(),
  /** @default the service port */
  port: port.optional(),
  /** The Secret (sealed, in the app namespace) holding the bearer token. */
  tokenSecret: strictObject({
    name: objectName,
    /** @default "token" */
    key: z.string().optional(),
  }),
  /** Also pass the token to the app in this environment variable. @default none */
  tokenEnv: envName.optional(),
  /** @default "30s" */
  interval: duration.optional(),
});

/** Horizontal autoscaling on CPU utilisation. */
export const hpaSchema = strictObject({
  minReplicas: intIn(1, 100),
  maxReplicas: intIn(1, 100),
  /** @default 70 */
  cpuUtilization: intIn(1, 100).optional(),
});

/** One allowed egress destination (all other egress but DNS is denied). */
export const egressRuleSchema = strictObject({
  cidr: cidr.optional(),
  except: z.array(cidr).optional(),
  namespace: dnsLabel.optional(),
  podLabels: z.record(z.string(), labelValue).optional(),
  ports: z.array(strictObject({ port, protocol: z.enum(['TCP', 'UDP']).optional() }), { error: 'a list of {port, protocol?}' }),
});

/** One workload of the app: a Deployment and its Service. */
export const serviceSchema = strictObject({
  name: dnsLabel,
  runtime: z.enum(runtimeNames).describe('How the image is built and served: sets the user, writable paths, resources and base image.'),
  build: appBuildSchema
    .describe("How the image is built (the Dockerfile's inputs): the fields of the service's runtime. Default: the runtime's defaults.")
    .optional(),
  image: strictObject({
    repository: imageRepository.describe('Image without tag, e.g. "ghcr.io/owner/image".'),
    /** @default "edge" (image automation or a promotion replaces it per environment) */
    tag: imageTag.optional(),
  }),
  /** The port the container listens on. */
  port: port.describe('The port the container listens on.'),
  /** @default `port` */
  servicePort: port.describe('Port of the Service. Default: port.').optional(),
  command: stringList.optional(),
  args: stringList.optional(),
  /** @default per runtime: 101 for static-nginx, 1000 otherwise */
  runAsUser: intIn(1, 2147483647, 'a non-root numeric user id 1-2147483647').optional(),
  probes: probesSchema.optional(),
  env: envSchema.optional(),
  writablePaths: z.array(writablePathSchema).describe('Writable directories (emptyDir); the root filesystem is read-only.').optional(),
  files: z.array(fileMountSchema).optional(),
  volumes: z.array(volumeSchema).describe('Persistent volumes (PVC, never pruned by Flux).').optional(),
  initContainers: z.array(auxContainerSchema).optional(),
  sidecars: z.array(auxContainerSchema).optional(),
  metrics: metricsSchema.describe('A bearer-token protected metrics endpoint and its ServiceMonitor.').optional(),
  resources: resourcesSchema.optional(),
  /** @default 1 */
  replicas: intIn(0, 100).describe('Default 1. More than one adds topology spread and a PodDisruptionBudget.').optional(),
  /** @default "Recreate" with a ReadWriteOnce volume, otherwise "RollingUpdate" */
  strategy: z.enum(['Recreate', 'RollingUpdate']).describe('Default: Recreate with a ReadWriteOnce volume, else RollingUpdate.').optional(),
  hpa: hpaSchema.optional(),
  egress: z.array(egressRuleSchema).describe('Allowed egress besides DNS (everything else is denied).').optional(),
});

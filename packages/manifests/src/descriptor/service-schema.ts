import { appBuildSchema } from '@sugarkube/ci-workflows';
import { z } from 'zod';
import {
  runtimeNames,
  cidr,
  dnsLabel,
  duration,
  envName,
  imageRepository,
  imageTag,
  intIn,
  labelValue,
  objectName,
  port,
  storageQuantity,
  strictObject,
  stringList,
} from '@sugarkube/core';
import {
  auxContainerSchema,
  envSchema,
  fileMountSchema,
  resourcesSchema,
  writablePathSchema,
} from './container-schema.js';
import { probesSchema } from './probe-schema.js';

/** A persistent volume claim mounted into the service. */
export const volumeSchema = strictObject({
  name: dnsLabel.describe('The volume (and PVC) name.'),
  mountPath: z
    .string()
    .regex(/^\/[A-Za-z0-9._~\-/]*$/, { error: 'an absolute path such as "/data"' })
    .describe('Where it is mounted, e.g. "/data".'),
  size: storageQuantity.describe('The claimed size, e.g. "1Gi".'),
  storageClass: z.enum(['longhorn', 'local-path']).describe('Default "longhorn".').optional(),
  accessMode: z
    .enum(['ReadWriteOnce', 'ReadWriteMany'])
    .describe('Default "ReadWriteOnce" (the Deployment then uses Recreate).')
    .optional(),
});

/** A metrics endpoint protected by a bearer token, scraped by kube-prometheus-stack. */
export const metricsSchema = strictObject({
  path: z
    .string()
    .regex(/^\//, { error: 'an HTTP path such as "/metrics"' })
    .describe('Default "/metrics".')
    .optional(),
  port: port.describe("Default: the service's port.").optional(),
  tokenSecret: strictObject({
    name: objectName.describe('The Secret name.'),
    key: z.string().describe('The key holding the token. Default "token".').optional(),
  }).describe('The Secret (sealed, in the app namespace) holding the bearer token Prometheus sends.'),
  tokenEnv: envName.describe('Also pass the token to the app in this environment variable. Default: none.').optional(),
  interval: duration.describe('Scrape interval. Default "30s".').optional(),
});

/** Horizontal autoscaling on CPU utilisation. */
export const hpaSchema = strictObject({
  minReplicas: intIn(1, 100).describe('Fewest replicas.'),
  maxReplicas: intIn(1, 100).describe('Most replicas.'),
  cpuUtilization: intIn(1, 100).describe('Target CPU utilisation, percent of the request. Default 70.').optional(),
});

/** One allowed egress destination (all other egress but DNS is denied). */
export const egressRuleSchema = strictObject({
  cidr: cidr.describe('Destination addresses, e.g. "0.0.0.0/0".').optional(),
  except: z.array(cidr).describe('Addresses excluded from cidr, e.g. the private ranges.').optional(),
  namespace: dnsLabel.describe('Or: pods in this namespace.').optional(),
  podLabels: z
    .record(z.string(), labelValue)
    .describe("Pods with these labels (in namespace, or the app's own).")
    .optional(),
  ports: z
    .array(
      strictObject({
        port: port.describe('The destination port.'),
        protocol: z.enum(['TCP', 'UDP']).describe('Default "TCP".').optional(),
      }),
      { error: 'a list of {port, protocol?}' },
    )
    .describe('The allowed ports.'),
});

/** One workload of the app: a Deployment and its Service. */
export const serviceSchema = strictObject({
  name: dnsLabel.describe('The service name: Deployment, Service and container, e.g. "web".'),
  runtime: z
    .enum(runtimeNames)
    .describe('How the image is built and served: sets the user, writable paths, resources and base image.'),
  build: appBuildSchema
    .describe(
      "How the image is built (the Dockerfile's inputs): the fields of the service's runtime. Default: the runtime's defaults.",
    )
    .optional(),
  image: strictObject({
    repository: imageRepository.describe(
      'Image without tag, e.g. "ghcr.io/owner/image": what the workflow pushes and the Deployment runs.',
    ),
    tag: imageTag
      .describe(
        "A tag every environment runs whatever the cluster pins. Default: none: the cluster repo's pins (and staging's image automation) set it.",
      )
      .optional(),
  }).describe('The image the build pushes and the pod runs.'),
  /** The port the container listens on. */
  port: port.describe('The port the container listens on.'),
  /** @default `port` */
  servicePort: port.describe('Port of the Service. Default: port.').optional(),
  command: stringList.describe("The container's command (exec form). Default: the image's.").optional(),
  args: stringList.describe("Arguments. Default: the image's.").optional(),
  runAsUser: intIn(1, 2147483647, 'a non-root numeric user id 1-2147483647')
    .describe("The numeric user the pod runs as. Default: the runtime table's (the image's USER).")
    .optional(),
  probes: probesSchema
    .describe('Readiness, liveness and startup probes; the smoke workflow curls the HTTP ones.')
    .optional(),
  env: envSchema.optional(),
  writablePaths: z
    .array(writablePathSchema)
    .describe('Writable directories (emptyDir); the root filesystem is read-only.')
    .optional(),
  files: z.array(fileMountSchema).describe('ConfigMaps or Secrets mounted read-only as files.').optional(),
  volumes: z.array(volumeSchema).describe('Persistent volumes (PVC, never pruned by Flux).').optional(),
  initContainers: z
    .array(auxContainerSchema)
    .describe('Init containers, under the same restricted security context (e.g. seeding a writable path).')
    .optional(),
  sidecars: z.array(auxContainerSchema).describe('Sidecars, under the same restricted security context.').optional(),
  metrics: metricsSchema.describe('A bearer-token protected metrics endpoint and its ServiceMonitor.').optional(),
  resources: resourcesSchema.describe("Requests and memory limit. Default: the runtime table's.").optional(),
  /** @default 1 */
  replicas: intIn(0, 100)
    .describe('Default 1. More than one adds topology spread and a PodDisruptionBudget.')
    .optional(),
  /** @default "Recreate" with a ReadWriteOnce volume, otherwise "RollingUpdate" */
  strategy: z
    .enum(['Recreate', 'RollingUpdate'])
    .describe('Default: Recreate with a ReadWriteOnce volume, else RollingUpdate.')
    .optional(),
  hpa: hpaSchema.describe('Horizontal autoscaling on CPU. Default: none.').optional(),
  egress: z.array(egressRuleSchema).describe('Allowed egress besides DNS (everything else is denied).').optional(),
});

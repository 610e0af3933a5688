import { z } from 'zod';
import {
  absolutePath,
  cpuQuantity,
  dnsLabel,
  envName,
  imageReference,
  intIn,
  memoryQuantity,
  objectName,
  port,
  strictObject,
  stringList,
} from '@sugarkube/core';
import { probesSchema } from './probe-schema.js';

/** An environment value: a literal, or a key of a ConfigMap or (sealed) Secret. */
export const envValueSchema = z.union(
  [
    z.string(),
    z.number(),
    z.boolean(),
    strictObject({
      configMap: objectName.describe('A ConfigMap of the app.'),
      key: z.string({ error: 'a key name' }).describe('The key in the ConfigMap or Secret.'),
    }),
    strictObject({
      secret: objectName.describe('A (sealed) Secret of the app.'),
      key: z.string({ error: 'a key name' }).describe('The key in the ConfigMap or Secret.'),
    }),
    strictObject({
      field: z
        .enum(['metadata.name', 'metadata.namespace', 'status.podIP', 'spec.nodeName'])
        .describe('A field of the pod (the downward API).'),
    }),
  ],
  { error: 'a string, or {configMap, key}, {secret, key} or {field}' },
);
export const envSchema = z
  .record(envName, envValueSchema, { error: 'a map of NAME: value' })
  .describe('Environment variables: a literal value, or {configMap, key}, {secret, key} or {field}.');

/**
 * Resources sized for Raspberry Pi nodes: a CPU request, a memory request and
 * limit, and no CPU limit unless asked for (CPU limits throttle).
 */
export const resourcesSchema = strictObject({
  cpu: cpuQuantity.describe('CPU request. Default: the runtime\'s, e.g. "100m".').optional(),
  memory: memoryQuantity.describe('Memory request. Default: the runtime\'s, e.g. "256Mi".').optional(),
  memoryLimit: memoryQuantity.describe('Memory limit. Default: equal to memory.').optional(),
  cpuLimit: cpuQuantity
    .describe('CPU limit. Default: none (throttling hurts latency more than it protects neighbours).')
    .optional(),
});

/** A path the container may write: an emptyDir, since the root filesystem is read-only. */
export const writablePathSchema = z.union(
  [
    absolutePath,
    strictObject({
      path: absolutePath.describe('The directory, e.g. "/var/cache/nginx".'),
      name: dnsLabel
        .describe(
          'The volume name (init containers mount it by this name). Default: the path as a DNS label, e.g. "var-cache-nginx".',
        )
        .optional(),
      sizeLimit: memoryQuantity.describe('The emptyDir size limit, e.g. "64Mi". Default: none.').optional(),
      medium: z.enum(['Memory']).describe('"Memory" for a tmpfs emptyDir. Default: disk.').optional(),
    }),
  ],
  { error: 'an absolute path such as "/tmp" or {path, name?, sizeLimit?, medium?}' },
);

/** A ConfigMap or Secret mounted read-only as files. */
export const fileMountSchema = strictObject({
  name: dnsLabel.describe('The volume name (init containers mount it by this name).'),
  mountPath: absolutePath.describe('Where the files appear, e.g. "/etc/app".'),
  configMap: objectName.describe('The ConfigMap whose keys become files (one of configMap, secret).').optional(),
  secret: objectName.describe('The (sealed) Secret whose keys become files (one of configMap, secret).').optional(),
});

/** A volume mount of an auxiliary container, naming a volume of its service. */
export const mountSchema = strictObject({
  volume: dnsLabel.describe("A volume of the service: a writable path's, a file mount's or a volume's name."),
  mountPath: absolutePath.describe('Where it is mounted in this container.'),
  readOnly: z.boolean().describe('Mount read-only. Default false.').optional(),
});

/** An init container or sidecar; it runs under the same restricted security context. */
export const auxContainerSchema = strictObject({
  name: dnsLabel.describe('The container name.'),
  image: imageReference.describe("The image. Default: the service's own image (and tag).").optional(),
  command: stringList.describe('The command (exec form).').optional(),
  args: stringList.describe('Arguments.').optional(),
  env: envSchema.describe('Environment: literal values or ConfigMap/Secret keys.').optional(),
  mounts: z.array(mountSchema).describe('Volumes of the service it mounts.').optional(),
  resources: resourcesSchema.describe('Requests and limits. Default: 50m CPU, 64Mi memory.').optional(),
  runAsUser: intIn(1, 2147483647, 'a non-root numeric user id 1-2147483647')
    .describe("The numeric user. Default: the service's.")
    .optional(),
  port: port.describe('Sidecars only: a port to expose on the pod.').optional(),
  probes: probesSchema.describe('Sidecars only. Default: none for a sidecar without a port.').optional(),
});

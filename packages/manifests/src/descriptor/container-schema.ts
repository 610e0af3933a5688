import { z } from 'zod';
import {
  absolutePath, cpuQuantity, dnsLabel, envName, imageReference, intIn, memoryQuantity, objectName, port,
  strictObject, stringList,
} from '@sugarkube/core';
import { probesSchema } from './probe-schema.js';

/** An environment value: a literal, or a key of a ConfigMap or (sealed) Secret. */
export const envValueSchema = z.union(
  [
    z.string(),
    z.number(),
    z.boolean(),
    strictObject({ configMap: objectName, key: z.string({ error: 'a key name' }) }),
    strictObject({ secret: objectName, key: z.string({ error: 'a key name' }) }),
    strictObject({ field: z.enum(['metadata.name', 'metadata.namespace', 'status.podIP', 'spec.nodeName']) }),
  ],
  { error: 'a string, or {configMap, key}, {secret, key} or {field}' },
);
export const envSchema = z.record(envName, envValueSchema, { error: 'a map of NAME: value' });

/**
 * Resources sized for Raspberry Pi nodes: a CPU request, a memory request and
 * limit, and no CPU limit unless asked for (CPU limits throttle).
 */
export const resourcesSchema = strictObject({
  /** @default per runtime, e.g. "100m" */
  cpu: cpuQuantity.optional(),
  /** @default per runtime, e.g. "256Mi" */
  memory: memoryQuantity.optional(),
  /** @default equal to `memory` */
  memoryLimit: memoryQuantity.optional(),
  /** @default none (throttling hurts latency more than it protects neighbours) */
  cpuLimit: cpuQuantity.optional(),
});

/** A path the container may write: an emptyDir, since the root filesystem is read-only. */
export const writablePathSchema = z.union(
  [
    absolutePath,
    strictObject({
      path: absolutePath,
      /** @default the path as a DNS label, e.g. "/var/cache/nginx" → "var-cache-nginx" */
      name: dnsLabel.optional(),
      sizeLimit: memoryQuantity.optional(),
      /** @default disk */
      medium: z.enum(['Memory']).optional(),
    }),
  ],
  { error: 'an absolute path such as "/tmp" or {path, name?, sizeLimit?, medium?}' },
);

/** A ConfigMap or Secret mounted read-only as files. */
export const fileMountSchema = strictObject({
  name: dnsLabel,
  mountPath: absolutePath,
  configMap: objectName.optional(),
  secret: objectName.optional(),
});

/** A volume mount of an auxiliary container, naming a volume of its service. */
export const mountSchema = strictObject({
  volume: dnsLabel,
  mountPath: absolutePath,
  /** @default false */
  readOnly: z.boolean().optional(),
});

/** An init container or sidecar; it runs under the same restricted security context. */
export const auxContainerSchema = strictObject({
  name: dnsLabel,
  /** @default the service's image */
  image: imageReference.optional(),
  command: stringList.optional(),
  args: stringList.optional(),
  env: envSchema.optional(),
  mounts: z.array(mountSchema).optional(),
  resources: resourcesSchema.optional(),
  /** @default the service's user */
  runAsUser: intIn(1, 2147483647, 'a non-root numeric user id 1-2147483647').optional(),
  /** Sidecars only: a port to expose on the pod. */
  port: port.optional(),
  /** Sidecars only. @default none for sidecars without a port */
  probes: probesSchema.optional(),
});

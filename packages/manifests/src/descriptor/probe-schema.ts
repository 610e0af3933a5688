import { z } from 'zod';
import { httpPath, intIn, port, strictObject, stringList } from '@sugarkube/core';

/**
 * A probe: an HTTP GET on `path` (the usual case), a command (`exec`) or a TCP
 * connect (`tcpPort`). Exactly one of the three; a bare string is a path.
 * @see https://kubernetes.io/docs/concepts/configuration/liveness-readiness-startup-probes/
 */
export const probeObjectSchema = strictObject({
  path: httpPath.optional(),
  /** @default the container's port */
  port: port.optional(),
  exec: stringList.min(1, { error: 'a non-empty list of strings' }).optional(),
  tcpPort: port.optional(),
  initialDelaySeconds: intIn(0, 3600).optional(),
  periodSeconds: intIn(1, 3600).optional(),
  timeoutSeconds: intIn(1, 3600).optional(),
  failureThreshold: intIn(1, 100).optional(),
});

export const probeSchema = z.union([httpPath, probeObjectSchema], {
  error: 'an HTTP path such as "/healthz" or a probe object {path|exec|tcpPort, …}',
});

/** Readiness, liveness and startup probes; readiness and liveness default to `/healthz` and `/livez`. */
export const probesSchema = strictObject({
  /** @default "/healthz" */
  readiness: probeSchema.optional(),
  /** @default "/livez" */
  liveness: probeSchema.optional(),
  /** @default none */
  startup: probeSchema.optional(),
});

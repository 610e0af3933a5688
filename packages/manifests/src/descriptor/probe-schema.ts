import { z } from 'zod';
import { httpPath, intIn, port, strictObject, stringList } from '@sugarkube/core';

/**
 * A probe: an HTTP GET on `path` (the usual case), a command (`exec`) or a TCP
 * connect (`tcpPort`). Exactly one of the three; a bare string is a path.
 * @see https://kubernetes.io/docs/concepts/configuration/liveness-readiness-startup-probes/
 */
export const probeObjectSchema = strictObject({
  path: httpPath.describe('HTTP GET on this path, e.g. "/healthz".').optional(),
  port: port.describe("The port of the HTTP GET. Default: the container's port.").optional(),
  exec: stringList
    .min(1, { error: 'a non-empty list of strings' })
    .describe('A command run in the container instead (exit 0 = healthy).')
    .optional(),
  tcpPort: port.describe('A TCP connect to this port instead.').optional(),
  initialDelaySeconds: intIn(0, 3600).describe('Seconds before the first probe. Default 0.').optional(),
  periodSeconds: intIn(1, 3600).describe('Seconds between probes. Default 10.').optional(),
  timeoutSeconds: intIn(1, 3600).describe('Seconds a probe may take. Default 3.').optional(),
  failureThreshold: intIn(1, 100).describe('Failures in a row before the probe fails. Default 3.').optional(),
});

export const probeSchema = z.union([httpPath, probeObjectSchema], {
  error: 'an HTTP path such as "/healthz" or a probe object {path|exec|tcpPort, …}',
});

/** Readiness, liveness and startup probes; readiness and liveness default to `/healthz` and `/livez`. */
export const probesSchema = strictObject({
  readiness: probeSchema
    .describe('When the pod gets traffic: an HTTP path or a probe object. Default "/healthz".')
    .optional(),
  liveness: probeSchema
    .describe('When the container is restarted: an HTTP path or a probe object. Default "/livez".')
    .optional(),
  startup: probeSchema
    .describe('Holds the other probes until the app has started (slow starters). Default: none.')
    .optional(),
});

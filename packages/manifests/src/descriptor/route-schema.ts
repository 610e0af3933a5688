import { z } from 'zod';
import { dnsLabel, hostname, httpPath, objectName, port, strictObject } from '@sugarkube/core';

/** One path of a route, sent to one service. */
export const routePathSchema = strictObject({
  /** @default "/" */
  path: httpPath.optional(),
  /** @default the first service */
  service: dnsLabel.optional(),
  /** @default the service port */
  port: port.optional(),
  /** @default "PathPrefix" */
  match: z.enum(['PathPrefix', 'Exact']).optional(),
});

/**
 * Public HTTP(S) exposure. Hosts come from `apex` (`staging.<apex>` for
 * staging, `<apex>` for prod, `<env>.<apex>` otherwise) or per environment from `hosts`.
 */
export const routeSchema = strictObject({
  /** @default "web" for the first route, "route-<n>" after */
  name: dnsLabel.optional(),
  apex: hostname.describe('Hosts staging.<apex> (staging), <apex> (prod), <env>.<apex> otherwise.').optional(),
  hosts: z.record(dnsLabel, hostname).describe('Host per environment name; wins over apex.').optional(),
  /** @default [{ path: "/" }] */
  paths: z.array(routePathSchema).optional(),
  /** A cert-manager ClusterIssuer; `false` for no TLS. @default "letsencrypt-production" */
  tls: z.union([strictObject({ issuer: objectName }), z.literal(false)], { error: '{issuer} or false' }).optional(),
});

/** Where routes attach: the cluster's Traefik Gateway and/or an Ingress class. */
export const routingSchema = strictObject({
  /** @default "gateway" */
  class: z.enum(['gateway', 'ingress', 'both']).optional(),
  /** @default { name: "traefik-gateway", namespace: "kube-system" } */
  gateway: strictObject({ name: objectName, namespace: dnsLabel, sectionName: dnsLabel.optional() }).optional(),
  /** @default "traefik" */
  ingressClassName: objectName.optional(),
});

import { z } from 'zod';
import { dnsLabel, hostname, httpPath, objectName, port, strictObject } from '@sugarkube/core';

/** One path of a route, sent to one service. */
export const routePathSchema = strictObject({
  path: httpPath.describe('The path, e.g. "/api". Default "/".').optional(),
  service: dnsLabel.describe('The service it goes to. Default: the first service.').optional(),
  port: port.describe("The service port. Default: the service's.").optional(),
  match: z.enum(['PathPrefix', 'Exact']).describe('How the path matches. Default "PathPrefix".').optional(),
});

/**
 * Public HTTP(S) exposure. Hosts come from `apex` (`staging.<apex>` for
 * staging, `<apex>` for prod, `<env>.<apex>` otherwise) or per environment from `hosts`.
 */
export const routeSchema = strictObject({
  name: dnsLabel
    .describe('The route name (object names). Default "web" for the first route, "route-<n>" after.')
    .optional(),
  apex: hostname.describe('Hosts staging.<apex> (staging), <apex> (prod), <env>.<apex> otherwise.').optional(),
  hosts: z.record(dnsLabel, hostname).describe('Host per environment name; wins over apex.').optional(),
  paths: z.array(routePathSchema).describe('Paths and the services they go to. Default [{path: "/"}].').optional(),
  tls: z
    .union([strictObject({ issuer: objectName.describe('A cert-manager ClusterIssuer.') }), z.literal(false)], {
      error: '{issuer} or false',
    })
    .describe('TLS with a cert-manager certificate, or false for none. Default {issuer: "letsencrypt-production"}.')
    .optional(),
});

/** Where routes attach: the cluster's Traefik Gateway and/or an Ingress class. */
export const routingSchema = strictObject({
  class: z
    .enum(['gateway', 'ingress', 'both'])
    .describe('A Gateway API HTTPRoute, an Ingress, or both. Default "gateway" (ingress-nginx is retired).')
    .optional(),
  gateway: strictObject({
    name: objectName.describe('The Gateway.'),
    namespace: dnsLabel.describe("The Gateway's namespace."),
    sectionName: dnsLabel.describe('A listener of the Gateway. Default: every listener.').optional(),
  })
    .describe('The Gateway routes attach to. Default {name: "traefik-gateway", namespace: "kube-system"}.')
    .optional(),
  ingressClassName: objectName.describe('The IngressClass. Default "traefik".').optional(),
});

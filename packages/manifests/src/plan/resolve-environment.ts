import type { EnvironmentDescriptor, RouteDescriptor, ValidatedAppDescriptor } from '../descriptor/app-schema.js';
import { defaultEnvironments, defaultGateway, defaultIssuer } from '../descriptor/defaults.js';
import { issue, ValidationError } from '@sugarkube/core';
import { checkedDescriptor, environmentChoice } from '../validate/arguments.js';
import { resolveService, type ResolvedService } from './resolve-service.js';

/** A route with its host and TLS settled for one environment. */
export interface ResolvedRoute {
  readonly name: string;
  readonly host: string;
  readonly paths: readonly {
    readonly path: string;
    readonly service: string;
    readonly port: number;
    readonly match: 'PathPrefix' | 'Exact';
  }[];
  readonly tlsIssuer?: string;
}

/** Everything planning needs for one environment (or the Kustomize base). */
export interface ResolvedEnvironment {
  readonly app: ValidatedAppDescriptor;
  /** `undefined` for the base. */
  readonly name?: string;
  readonly namespace: string;
  readonly services: readonly ResolvedService[];
  readonly routes: readonly ResolvedRoute[];
  readonly routeClass: 'gateway' | 'ingress' | 'both';
  readonly gateway: { readonly name: string; readonly namespace: string; readonly sectionName?: string };
  readonly ingressClassName: string;
  readonly configMaps: Readonly<Record<string, Readonly<Record<string, string>>>>;
  readonly sealedSecrets: NonNullable<ValidatedAppDescriptor['sealedSecrets']>;
  readonly sopsSecrets: NonNullable<ValidatedAppDescriptor['sopsSecrets']>;
  readonly extraObjects: NonNullable<EnvironmentDescriptor['extraObjects']>;
  readonly patches: NonNullable<EnvironmentDescriptor['patches']>;
}

/** The host of a route in an environment: `hosts[env]`, the environment's `host` (first route), or from `apex`. */
export function routeHost(
  route: RouteDescriptor,
  index: number,
  envName: string,
  env: EnvironmentDescriptor,
): string | undefined {
  const fromApex = route.apex === undefined ? undefined : envName === 'prod' ? route.apex : `${envName}.${route.apex}`;
  return route.hosts?.[envName] ?? (index === 0 ? env.host : undefined) ?? fromApex;
}

/**
 * The environments of an app, defaulting to staging and prod.
 * @throws ValidationError when `app` is not a valid descriptor
 */
export function environmentsOf(app: ValidatedAppDescriptor): Record<string, EnvironmentDescriptor> {
  return checkedDescriptor(app, []).environments ?? defaultEnvironments();
}

/** The brand of a resolved environment (the planning functions take only these), across package copies. */
const resolvedBrand = Symbol.for('@sugarkube/manifests.ResolvedEnvironment');

/** True for a value `resolveEnvironment` returned. */
export function isResolvedEnvironment(value: unknown): value is ResolvedEnvironment {
  return typeof value === 'object' && value !== null && (value as Record<symbol, unknown>)[resolvedBrand] === true;
}

/**
 * Resolves one environment; `envName` undefined resolves the base (no routes, no environment objects).
 * @throws ValidationError at `app` (not a valid descriptor) or `environment` (not one of the app's)
 */
export function resolveEnvironment(descriptor: ValidatedAppDescriptor, envName?: string): ResolvedEnvironment {
  const app = checkedDescriptor(descriptor, ['app']);
  const environments = app.environments ?? defaultEnvironments();
  const env = typeof envName === 'string' && Object.hasOwn(environments, envName) ? environments[envName] : undefined;
  if (envName !== undefined && env === undefined) {
    throw new ValidationError('environment', [
      issue(['environment'], environmentChoice(Object.keys(environments)), envName),
    ]);
  }
  const services = app.services.map((service) => resolveService(app, service, envName, env));
  const routes: ResolvedRoute[] = [];
  if (envName !== undefined && env !== undefined) {
    (app.routes ?? []).forEach((route, index) => {
      const issuer = env.tlsIssuer ?? (route.tls === false ? false : (route.tls?.issuer ?? defaultIssuer));
      routes.push({
        name: route.name ?? (index === 0 ? 'web' : `route-${index}`),
        host: routeHost(route, index, envName, env) ?? '',
        paths: (route.paths ?? [{}]).map((p) => {
          const service = services.find((s) => s.name === (p.service ?? services[0]!.name)) ?? services[0]!;
          return {
            path: p.path ?? '/',
            service: service.name,
            port: p.port ?? service.servicePort,
            match: p.match ?? 'PathPrefix',
          };
        }),
        ...(issuer === false ? {} : { tlsIssuer: issuer }),
      });
    });
  }
  const result: ResolvedEnvironment = {
    app,
    ...(envName === undefined ? {} : { name: envName }),
    namespace: app.namespace ?? app.name,
    services,
    routes,
    routeClass: env?.routeClass ?? app.routing?.class ?? 'gateway',
    gateway: app.routing?.gateway ?? defaultGateway,
    ingressClassName: env?.ingressClassName ?? app.routing?.ingressClassName ?? 'traefik',
    configMaps: { ...app.configMaps, ...env?.configMaps },
    sealedSecrets: { ...app.sealedSecrets, ...env?.sealedSecrets },
    sopsSecrets: [...(app.sopsSecrets ?? []), ...(env?.sopsSecrets ?? [])],
    extraObjects: env?.extraObjects ?? [],
    patches: env?.patches ?? [],
  };
  Object.defineProperty(result, resolvedBrand, { value: true });
  return result;
}

/**
 * The six Flux controllers the live cluster can run as processes: the components the
 * clusters' FluxInstance installs (Flux's defaults plus image automation).
 */
export const fluxControllers = [
  'source-controller',
  'kustomize-controller',
  'helm-controller',
  'notification-controller',
  'image-reflector-controller',
  'image-automation-controller',
] as const;
export type FluxController = (typeof fluxControllers)[number];

/** The namespace the controllers run in (their RUNTIME_NAMESPACE: events, leases). */
export const fluxNamespace = 'flux-system';

import { certManager } from './cert-manager.js';
import { cloudflared } from './cloudflared.js';
import { externalDns } from './external-dns.js';
import { flux } from './flux.js';
import { fluxOperator } from './flux-operator.js';
import type { InfraComponent } from './infra-component.js';
import { kubePrometheusStack } from './kube-prometheus-stack.js';
import { longhorn } from './longhorn.js';
import { metallb } from './metallb.js';
import { sealedSecrets } from './sealed-secrets.js';
import { traefik } from './traefik.js';

/**
 * Every infrastructure component the clusters can run, in install order (each after what it
 * depends on): Traefik (k3s runs it before Flux exists), Flux, storage, monitoring (its CRDs
 * are what the others' monitors need), then the rest. Shared files (`monitoring.yaml`,
 * `network-policies.yaml`) and `helm-repositories.yaml` list their objects in this order.
 * Add a component here and in its own module; nothing else lists components.
 */
export const infraComponents: readonly InfraComponent[] = [
  traefik,
  fluxOperator,
  flux,
  longhorn,
  kubePrometheusStack,
  certManager,
  sealedSecrets,
  cloudflared,
  externalDns,
  metallb,
];

import { ApiextensionsV1Api, AppsV1Api, KubeConfig, VersionApi } from '@kubernetes/client-node';
import { cause, within } from './kube-request.js';

/** One live check of a cluster, as doctor prints it. */
export interface LiveCheck {
  readonly name: string;
  readonly ok: boolean;
  readonly detail: string;
}

/** What a cluster must serve and run for the synthesized tree: CRDs by group, version and kind; Flux controllers by name. */
export interface LiveRequirements {
  readonly crds: readonly { readonly group: string; readonly version: string; readonly kind: string }[];
  readonly controllers: readonly string[];
}

/**
 * Checks one kube context against its API server: the context is in the kubeconfig, the API
 * server answers (its version), the CRDs the tree's objects need are served, and the Flux
 * controllers' Deployments in `flux-system` are available. Every call has a time limit; a check
 * that cannot run because an earlier one failed is not reported.
 */
export async function liveChecks(options: {
  readonly kubeconfig: string | undefined;
  readonly context: string;
  readonly timeoutMs: number;
  readonly requirements: LiveRequirements;
}): Promise<LiveCheck[]> {
  const kc = new KubeConfig();
  const label = (what: string) => `${what} (${options.context})`;
  try {
    if (options.kubeconfig) kc.loadFromFile(options.kubeconfig);
    else kc.loadFromDefault();
  } catch (error) {
    return [
      {
        name: label('kube context'),
        ok: false,
        detail: `cannot read the kubeconfig ${options.kubeconfig ?? '(KUBECONFIG, ~/.kube/config)'}: ${(error as Error).message.split('\n')[0]}`,
      },
    ];
  }
  const contexts = kc.getContexts().map((c) => c.name);
  if (!contexts.includes(options.context)) {
    return [
      {
        name: label('kube context'),
        ok: false,
        detail: `not in the kubeconfig (contexts: ${contexts.join(', ') || 'none'}); add it, or pass --context`,
      },
    ];
  }
  kc.setCurrentContext(options.context);
  const server = kc.getCurrentCluster()?.server ?? '?';
  const checks: LiveCheck[] = [{ name: label('kube context'), ok: true, detail: server }];
  try {
    const version = await within(
      options.timeoutMs,
      `the version from ${server}`,
      kc.makeApiClient(VersionApi).getCode(),
    );
    checks.push({ name: label('API server'), ok: true, detail: `Kubernetes ${version.gitVersion} at ${server}` });
  } catch (error) {
    checks.push({ name: label('API server'), ok: false, detail: `${server}: ${cause(error)}` });
    return checks;
  }
  try {
    const list = await within(
      options.timeoutMs,
      'the CustomResourceDefinitions',
      kc.makeApiClient(ApiextensionsV1Api).listCustomResourceDefinition(),
    );
    const served = new Set(
      list.items.flatMap((crd) =>
        crd.spec.versions.filter((v) => v.served).map((v) => `${crd.spec.group}/${v.name} ${crd.spec.names.kind}`),
      ),
    );
    const missing = options.requirements.crds
      .filter((c) => !served.has(`${c.group}/${c.version} ${c.kind}`))
      .map((c) => `${c.kind} ${c.group}/${c.version}`);
    checks.push({
      name: label('Flux and Gateway API CRDs'),
      ok: missing.length === 0,
      detail:
        missing.length === 0
          ? `${options.requirements.crds.length} kinds served`
          : `not served: ${missing.join(', ')} (install Flux and the Gateway API CRDs)`,
    });
    const deployments = await within(
      options.timeoutMs,
      'the Deployments in flux-system',
      kc.makeApiClient(AppsV1Api).listNamespacedDeployment({ namespace: 'flux-system' }),
    );
    const available = new Map(deployments.items.map((d) => [d.metadata?.name ?? '', d.status?.availableReplicas ?? 0]));
    const down = options.requirements.controllers.filter((c) => !((available.get(c) ?? 0) > 0));
    checks.push({
      name: label('Flux controllers'),
      ok: down.length === 0,
      detail:
        down.length === 0
          ? `${options.requirements.controllers.join(', ')} available`
          : `not available in flux-system: ${down.map((c) => `${c} (${available.has(c) ? 'no ready replica' : 'no Deployment'})`).join(', ')}`,
    });
  } catch (error) {
    checks.push({ name: label('Flux and Gateway API CRDs'), ok: false, detail: cause(error) });
  }
  return checks;
}

/**
 * What runs now: the images of the Deployments in `namespace` of the context's cluster,
 * repository → tag (and digest, when the image names one), as the kubelet pulls them.
 */
export async function runningImages(options: {
  readonly kubeconfig: string | undefined;
  readonly context: string;
  readonly namespace: string;
  readonly timeoutMs: number;
}): Promise<Map<string, { tag: string; digest?: string }>> {
  const kc = new KubeConfig();
  if (options.kubeconfig) kc.loadFromFile(options.kubeconfig);
  else kc.loadFromDefault();
  const contexts = kc.getContexts().map((c) => c.name);
  if (!contexts.includes(options.context))
    throw new Error(
      `kube context ${options.context} is not in the kubeconfig (contexts: ${contexts.join(', ') || 'none'}); pass --context`,
    );
  kc.setCurrentContext(options.context);
  const server = kc.getCurrentCluster()?.server ?? '?';
  let list;
  try {
    list = await within(
      options.timeoutMs,
      `the Deployments in ${options.namespace}`,
      kc.makeApiClient(AppsV1Api).listNamespacedDeployment({ namespace: options.namespace }),
    );
  } catch (error) {
    throw new LiveError(`the Deployments of namespace ${options.namespace} from ${server}: ${cause(error)}`);
  }
  const found = new Map<string, { tag: string; digest?: string }>();
  for (const deployment of list.items) {
    for (const container of deployment.spec?.template.spec?.containers ?? []) {
      const match = /^(.+?)(?::([\w][\w.-]{0,127}))?(?:@(sha256:[0-9a-f]{64}))?$/.exec(container.image ?? '');
      if (match?.[2]) found.set(match[1]!, { tag: match[2], ...(match[3] ? { digest: match[3] } : {}) });
    }
  }
  return found;
}

/** The API server could not be reached or refused the request (exit 6 for the CLI). */
export class LiveError extends Error {
  override readonly name = 'LiveError';
}

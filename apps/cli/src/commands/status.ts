import { UsageError } from '../cli-error.js';
import { defineCommand } from '../command.js';
import { exitCodes } from '../exit-codes.js';
import { clusterStatus } from '../pipeline/cluster-status.js';
import { environmentStatus, unreachableEnvironment } from '../pipeline/environment-status.js';
import { renderStatus } from '../render/render-status.js';
import { statusReportSchema } from '../reports/status-report.js';

const usage = `Usage: sugarkube status [--context NAME[,NAME…]]… [--kubeconfig FILE] [--timeout SECONDS]

Prints what runs, per environment (a kube context): the Flux Kustomizations and HelmReleases
with their Ready condition, reason and last applied revision; each ImagePolicy's latest tag
against the tag the Deployments of its image repository run; and the nodes, Ready, with their
architecture and allocatable CPU and memory. Every context in the kubeconfig is read unless
--context names some. Suspended objects are listed and not counted.
Exits 1 when something is not ready: a Kustomization, HelmRelease or ImagePolicy whose Ready
condition is not True (or whose latest spec is not reconciled yet), a Deployment that runs
another tag than its policy's latest (or none that runs it), a node that is not Ready; 6 when
an API server cannot be read (host and cause named; the other contexts are still reported).

Options:
  --context NAME     a kube context to read; repeat it or give a comma list (default: every context)
  --kubeconfig FILE  the kubeconfig (default: KUBECONFIG, else ~/.kube/config)
  --timeout SECONDS  how long one API request may take (default: 10)`;

export const statusCommand = defineCommand({
  usage,
  options: {
    context: { type: 'string', multiple: true },
    kubeconfig: { type: 'string', values: 'file' },
    timeout: { type: 'string' },
  },
  exitCodes: [exitCodes.ok, exitCodes.changes, exitCodes.usage, exitCodes.network, exitCodes.internal],
  report: statusReportSchema,
  async run({ args, context, env, progress }) {
    const timeout = args.values.timeout === undefined ? 10 : Number(args.values.timeout);
    if (!(Number.isFinite(timeout) && timeout > 0 && timeout <= 600))
      throw new UsageError(`--timeout: expected seconds between 0 and 600, received "${String(args.values.timeout)}"`);
    const contexts = ((args.values.context as string[] | undefined) ?? []).flatMap((c) =>
      c.split(',').map((s) => s.trim()),
    );
    if (contexts.some((c) => c === ''))
      throw new UsageError('--context: expected a context name (or a comma list of them), received an empty name');
    // Imported here, not at the top: the Kubernetes client is loaded when status runs, never for
    // `sugarkube help status`, `schema status` or completion.
    const { kubeconfigFiles, readClusters } = await import('../io/kube-status.js');
    const files = kubeconfigFiles(args.values.kubeconfig as string | undefined, env, context.cwd);
    const clusters = await progress('reading the clusters', () =>
      readClusters({ files, contexts, timeoutMs: timeout * 1000 }),
    );
    return clusterStatus(
      clusters.map((c) => ('error' in c ? unreachableEnvironment(c.name, c.server, c.error) : environmentStatus(c))),
    );
  },
  print(r, { out, style }) {
    out(renderStatus(r.environments, style));
  },
});

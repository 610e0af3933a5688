import { resolve } from 'node:path';
import { z } from 'zod';
import { isCliError, UsageError } from '../cli-error.js';
import { defineCommand } from '../command.js';
import { exitCodes } from '../exit-codes.js';
import { findRepoConfig } from '../io/load-cluster.js';
import { liveChecks } from '../io/kube-live.js';
import { probeTool } from '../io/probe-tool.js';
import { liveRequirements } from '../pipeline/live-requirements.js';
import { synthesizeCluster } from '../pipeline/synthesize-cluster.js';

const usage = `Usage: sugarkube doctor [--cluster MODULE] [--live [--context NAME] [--kubeconfig FILE] [--timeout SECONDS]]

Checks this machine and repository for what Sugarkube needs, and says how to fix what is
missing: Node.js, git, kubectl, helm, flux, kubeseal, and (in a cluster repo, or with
--cluster) that the cluster module loads and its definition and pins are valid.
With --live, also checks each environment's cluster (its kubeContext, or --context): the
context is in the kubeconfig, the API server answers, the Flux and Gateway API CRDs the tree
uses are served, and the Flux controllers it needs are available in flux-system.
Exits 1 when a required check fails (a cluster definition that does not load or is invalid
is one; with --live, every live check is).

Options:
  --cluster MODULE   the cluster definition module (as for synth)
  --live             check the clusters through their API servers
  --context NAME     the kube context to check (default: each environment's kubeContext)
  --kubeconfig FILE  the kubeconfig (default: KUBECONFIG, else ~/.kube/config)
  --timeout SECONDS  how long one API request may take (default: 10)`;

const check = z
  .object({
    name: z.string(),
    required: z.boolean().describe('A failed required check makes doctor exit 1.'),
    ok: z.boolean(),
    detail: z.string().describe('The version found, or what is wrong and how to fix it.'),
  })
  .strict();

const report = z
  .object({ checks: z.array(check), failed: z.number().int().describe('Required checks that failed.') })
  .strict();
type Check = z.output<typeof check>;

function nodeCheck(version: string): Check {
  const major = Number(/^v?(\d+)/.exec(version)?.[1] ?? 0);
  return {
    name: 'Node.js >= 22',
    required: true,
    ok: major >= 22,
    detail: major >= 22 ? version : `${version}: install Node 24 LTS (Node 20 is end-of-life)`,
  };
}

function toolCheck(name: string, command: string, args: readonly string[], hint: string, required = false): Check {
  const version = probeTool(command, args);
  return { name, required, ok: version !== undefined, detail: version ?? `not found: ${hint}` };
}

export const doctorCommand = defineCommand({
  usage,
  options: {
    cluster: { type: 'string', values: 'file' },
    live: { type: 'boolean' },
    context: { type: 'string' },
    kubeconfig: { type: 'string', values: 'file' },
    timeout: { type: 'string' },
  },
  exitCodes: [exitCodes.ok, exitCodes.changes, exitCodes.usage, exitCodes.internal],
  report,
  async run({ args, context, progress }) {
    const cluster = args.values.cluster as string | undefined;
    const {
      live,
      context: contextFlag,
      kubeconfig,
    } = args.values as { live?: boolean; context?: string; kubeconfig?: string };
    const timeout = args.values.timeout === undefined ? 10 : Number(args.values.timeout);
    if (!(Number.isFinite(timeout) && timeout > 0 && timeout <= 600))
      throw new UsageError(`--timeout: expected seconds between 0 and 600, received "${String(args.values.timeout)}"`);
    if (!live && (contextFlag !== undefined || kubeconfig !== undefined))
      throw new UsageError('--context and --kubeconfig: only with --live');
    const checks: Check[] = [
      nodeCheck(process.version),
      toolCheck('git', 'git', ['--version'], 'install git', true),
      toolCheck(
        'kubectl (kustomize builds)',
        'kubectl',
        ['version', '--client'],
        'install kubectl to preview overlays with `kubectl kustomize`',
      ),
      toolCheck(
        'helm (chart previews)',
        'helm',
        ['version', '--short'],
        'install helm to render the HelmReleases locally (`helm template`)',
      ),
      toolCheck('flux CLI (bootstrap)', 'flux', ['version', '--client'], 'install the flux CLI to bootstrap a cluster'),
      toolCheck(
        'kubeseal (sealing secrets)',
        'kubeseal',
        ['--version'],
        'optional: `sugarkube secret seal` seals without it',
      ),
    ];
    // A cluster repo (or --cluster) must load and validate: that check is required there.
    let configured = cluster !== undefined;
    try {
      configured ||= findRepoConfig(context.cwd)?.cluster !== undefined;
      const synthesized = await synthesizeCluster({ context, progress }, cluster);
      checks.push({
        name: 'cluster definition',
        required: true,
        ok: true,
        detail: `${synthesized.loaded.source}: valid, ${synthesized.files.length} files`,
      });
      if (live) {
        const requirements = liveRequirements(synthesized.files);
        const contexts =
          contextFlag !== undefined
            ? [contextFlag]
            : [...new Set(synthesized.cluster.environments.map((e) => e.kubeContext))];
        for (const name of contexts) {
          const found = await progress(`checking the cluster of context ${name}`, () =>
            liveChecks({
              kubeconfig: kubeconfig === undefined ? undefined : resolve(context.cwd, kubeconfig),
              context: name,
              timeoutMs: timeout * 1000,
              requirements,
            }),
          );
          checks.push(...found.map((c) => ({ ...c, required: true })));
        }
      }
    } catch (error) {
      if (!isCliError(error)) throw error;
      const detail =
        error.problems.length > 1
          ? `${error.problems[0]!.message} (and ${error.problems.length - 1} more: sugarkube validate lists them)`
          : error.problems[0]!.message;
      checks.push({ name: 'cluster definition', required: configured || live === true, ok: false, detail });
    }
    const failed = checks.filter((c) => c.required && !c.ok).length;
    return { exitCode: failed === 0 ? exitCodes.ok : exitCodes.changes, report: { checks, failed } };
  },
  print(r, { out, style }) {
    const width = Math.max(...r.checks.map((c) => c.name.length));
    for (const c of r.checks) {
      const mark = c.ok ? style('green', 'ok  ') : c.required ? style('red', 'FAIL') : style('yellow', 'warn');
      out(`${mark}  ${c.name.padEnd(width)}  ${c.detail}\n`);
    }
    out(r.failed === 0 ? 'doctor: everything required is present\n' : `doctor: ${r.failed} required check(s) failed\n`);
  },
});

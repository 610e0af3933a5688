import { z } from 'zod';
import { isCliError } from '../cli-error.js';
import { defineCommand } from '../command.js';
import { exitCodes } from '../exit-codes.js';
import { findRepoConfig } from '../io/load-cluster.js';
import { probeTool } from '../io/probe-tool.js';
import { synthesizeCluster } from '../pipeline/synthesize-cluster.js';

const usage = `Usage: sugarkube doctor [--cluster MODULE]

Checks this machine and repository for what Sugarkube needs, and says how to fix what is
missing: Node.js, git, kubectl, helm, flux, kubeseal, and (in a cluster repo, or with
--cluster) that the cluster module loads and its definition and pins are valid.
Exits 1 when a required check fails (a cluster definition that does not load or is invalid
is one).`;

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
  name: 'doctor',
  summary: 'check the machine and repository for what Sugarkube needs',
  usage,
  options: { cluster: { type: 'string', values: 'file' } },
  exitCodes: [exitCodes.ok, exitCodes.changes, exitCodes.usage, exitCodes.internal],
  report,
  async run({ args, context, progress }) {
    const cluster = args.values.cluster as string | undefined;
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
    } catch (error) {
      if (!isCliError(error)) throw error;
      const detail =
        error.problems.length > 1
          ? `${error.problems[0]!.message} (and ${error.problems.length - 1} more: sugarkube validate lists them)`
          : error.problems[0]!.message;
      checks.push({ name: 'cluster definition', required: configured, ok: false, detail });
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

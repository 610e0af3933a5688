import type { Command } from '../context.js';
import { parseCommandArgs } from '../parse-command-args.js';
import { loadCluster } from '../io/load-cluster.js';
import { probeTool } from '../io/probe-tool.js';

const usage = `Usage: sugarkube doctor [--cluster MODULE]

Checks this machine and repository for what Sugarkube needs, and says how to fix what is missing.
Exits 1 when a required check fails.`;

interface Check {
  readonly name: string;
  readonly required: boolean;
  readonly ok: boolean;
  readonly detail: string;
}

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

export const doctorCommand: Command = {
  name: 'doctor',
  summary: 'check the machine and repository for what Sugarkube needs',
  usage,
  async run(args, context) {
    const { values } = parseCommandArgs(args, { cluster: { type: 'string' } });
    const checks: Check[] = [
      nodeCheck(process.version),
      toolCheck('git', 'git', ['--version'], 'install git', true),
      toolCheck('kubectl (kustomize builds)', 'kubectl', ['version', '--client'], 'install kubectl to preview overlays with `kubectl kustomize`'),
      toolCheck('flux CLI (bootstrap)', 'flux', ['version', '--client'], 'install the flux CLI to bootstrap a cluster (docs/cluster.md)'),
      toolCheck('kubeseal (sealing secrets)', 'kubeseal', ['--version'], 'install kubeseal to seal secrets for Git'),
    ];
    try {
      const { source } = await loadCluster(context.cwd, values.cluster);
      checks.push({ name: 'cluster definition', required: false, ok: true, detail: source });
    } catch (error) {
      checks.push({ name: 'cluster definition', required: false, ok: false, detail: (error as Error).message });
    }
    const width = Math.max(...checks.map((c) => c.name.length));
    for (const check of checks) {
      const mark = check.ok ? 'ok  ' : check.required ? 'FAIL' : 'warn';
      context.stdout.write(`${mark}  ${check.name.padEnd(width)}  ${check.detail}\n`);
    }
    const failed = checks.filter((c) => c.required && !c.ok).length;
    context.stdout.write(failed === 0 ? 'doctor: everything required is present\n' : `doctor: ${failed} required check(s) failed\n`);
    return failed === 0 ? 0 : 1;
  },
};

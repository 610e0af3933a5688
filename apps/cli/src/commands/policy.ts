import { resolve } from 'node:path';
import { z } from 'zod';
import { inputError, UsageError } from '../cli-error.js';
import { defineCommand } from '../command.js';
import { expectSubcommand } from '../subcommand.js';
import { shownPath } from '../io/load-cluster.js';
import { readYamlTree } from '../io/read-input-file.js';
import { Registry } from '../io/registry.js';
import { previewPolicies } from '../pipeline/policy-preview.js';
import {
  registryCommandExitCodes,
  registryFlags,
  registryFlagsHelp,
  registryOptionSpecs,
} from '../reports/registry-flags.js';

const usage = `Usage: sugarkube policy preview [--dir DIR] [--diff] [--username USER] [--insecure] [--timeout SECONDS]

Reads the Flux ImageRepository and ImagePolicy objects in DIR (default: ./out), lists each
repository's tags from its registry now, and prints the tag Flux would select for every policy,
with Flux's exact rules (the ImageRepository's exclusionList first, then the policy). With
--diff, also prints, as a unified diff, how each ImageUpdateAutomation in DIR (Setters
strategy, its update path) would rewrite the YAML in DIR.
Exits 1 when a policy selects nothing, 4 when an image is not in its registry, 6 when a
registry cannot be reached (host and cause named).

Options:
  --dir DIR          the GitOps tree (the Git repository root Flux checks out)
  --diff             show the setter rewrite as a unified diff
${registryFlagsHelp}`;

const report = z
  .object({
    dir: z.string(),
    policies: z.array(
      z
        .object({
          policy: z.string().describe('namespace/name of the ImagePolicy.'),
          image: z.string().optional().describe('The image of its ImageRepository (absent when that is missing).'),
          tag: z.string().optional().describe('The tag Flux would select now.'),
          digest: z.string().optional().describe('With digestReflectionPolicy: the digest of that tag.'),
          error: z.string().optional().describe('Why nothing was selected.'),
        })
        .strict(),
    ),
    changes: z
      .array(z.object({ path: z.string(), diff: z.string() }).strict())
      .describe('--diff: the files image automation would rewrite.'),
  })
  .strict();

export const policyCommand = defineCommand({
  usage,
  subcommands: ['preview'],
  options: { dir: { type: 'string', values: 'dir' }, diff: { type: 'boolean' }, ...registryOptionSpecs },
  exitCodes: registryCommandExitCodes,
  report,
  async run({ args, context, env, progress }) {
    const [sub, ...extra] = args.positionals;
    expectSubcommand(sub, ['preview']);
    if (extra.length > 0) throw new UsageError(`unexpected arguments: ${extra.join(' ')}`);
    const flags = registryFlags(args);
    const dir = resolve(context.cwd, (args.values.dir as string | undefined) ?? 'out');
    const files = await readYamlTree(context.cwd, dir, (p) => /\.ya?ml$|(^|\/)Kustomization$/.test(p));
    const preview = await previewPolicies(files, new Registry(flags, { env, progress }), args.values.diff === true);
    if (preview.policies.length === 0)
      throw inputError([
        {
          message: `${shownPath(context.cwd, dir)}: no image.toolkit.fluxcd.io/v1 ImagePolicy objects found`,
          file: dir,
        },
      ]);
    const failed = preview.policies.filter((p) => p.error);
    return {
      exitCode: preview.exitCode,
      report: { dir, policies: [...preview.policies], changes: [...preview.changes] },
      warnings: preview.warnings,
      problems: failed.map((p) => ({ message: `${p.policy}: ${p.error}` })),
    };
  },
  print(r, { out, err, style }) {
    const rows = r.policies.map((p) => [
      p.policy,
      p.image ?? '?',
      p.error ? style('red', 'error (see below)') : p.digest ? `${p.tag}@${p.digest}` : p.tag!,
    ]);
    const widths = [0, 1].map((i) =>
      Math.max(...rows.map((row) => row[i]!.length), i === 0 ? 'POLICY'.length : 'IMAGE'.length),
    );
    out(`${'POLICY'.padEnd(widths[0]!)}  ${'IMAGE'.padEnd(widths[1]!)}  SELECTED\n`);
    for (const row of rows) out(`${row[0]!.padEnd(widths[0]!)}  ${row[1]!.padEnd(widths[1]!)}  ${row[2]}\n`);
    for (const c of r.changes) out(c.diff);
    if (r.changes.length > 0) err(`image automation would change ${r.changes.length} file(s)\n`);
  },
});

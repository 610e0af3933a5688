import { basename, join, resolve } from 'node:path';
import { runtimeNames, type RuntimeName } from '@sugarkube/core';
import { loadAppYaml } from '@sugarkube/manifests';
import { z } from 'zod';
import { inputError, UsageError } from '../cli-error.js';
import { defineCommand, type ParsedArgs, type RunInput } from '../command.js';
import { exitCodes } from '../exit-codes.js';
import { readPackageJson, writeNewFile, writeTextFile } from '../io/init-files.js';
import { shownPath } from '../io/load-cluster.js';
import { clusterPackageFields, renderInitClusterModule } from '../render/init-cluster.js';
import { renderInitDescriptor } from '../render/init-descriptor.js';

const usage = `Usage: sugarkube init app --image IMAGE [--name NAME] [--runtime RUNTIME] [--port PORT] [--domain APEX] [--force]
       sugarkube init cluster --repo URL --owner OWNER --email EMAIL --zone APEX [--zone APEX…] [--name NAME] [--force]

init app (or plain init) writes a starter sugarkube.yaml in the current directory: the app
descriptor its projen entry point generates everything from.
init cluster makes the current directory a cluster repo: cluster.ts (the definition),
sugarkube.pins.json (what runs where) and the "sugarkube" and script fields of package.json.
Nothing is overwritten without --force (a file in the way: exit 2).

Options (app):
  --image IMAGE      the image repository, e.g. ghcr.io/acme/shop (required)
  --name NAME        the app slug (default: the directory name)
  --runtime RUNTIME  ${runtimeNames.join(' | ')} (default: node)
  --port PORT        the container port (default: the runtime's)
  --domain APEX      serve staging.APEX and APEX (default: no route)
Options (cluster):
  --repo URL         this repo's Git URL, which Flux reconciles (https:// or ssh://)
  --owner OWNER      the GHCR owner of the apps' images
  --email EMAIL      the Let's Encrypt account e-mail
  --zone APEX        a Cloudflare DNS zone the apps' hosts are in (repeat for more)
  --name NAME        the cluster name (default: the directory name)
Common:
  --force            overwrite files that exist`;

const report = z
  .object({
    kind: z.enum(['app', 'cluster']),
    written: z.array(z.string()).describe('Files created (absolute).'),
    updated: z.array(z.string()).describe('Files changed (package.json).'),
  })
  .strict();
type InitReport = z.output<typeof report>;

function slugOf(dir: string): string {
  return (
    basename(dir)
      .toLowerCase()
      .replace(/[^a-z0-9-]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .replace(/^[^a-z]+/, '')
      .slice(0, 63) || 'app'
  );
}

async function writeAll(cwd: string, files: readonly [string, string][], force: boolean): Promise<string[]> {
  for (const [path, text] of files) {
    if (!(await writeNewFile(path, text, force)))
      throw inputError([{ message: `${shownPath(cwd, path)} exists; pass --force to overwrite it`, file: path }]);
  }
  return files.map(([path]) => path);
}

async function initApp(args: ParsedArgs, cwd: string): Promise<InitReport> {
  const values = args.values as Record<string, string | boolean | undefined>;
  const image = values.image as string | undefined;
  if (!image)
    throw new UsageError('--image: expected the image repository, e.g. --image ghcr.io/acme/shop, received nothing');
  const runtime = (values.runtime as string | undefined) ?? 'node';
  if (!(runtimeNames as readonly string[]).includes(runtime))
    throw new UsageError(`--runtime: expected one of ${runtimeNames.join(', ')}, received "${runtime}"`);
  const port = values.port === undefined ? undefined : Number(values.port);
  if (port !== undefined && !(Number.isInteger(port) && port >= 1 && port <= 65535))
    throw new UsageError(`--port: expected an integer 1-65535, received "${String(values.port)}"`);
  const text = renderInitDescriptor({
    name: (values.name as string | undefined) ?? slugOf(cwd),
    runtime: runtime as RuntimeName,
    image,
    port,
    domain: values.domain as string | undefined,
  });
  // The starter must itself be valid: check it with the same loader `validate` uses.
  const result = loadAppYaml(text);
  if (result.errors.length > 0)
    throw inputError(result.errors.map((e) => ({ message: `the options give an invalid descriptor: ${e.message}` })));
  return {
    kind: 'app',
    written: await writeAll(cwd, [[join(resolve(cwd), 'sugarkube.yaml'), text]], values.force === true),
    updated: [],
  };
}

async function initCluster(args: ParsedArgs, cwd: string): Promise<InitReport> {
  const values = args.values as Record<string, string | string[] | boolean | undefined>;
  const missing = (['repo', 'owner', 'email'] as const).filter((k) => !values[k]).map((k) => `--${k}`);
  if (!(values.zone as string[] | undefined)?.length) missing.push('--zone');
  if (missing.length > 0) throw new UsageError(`${missing.join(', ')} ${missing.length === 1 ? 'is' : 'are'} required`);
  const dir = resolve(cwd);
  const packagePath = join(dir, 'package.json');
  const existing = (await readPackageJson(packagePath, shownPath(cwd, packagePath))) ?? {
    name: slugOf(dir),
    private: true,
  };
  const force = values.force === true;
  if (existing.sugarkube !== undefined && !force)
    throw inputError([
      {
        message: `${shownPath(cwd, packagePath)} already has a "sugarkube" field; pass --force to replace it`,
        file: packagePath,
      },
    ]);
  const module = renderInitClusterModule({
    name: (values.name as string | undefined) ?? slugOf(dir),
    repository: values.repo as string,
    owner: values.owner as string,
    email: values.email as string,
    zones: values.zone as string[],
  });
  const written = await writeAll(
    cwd,
    [
      [join(dir, 'cluster.ts'), module],
      [join(dir, 'sugarkube.pins.json'), '{}\n'],
    ],
    force,
  );
  await writeTextFile(packagePath, `${JSON.stringify(clusterPackageFields(existing), null, 2)}\n`);
  return { kind: 'cluster', written, updated: [packagePath] };
}

export const initCommand = defineCommand({
  usage,
  subcommands: ['app', 'cluster'],
  options: {
    image: { type: 'string' },
    name: { type: 'string' },
    runtime: { type: 'string', values: runtimeNames },
    port: { type: 'string' },
    domain: { type: 'string' },
    repo: { type: 'string' },
    owner: { type: 'string' },
    email: { type: 'string' },
    zone: { type: 'string', multiple: true },
    force: { type: 'boolean' },
  },
  exitCodes: [exitCodes.ok, exitCodes.usage, exitCodes.internal],
  report,
  async run({ args, context }: RunInput) {
    const [kind, ...extra] = args.positionals;
    if (extra.length > 0) throw new UsageError(`unexpected arguments: ${extra.join(' ')}`);
    if (kind !== undefined && kind !== 'app' && kind !== 'cluster')
      throw new UsageError(`unknown subcommand "${kind}": expected app or cluster`);
    const appOnly = ['image', 'runtime', 'port', 'domain'].filter((k) => args.values[k] !== undefined);
    const clusterOnly = ['repo', 'owner', 'email', 'zone'].filter((k) => args.values[k] !== undefined);
    if (kind === 'cluster' && appOnly.length > 0)
      throw new UsageError(`${appOnly.map((k) => `--${k}`).join(', ')}: options of init app, not init cluster`);
    if (kind !== 'cluster' && clusterOnly.length > 0)
      throw new UsageError(
        `${clusterOnly.map((k) => `--${k}`).join(', ')}: options of init cluster (sugarkube init cluster …)`,
      );
    const result = kind === 'cluster' ? await initCluster(args, context.cwd) : await initApp(args, context.cwd);
    return { exitCode: exitCodes.ok, report: result };
  },
  print(r, { out }) {
    for (const path of r.written) out(`wrote ${path}\n`);
    for (const path of r.updated) out(`updated ${path} ("type": "module", "sugarkube", scripts)\n`);
    if (r.kind === 'cluster')
      out('next: add an app to cluster.ts, pin it in sugarkube.pins.json, then `npx sugarkube synth`\n');
  },
});

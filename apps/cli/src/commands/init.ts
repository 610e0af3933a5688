import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { basename, join, resolve } from 'node:path';
import { runtimeNames, type RuntimeName } from '@sugarkube/core';
import { loadAppYaml } from '@sugarkube/manifests';
import { UsageError, type Command, type CommandContext } from '../context.js';
import { parseCommandArgs } from '../parse-command-args.js';
import { clusterPackageFields, renderInitClusterModule } from '../render/init-cluster.js';
import { renderInitDescriptor } from '../render/init-descriptor.js';

const usage = `Usage: sugarkube init app --image IMAGE [--name NAME] [--runtime RUNTIME] [--port PORT] [--domain APEX] [--force]
       sugarkube init cluster --repo URL --owner OWNER --email EMAIL --zone APEX [--zone APEX…] [--name NAME] [--force]

init app (or plain init) writes a starter sugarkube.yaml in the current directory: the app
descriptor its projen entry point generates everything from.
init cluster makes the current directory a cluster repo: cluster.ts (the definition),
sugarkube.pins.json (what runs where) and the "sugarkube" and script fields of package.json.
Nothing is overwritten without --force.

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

function slugOf(dir: string): string {
  return basename(dir).toLowerCase().replace(/[^a-z0-9-]+/g, '-').replace(/^-+|-+$/g, '').replace(/^[^a-z]+/, '').slice(0, 63) || 'app';
}

async function writeNew(context: CommandContext, path: string, text: string, force: boolean | undefined): Promise<boolean> {
  try {
    await writeFile(path, text, { flag: force ? 'w' : 'wx' });
    context.stdout.write(`wrote ${path}\n`);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') {
      context.stderr.write(`sugarkube init: ${path} exists; pass --force to overwrite it\n`);
      return false;
    }
    throw error;
  }
}

async function initApp(args: readonly string[], context: CommandContext): Promise<number> {
  const { values } = parseCommandArgs(args, {
    image: { type: 'string' },
    name: { type: 'string' },
    runtime: { type: 'string' },
    port: { type: 'string' },
    domain: { type: 'string' },
    force: { type: 'boolean' },
  });
  if (!values.image) throw new UsageError('--image is required (for example --image ghcr.io/acme/shop)');
  const runtime = values.runtime ?? 'node';
  if (!(runtimeNames as readonly string[]).includes(runtime)) {
    throw new UsageError(`--runtime: expected one of ${runtimeNames.join(', ')}, received "${runtime}"`);
  }
  const port = values.port === undefined ? undefined : Number(values.port);
  if (port !== undefined && !(Number.isInteger(port) && port >= 1 && port <= 65535)) {
    throw new UsageError(`--port: expected an integer 1-65535, received "${values.port}"`);
  }
  const text = renderInitDescriptor({
    name: values.name ?? slugOf(context.cwd),
    runtime: runtime as RuntimeName,
    image: values.image,
    port,
    domain: values.domain,
  });
  // The starter must itself be valid: check it with the same loader `validate` uses.
  const result = loadAppYaml(text);
  if (result.errors.length > 0) {
    throw new UsageError(`the options give an invalid descriptor:\n${result.errors.map((e) => `  ${e.message}`).join('\n')}`);
  }
  return (await writeNew(context, join(resolve(context.cwd), 'sugarkube.yaml'), text, values.force)) ? 0 : 1;
}

async function initCluster(args: readonly string[], context: CommandContext): Promise<number> {
  const { values } = parseCommandArgs(args, {
    repo: { type: 'string' },
    owner: { type: 'string' },
    email: { type: 'string' },
    zone: { type: 'string', multiple: true },
    name: { type: 'string' },
    force: { type: 'boolean' },
  });
  const missing = (['repo', 'owner', 'email'] as const).filter((k) => !values[k]).map((k) => `--${k}`);
  if (!values.zone?.length) missing.push('--zone');
  if (missing.length > 0) throw new UsageError(`${missing.join(', ')} ${missing.length === 1 ? 'is' : 'are'} required`);
  const dir = resolve(context.cwd);
  const packagePath = join(dir, 'package.json');
  const existing = existsSync(packagePath) ? (JSON.parse(await readFile(packagePath, 'utf8')) as Record<string, unknown>) : { name: slugOf(dir), private: true };
  if (existing.sugarkube !== undefined && !values.force) {
    context.stderr.write(`sugarkube init: ${packagePath} already has a "sugarkube" field; pass --force to replace it\n`);
    return 1;
  }
  const module = renderInitClusterModule({
    name: values.name ?? slugOf(dir),
    repository: values.repo!,
    owner: values.owner!,
    email: values.email!,
    zones: values.zone ?? [],
  });
  const ok =
    (await writeNew(context, join(dir, 'cluster.ts'), module, values.force)) &&
    (await writeNew(context, join(dir, 'sugarkube.pins.json'), '{}\n', values.force));
  if (!ok) return 1;
  await writeFile(packagePath, `${JSON.stringify(clusterPackageFields(existing), null, 2)}\n`);
  context.stdout.write(`updated ${packagePath} ("type": "module", "sugarkube", scripts)\nnext: add an app to cluster.ts, pin it in sugarkube.pins.json, then \`npx sugarkube synth\`\n`);
  return 0;
}

export const initCommand: Command = {
  name: 'init',
  summary: 'start an app repo (sugarkube.yaml) or a cluster repo',
  usage,
  async run(args, context) {
    const [kind, ...rest] = args;
    if (kind === 'cluster') return initCluster(rest, context);
    if (kind === 'app') return initApp(rest, context);
    return initApp(args, context);
  },
};

import { writeFile } from 'node:fs/promises';
import { basename, join, resolve } from 'node:path';
import { loadAppYaml, runtimes } from '@sugarkube/manifests';
import { UsageError, type Command } from '../context.js';
import { parseCommandArgs } from '../parse-command-args.js';
import { renderInitDescriptor, type Runtime } from '../render/init-descriptor.js';

const usage = `Usage: sugarkube init --image IMAGE [--name NAME] [--runtime RUNTIME] [--port PORT] [--domain APEX] [--force]

Writes a starter sugarkube.yaml in the current directory.

Options:
  --image IMAGE      the image repository, e.g. ghcr.io/acme/shop (required)
  --name NAME        the app slug (default: the directory name)
  --runtime RUNTIME  ${runtimes.join(' | ')} (default: node)
  --port PORT        the container port (default: 8080)
  --domain APEX      serve staging.APEX and APEX (default: no route)
  --force            overwrite an existing sugarkube.yaml`;

function slugOf(dir: string): string {
  return basename(dir).toLowerCase().replace(/[^a-z0-9-]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 63) || 'app';
}

export const initCommand: Command = {
  name: 'init',
  summary: 'write a starter sugarkube.yaml',
  usage,
  async run(args, context) {
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
    if (!(runtimes as readonly string[]).includes(runtime)) {
      throw new UsageError(`--runtime: expected one of ${runtimes.join(', ')}, received "${runtime}"`);
    }
    const port = values.port === undefined ? undefined : Number(values.port);
    if (port !== undefined && !(Number.isInteger(port) && port >= 1 && port <= 65535)) {
      throw new UsageError(`--port: expected an integer 1-65535, received "${values.port}"`);
    }
    const text = renderInitDescriptor({
      name: values.name ?? slugOf(context.cwd),
      runtime: runtime as Runtime,
      image: values.image,
      port,
      domain: values.domain,
    });
    // The starter must itself be valid: check it with the same loader `validate` uses.
    const result = loadAppYaml(text);
    if (result.errors.length > 0) {
      context.stderr.write(`sugarkube init: the options give an invalid descriptor:\n${result.errors.map((e) => `  ${e.message}`).join('\n')}\n`);
      return 1;
    }
    const target = join(resolve(context.cwd), 'sugarkube.yaml');
    try {
      await writeFile(target, text, { flag: values.force ? 'w' : 'wx' });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'EEXIST') {
        context.stderr.write(`sugarkube init: ${target} exists; pass --force to overwrite it\n`);
        return 1;
      }
      throw error;
    }
    context.stdout.write(`wrote ${target}\n`);
    return 0;
  },
};

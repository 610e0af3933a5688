import { checkImagePlatforms, describePlatforms, formatPlatform, parsePlatform, type Platform } from '@sugarkube/image-policy';
import { UsageError, type Command } from '../context.js';
import { parseCommandArgs } from '../parse-command-args.js';
import { registryOptions } from '../io/registry-options.js';

const usage = `Usage: sugarkube image check IMAGE[:TAG|@DIGEST] [--platforms LIST] [--username USER] [--insecure]

Checks that an image in its registry provides every platform in LIST (the guard against
amd64-only images on arm64 nodes). Exits 1 naming each missing platform.

Options:
  --platforms LIST   comma-separated os/arch[/variant] (default: linux/amd64,linux/arm64)
  --username USER    registry user; the password is read from SUGARKUBE_REGISTRY_PASSWORD
                     (for ghcr.io, GITHUB_TOKEN is used when set); anonymous otherwise
  --insecure         plain HTTP (automatic for localhost and 127.0.0.1)`;

export const imageCommand: Command = {
  name: 'image',
  summary: 'check an image in its registry (image check IMAGE --platforms …)',
  usage,
  async run(args, context) {
    const parsed = parseCommandArgs(args, { platforms: { type: 'string' }, username: { type: 'string' }, insecure: { type: 'boolean' } }, true);
    const [sub, reference, ...extra] = parsed.positionals;
    if (sub !== 'check') throw new UsageError(sub === undefined ? 'missing subcommand: check' : `unknown subcommand "${sub}": expected check`);
    if (!reference) throw new UsageError('missing IMAGE, e.g. ghcr.io/owner/app:v1.2.3');
    if (extra.length > 0) throw new UsageError(`unexpected arguments: ${extra.join(' ')}`);
    let wanted: Platform[];
    try {
      wanted = (parsed.values.platforms ?? 'linux/amd64,linux/arm64').split(',').map((p) => parsePlatform(p.trim()));
    } catch (error) {
      throw new UsageError((error as Error).message);
    }
    const result = await checkImagePlatforms(reference, wanted, registryOptions(reference, parsed.values));
    context.stdout.write(`${reference} (${result.kind === 'index' ? 'image index' : 'single-platform image'} ${result.digest}): ${describePlatforms(result.available)}\n`);
    if (result.missing.length > 0) {
      context.stderr.write(`sugarkube image: ${reference} is missing platform ${result.missing.map(formatPlatform).join(', ')} (it has ${describePlatforms(result.available)})\n`);
      return 1;
    }
    context.stdout.write(`ok: ${wanted.map(formatPlatform).join(', ')}\n`);
    return 0;
  },
};

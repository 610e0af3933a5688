import {
  describePlatforms,
  formatPlatform,
  missingPlatforms,
  parseImageReference,
  parsePlatform,
  type Platform,
} from '@sugarkube/image-policy';
import { ValidationError } from '@sugarkube/core';
import { z } from 'zod';
import { UsageError } from '../cli-error.js';
import { defineCommand } from '../command.js';
import { expectSubcommand } from '../subcommand.js';
import { exitCodes } from '../exit-codes.js';
import { Registry } from '../io/registry.js';
import {
  registryCommandExitCodes,
  registryFlags,
  registryFlagsHelp,
  registryOptionSpecs,
} from '../reports/registry-flags.js';

const usage = `Usage: sugarkube image check IMAGE[:TAG|@DIGEST] [--platforms LIST] [--username USER] [--insecure] [--timeout SECONDS]

Checks that an image in its registry provides every platform in LIST (the guard against
amd64-only images on arm64 nodes). Exits 1 naming each missing platform, 4 when the image
or tag is not in the registry, 6 when the registry cannot be reached (host and cause named).

Options:
  --platforms LIST   comma-separated os/arch[/variant] (default: linux/amd64,linux/arm64)
${registryFlagsHelp}`;

const report = z
  .object({
    reference: z.string(),
    digest: z.string().describe('The manifest digest the reference resolved to.'),
    kind: z.enum(['index', 'image']).describe('index: a multi-platform image; image: a single-platform one.'),
    available: z.array(z.string()).describe('Platforms the image provides, os/arch[/variant].'),
    missing: z.array(z.string()).describe('Platforms asked for that it lacks.'),
  })
  .strict();

export const imageCommand = defineCommand({
  usage,
  subcommands: ['check'],
  options: { platforms: { type: 'string' }, ...registryOptionSpecs },
  exitCodes: registryCommandExitCodes,
  report,
  async run({ args, env, progress }) {
    const [sub, reference, ...extra] = args.positionals;
    expectSubcommand(sub, ['check']);
    if (!reference) throw new UsageError('missing IMAGE, e.g. ghcr.io/owner/app:v1.2.3');
    if (extra.length > 0) throw new UsageError(`unexpected arguments: ${extra.join(' ')}`);
    let wanted: Platform[];
    try {
      parseImageReference(reference);
      wanted = ((args.values.platforms as string | undefined) ?? 'linux/amd64,linux/arm64')
        .split(',')
        .map((p) => parsePlatform(p.trim()));
    } catch (error) {
      // A usage error is one line: each issue of the library's ValidationError, joined.
      if (!ValidationError.is(error)) throw new UsageError((error as Error).message);
      throw new UsageError(error.issues.map((i) => `invalid ${error.subject}: ${i.message}`).join('; '));
    }
    const found = await new Registry(registryFlags(args), { env, progress }).platforms(reference);
    const missing = missingPlatforms(wanted, found.platforms);
    return {
      exitCode: missing.length > 0 ? exitCodes.changes : exitCodes.ok,
      report: {
        reference,
        digest: found.digest,
        kind: found.kind,
        available: found.platforms.map(formatPlatform),
        missing: missing.map(formatPlatform),
      },
      problems:
        missing.length > 0
          ? [
              {
                message: `${reference} is missing platform ${missing.map(formatPlatform).join(', ')} (it has ${describePlatforms(found.platforms)})`,
              },
            ]
          : [],
    };
  },
  print(r, { out, style }) {
    out(
      `${r.reference} (${r.kind === 'index' ? 'image index' : 'single-platform image'} ${r.digest}): ${r.available.join(', ') || 'none'}\n`,
    );
    if (r.missing.length === 0) out(`${style('green', 'ok')}: every platform asked for is there\n`);
  },
});

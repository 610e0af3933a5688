import { appendFileSync } from 'node:fs';
import { join } from 'node:path';
import { sugarkubeCache } from '@sugarkube/verify';
import type { BenchContext } from '../context.js';
import { Buildah } from '../io/buildah.js';
import { copyExample } from '../io/example-copy.js';
import { num, seconds, spread, times } from '../report/format.js';
import { scenarioTitles, type GoalCheck, type ScenarioResult } from '../scenario.js';
import { summarize } from '../stats/summarize.js';

/** Each example and a source file a source-only change touches (a comment appended). */
export const buildExamples = [
  { name: 'tokenplace', source: 'relay.py', comment: '# touched' },
  { name: 'dspace', source: 'frontend/src/server.mjs', comment: '// touched' },
  { name: 'jobbot3000', source: 'src/web/tracker/tracker.js', comment: '// touched' },
  { name: 'danielsmith', source: 'src/main.js', comment: '// touched' },
] as const;

const megabytes = (bytes: number) => `${num(bytes / 1e6, 1)} MB`;

/**
 * (e) Each example's committed Dockerfile (generated from its sugarkube.yaml) built with buildah
 * on this amd64 host for linux/amd64 and linux/arm64 (no emulation: the build stages run on the
 * builder), both cold (`--no-cache`, base images local); then a source-only change rebuilt
 * (amd64, the cold build's layers cached). Per run the examples rotate and the two platforms
 * alternate which goes first. Image sizes from the last run.
 */
export async function imageBuilds(ctx: BenchContext): Promise<ScenarioResult> {
  const cache = sugarkubeCache();
  const buildah = new Buildah(cache);
  ctx.log('e: base images (built once into the bench storage)');
  const baseArgs = buildah.ensureBaseImages(ctx.repoRoot, cache);
  const examples = ctx.smoke ? buildExamples.slice(0, 1) : buildExamples;
  const times_ = new Map<string, { amd64: number[]; arm64: number[]; rebuild: number[]; noChange: number[] }>(
    examples.map((e) => [e.name, { amd64: [], arm64: [], rebuild: [], noChange: [] }]),
  );
  const sizes = new Map<string, Record<'amd64' | 'arm64', { uncompressedBytes: number; compressedBytes: number }>>();
  for (let run = 0; run < ctx.runs; run++) {
    for (let k = 0; k < examples.length; k++) {
      const ex = examples[(run + k) % examples.length]!;
      const context = copyExample(ctx.repoRoot, ctx.workDir, ex.name, `e-${ex.name}`);
      const tag = (arch: string) => `localhost/sugarkube-bench/${ex.name}:${arch}`;
      const record = times_.get(ex.name)!;
      for (const arch of run % 2 === 0 ? (['amd64', 'arm64'] as const) : (['arm64', 'amd64'] as const)) {
        const r = await buildah.build({ context, arch, tag: tag(arch), buildArgs: baseArgs, noCache: true });
        record[arch].push(r.wallMs);
        ctx.log(`  ${ex.name} ${arch} cold #${run + 1}: ${Math.round(r.wallMs)} ms`);
      }
      // Content never built before (the layer cache outlives a run): the change is new every time.
      appendFileSync(join(context, ex.source), `\n${ex.comment} ${Date.now()} ${Math.random()}\n`);
      const re = await buildah.build({
        context,
        arch: 'amd64',
        tag: tag('amd64'),
        buildArgs: baseArgs,
        noCache: false,
      });
      record.rebuild.push(re.wallMs);
      ctx.log(`  ${ex.name} amd64 rebuild #${run + 1}: ${Math.round(re.wallMs)} ms`);
      // The floor: the same build again, every step cached (what vfs costs for nothing to do).
      const again = await buildah.build({
        context,
        arch: 'amd64',
        tag: tag('amd64'),
        buildArgs: baseArgs,
        noCache: false,
      });
      record.noChange.push(again.wallMs);
      if (run === ctx.runs - 1) {
        sizes.set(ex.name, { amd64: buildah.imageSizes(tag('amd64')), arm64: buildah.imageSizes(tag('arm64')) });
      }
      buildah.remove(tag('amd64'), tag('arm64'));
    }
  }
  const goals: GoalCheck[] = [];
  const rows = examples.map((ex) => {
    const t = times_.get(ex.name)!;
    const amd = summarize(t.amd64);
    const arm = summarize(t.arm64);
    const re = summarize(t.rebuild);
    const floor = summarize(t.noChange);
    const s = sizes.get(ex.name)!;
    goals.push(
      {
        goal: `${ex.name}: arm64 / amd64 build time at most 1.2`,
        measured: times(arm.median / amd.median),
        met: arm.median / amd.median <= 1.2,
      },
      {
        goal: `${ex.name}: source-only rebuild at most 0.25 of cold`,
        measured: times(re.median / amd.median),
        met: re.median / amd.median <= 0.25,
      },
    );
    return [
      ex.name,
      spread(amd, seconds),
      spread(arm, seconds),
      times(arm.median / amd.median),
      spread(re, seconds),
      times(re.median / amd.median),
      spread(floor, seconds),
      `${megabytes(s.amd64.compressedBytes)} / ${megabytes(s.amd64.uncompressedBytes)}`,
      `${megabytes(s.arm64.compressedBytes)} / ${megabytes(s.arm64.uncompressedBytes)}`,
    ];
  });
  return {
    id: 'e',
    title: scenarioTitles.e,
    command: ctx.reproduce('--only e'),
    blocks: [
      {
        text:
          "Debian's buildah, `--storage-driver vfs --isolation chroot --pull=never --layers`, base images built locally by `tools/buildah/build-base-images.sh` into the bench's own storage " +
          `(\`$SUGARKUBE_CACHE/buildah/bench\`), \`BUILDPLATFORM=linux/amd64\` and \`TARGETPLATFORM\` as build args, \`SOURCE_DATE_EPOCH\` and \`--timestamp\`. ` +
          "Cold = `--no-cache` (the package managers' cache mounts stay warm across runs, as BuildKit's do on a CI runner). Rebuild = a comment appended to one source file, amd64, the cold build's layers reused; no-change rebuild = the same build once more, every step cached: the floor of a rebuild with this storage driver. " +
          'With vfs every layer commit copies the whole root filesystem, so layer-heavy steps cost more here than with overlayfs or BuildKit. Sizes: compressed (gzip, what a node pulls) / uncompressed.',
      },
      {
        table: {
          header: [
            'example',
            'amd64 cold (min–max)',
            'arm64 cold (min–max)',
            'arm64 / amd64',
            'rebuild after a source change (min–max)',
            'rebuild / cold',
            'no-change rebuild (min–max)',
            'amd64 size',
            'arm64 size',
          ],
          rows,
          numeric: [1, 2, 3, 4, 5, 6, 7, 8],
        },
      },
    ],
    goals,
  };
}

import { join, relative } from 'node:path';
import { renderPins, withPin, type Pins } from '@sugarkube/cluster';
import { formatPlatform, missingPlatforms, parsePlatform } from '@sugarkube/image-policy';
import { resolveEnvironment } from '@sugarkube/manifests';
import { CliError, inputError } from '../cli-error.js';
import type { RunInput } from '../command.js';
import { exitCodes } from '../exit-codes.js';
import { shownPath } from '../io/load-cluster.js';
import { LiveError, runningImages } from '../io/kube-live.js';
import { readExisting } from '../io/planned-tree.js';
import type { Registry } from '../io/registry.js';
import { unifiedDiff } from '../render/unified-diff.js';
import { runningTags } from './running-tags.js';
import { synthesizeCluster, type SynthesizedCluster } from './synthesize-cluster.js';
import { treeDiff, type FileDiff } from './tree-diff.js';

/** One image a promotion pins. */
export interface PromotedImage {
  readonly service: string;
  readonly image: string;
  readonly tag: string;
  readonly digest: string;
  readonly platforms: readonly string[];
  /** What the target environment ran before. */
  readonly previous: { readonly tag: string; readonly digest?: string } | undefined;
}

export interface PromotionPlan {
  readonly app: string;
  readonly from: string;
  readonly to: string;
  readonly images: readonly PromotedImage[];
  readonly synthesized: SynthesizedCluster;
  readonly out: string;
  readonly pinsText: string;
  /** The pins file and every tree file that changes, paths relative to `root`. */
  readonly files: readonly FileDiff[];
}

/**
 * Plans a promotion without changing anything: the tags `from` runs (from its synthesized
 * tree), each resolved to a digest in its registry and checked for the required platforms, the
 * pins file with `to` pinned to tag and digest, and the tree synthesized again from those pins.
 * A tag not in its registry is exit 4, a missing platform exit 5.
 */
export async function planPromotion(
  input: Pick<RunInput, 'context' | 'progress'>,
  options: {
    app: string;
    from: string;
    to: string;
    cluster: string | undefined;
    out: string | undefined;
    platforms: readonly string[];
    root: (synth: SynthesizedCluster) => string;
    /** Read what `from` runs from its cluster's API server instead of the synthesized tree. */
    live?: { kubeconfig: string | undefined; context: string | undefined; timeoutMs: number };
  },
  registry: Registry,
): Promise<PromotionPlan> {
  const { context } = input;
  const current = await synthesizeCluster(input, options.cluster);
  const { cluster, loaded } = current;
  const envs = cluster.environments.map((e) => e.name);
  for (const [flag, env] of [
    ['--from', options.from],
    ['--to', options.to],
  ] as const) {
    if (!envs.includes(env))
      throw inputError(`${flag}: expected one of the cluster's environments (${envs.join(', ')}), received "${env}"`);
  }
  if (options.from === options.to)
    throw inputError(`--to: expected an environment other than --from, received "${options.to}" twice`);
  const entry = cluster.apps.find((a) => a.app.descriptor.name === options.app);
  if (!entry)
    throw inputError(
      `APP: expected one of the cluster's apps (${cluster.apps.map((a) => a.app.descriptor.name).join(', ')}), received "${options.app}"`,
    );
  for (const env of [options.from, options.to]) {
    if (!entry.environments.includes(env))
      throw inputError(`${options.app} does not run in ${env} (it runs in ${entry.environments.join(', ')})`);
  }
  if (!entry.repository)
    throw inputError(
      `${options.app} is deployed from its chart; promote pins apps taken from their repository (change the chart version in the definition instead)`,
    );
  const out = options.out ?? loaded.out;
  const treeFile = `clusters/${options.from}/apps/${options.app}.yaml`;
  const fromContext = options.live?.context ?? cluster.environments.find((e) => e.name === options.from)!.kubeContext;
  const source = options.live
    ? `the ${options.from} cluster (context ${fromContext})`
    : shownPath(context.cwd, join(out, treeFile));
  let running: Map<string, { tag: string; digest?: string }>;
  if (options.live) {
    const live = options.live;
    const namespace = entry.app.descriptor.namespace ?? entry.app.descriptor.name;
    running = await input.progress(`reading what runs in ${namespace} on ${fromContext}`, () =>
      runningImages({ kubeconfig: live.kubeconfig, context: fromContext, namespace, timeoutMs: live.timeoutMs }).catch(
        (error: unknown) => {
          throw error instanceof LiveError
            ? new CliError(exitCodes.network, error.message)
            : inputError((error as Error).message);
        },
      ),
    );
  } else {
    const text = await readExisting(out, treeFile);
    if (text === undefined)
      throw inputError(
        `${source}: not found; run sugarkube synth first (promote reads the tag ${options.from} runs from the tree)`,
      );
    running = runningTags(text, options.app);
  }
  const targetRunning = runningTags(
    (await readExisting(out, `clusters/${options.to}/apps/${options.app}.yaml`)) ?? '',
    options.app,
  );
  const wanted = options.platforms.map((p) => parsePlatform(p));
  let pins: Pins = cluster.pins;
  const images: PromotedImage[] = [];
  for (const service of resolveEnvironment(entry.app.descriptor, options.to).services) {
    const image = service.image.repository;
    const from = running.get(image);
    if (!from)
      throw inputError(
        options.live
          ? `${source}: no Deployment runs ${image}`
          : `${source}: no tag for ${image} in the Kustomization app-${options.app} (spec.images); run sugarkube synth`,
      );
    const found = await registry.platforms(`${image}:${from.tag}`);
    const missing = missingPlatforms(wanted, found.platforms);
    if (missing.length > 0) {
      throw new CliError(
        exitCodes.platform,
        `${image}:${from.tag} lacks ${missing.map(formatPlatform).join(', ')} (it has ${found.platforms.map(formatPlatform).join(', ') || 'none'}); the ${options.to} nodes cannot run it, so it is not promoted`,
      );
    }
    pins = withPin(pins, options.to, options.app, service.name, { tag: from.tag, digest: found.digest });
    images.push({
      service: service.name,
      image,
      tag: from.tag,
      digest: found.digest,
      platforms: found.platforms.map(formatPlatform),
      previous: targetRunning.get(image),
    });
  }
  const pinsText = renderPins(pins);
  const next = await synthesizeCluster(
    { ...input, progress: (name, run) => input.progress(`${name} (with the new pins)`, run) },
    options.cluster,
    JSON.parse(pinsText),
  );
  const root = options.root(current);
  const rel = (path: string) => relative(root, path).split('\\').join('/');
  const before = await readExisting(loaded.pinsPath, '');
  const pinsDiff = unifiedDiff(rel(loaded.pinsPath), before, pinsText);
  const tree = (await treeDiff(out, next.files)).map((f) => ({
    ...f,
    path: rel(join(out, f.path)),
    diff: unifiedDiff(rel(join(out, f.path)), f.before, f.after),
  }));
  const files: FileDiff[] = [
    ...(pinsDiff
      ? [
          {
            path: rel(loaded.pinsPath),
            change: before === undefined ? ('added' as const) : ('modified' as const),
            before,
            after: pinsText,
            diff: pinsDiff,
          },
        ]
      : []),
    ...tree,
  ];
  return { app: options.app, from: options.from, to: options.to, images, synthesized: next, out, pinsText, files };
}

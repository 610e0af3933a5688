import { readdir, readFile } from 'node:fs/promises';
import { join, relative, resolve } from 'node:path';
import {
  applySetters,
  isSelectTagError,
  parseImageReference,
  RegistryClient,
  selectTag,
  type PolicyRef,
  type SelectTagSpec,
} from '@sugarkube/image-policy';
import { parseAllDocuments } from 'yaml';
import { UsageError, type Command } from '../context.js';
import { parseCommandArgs } from '../parse-command-args.js';
import { registryOptions } from '../io/registry-options.js';
import { unifiedDiff } from '../render/unified-diff.js';

const usage = `Usage: sugarkube policy preview [--dir DIR] [--diff] [--username USER] [--insecure]

Reads the Flux ImageRepository and ImagePolicy objects in DIR (default: ./out), lists each
repository's tags from its registry now, and prints the tag Flux would select for every policy,
with Flux's exact rules. With --diff, also prints, as a unified diff, how each
ImageUpdateAutomation in DIR (Setters strategy, its update path) would rewrite the YAML in DIR.
Exits 1 when a policy selects nothing.

Options:
  --dir DIR          the GitOps tree (the Git repository root Flux checks out)
  --diff             show the setter rewrite as a unified diff
  --username USER    registry user; password from SUGARKUBE_REGISTRY_PASSWORD (ghcr.io: GITHUB_TOKEN)
  --insecure         plain HTTP to the registries`;

type KubeObject = { apiVersion?: string; kind?: string; metadata?: { name?: string; namespace?: string }; spec?: Record<string, unknown> };

async function walk(dir: string, root = dir): Promise<string[]> {
  const out: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      if (entry.name !== '.git' && entry.name !== 'node_modules') out.push(...(await walk(path, root)));
    } else if (entry.isFile()) out.push(relative(root, path));
  }
  return out.sort();
}

export const policyCommand: Command = {
  name: 'policy',
  summary: 'preview which image tag each Flux ImagePolicy would pick now (policy preview [--diff])',
  usage,
  async run(args, context) {
    const parsed = parseCommandArgs(args, { dir: { type: 'string' }, diff: { type: 'boolean' }, username: { type: 'string' }, insecure: { type: 'boolean' } }, true);
    const [sub, ...extra] = parsed.positionals;
    if (sub !== 'preview') throw new UsageError(sub === undefined ? 'missing subcommand: preview' : `unknown subcommand "${sub}": expected preview`);
    if (extra.length > 0) throw new UsageError(`unexpected arguments: ${extra.join(' ')}`);
    const dir = resolve(context.cwd, parsed.values.dir ?? 'out');
    const files = new Map<string, string>();
    for (const path of await walk(dir).catch(() => {
      throw new Error(`cannot read ${dir}: synthesize the tree first (sugarkube synth) or pass --dir`);
    })) {
      if (/\.ya?ml$|(^|\/)Kustomization$/.test(path)) files.set(path, await readFile(join(dir, path), 'utf8'));
    }
    const objects: KubeObject[] = [];
    for (const [path, text] of files) {
      for (const doc of parseAllDocuments(text) as unknown as { errors: unknown[]; toJS(): unknown }[]) {
        if (doc.errors.length > 0) continue;
        const js = doc.toJS() as KubeObject | null;
        if (!js || typeof js !== 'object' || !js.apiVersion?.startsWith('image.toolkit.fluxcd.io/')) continue;
        if (js.apiVersion !== 'image.toolkit.fluxcd.io/v1') {
          context.stderr.write(`warning: ${path}: ${js.kind} ${js.metadata?.name} uses ${js.apiVersion}, which Flux 2.9 no longer serves; regenerate it\n`);
          continue;
        }
        objects.push(js);
      }
    }
    const key = (o: KubeObject, fallbackNs = 'flux-system') => `${o.metadata?.namespace ?? fallbackNs}/${o.metadata?.name ?? ''}`;
    const repositories = new Map(objects.filter((o) => o.kind === 'ImageRepository').map((o) => [key(o), o]));
    const policies = objects.filter((o) => o.kind === 'ImagePolicy').sort((a, b) => key(a).localeCompare(key(b)));
    if (policies.length === 0) {
      context.stderr.write(`no image.toolkit.fluxcd.io/v1 ImagePolicy objects found under ${dir}\n`);
      return 1;
    }
    const tagCache = new Map<string, Promise<string[]>>();
    const refs: PolicyRef[] = [];
    let failed = 0;
    const rows: string[][] = [];
    for (const policy of policies) {
      const ns = policy.metadata?.namespace ?? 'flux-system';
      const spec = (policy.spec ?? {}) as unknown as { imageRepositoryRef?: { name?: string; namespace?: string }; digestReflectionPolicy?: string } & SelectTagSpec;
      const repoKey = `${spec.imageRepositoryRef?.namespace ?? ns}/${spec.imageRepositoryRef?.name ?? ''}`;
      const repo = repositories.get(repoKey);
      const image = (repo?.spec as { image?: string } | undefined)?.image;
      if (!image) {
        rows.push([key(policy), '?', `error: ImageRepository ${repoKey} not found in ${dir}`]);
        failed++;
        continue;
      }
      try {
        const { registry, repository } = parseImageReference(image);
        const options = registryOptions(image, parsed.values);
        if (!tagCache.has(image)) tagCache.set(image, new RegistryClient(registry, options).listTags(repository, { pageSize: 1000 }));
        const tag = selectTag(spec, await tagCache.get(image)!);
        let digest: string | undefined;
        if (spec.digestReflectionPolicy === 'IfNotPresent' || spec.digestReflectionPolicy === 'Always') digest = await new RegistryClient(registry, options).headDigest(repository, tag);
        refs.push({ namespace: ns, name: policy.metadata?.name ?? '', latestRef: { name: image, tag, ...(digest ? { digest } : {}) } });
        rows.push([key(policy), image, digest ? `${tag}@${digest}` : tag]);
      } catch (error) {
        failed++;
        rows.push([key(policy), image, `error: ${isSelectTagError(error) ? `${error.reason}: ` : ''}${(error as Error).message}`]);
      }
    }
    const widths = [0, 1].map((i) => Math.max(...rows.map((r) => r[i]!.length), i === 0 ? 'POLICY'.length : 'IMAGE'.length));
    context.stdout.write(`${'POLICY'.padEnd(widths[0]!)}  ${'IMAGE'.padEnd(widths[1]!)}  SELECTED\n`);
    for (const r of rows) context.stdout.write(`${r[0]!.padEnd(widths[0]!)}  ${r[1]!.padEnd(widths[1]!)}  ${r[2]}\n`);

    if (parsed.values.diff) {
      const automations = objects.filter((o) => o.kind === 'ImageUpdateAutomation');
      const runs = automations.length > 0
        ? automations.map((a) => ({ namespace: a.metadata?.namespace ?? 'flux-system', path: ((a.spec?.update ?? {}) as { path?: string }).path }))
        : [{ namespace: 'flux-system', path: undefined }];
      const after = new Map<string, string>();
      for (const run of runs) {
        const result = applySetters(new Map([...files].map(([p, t]) => [p, after.get(p) ?? t])), refs, { namespace: run.namespace, ...(run.path === undefined ? {} : { path: run.path }) });
        for (const f of result.files) after.set(f.path, f.content);
        for (const p of result.problemFiles) context.stderr.write(`warning: ${p} contains a setter marker but does not parse; Flux skips it\n`);
      }
      for (const [path, content] of [...after].sort(([a], [b]) => a.localeCompare(b))) context.stdout.write(unifiedDiff(path, files.get(path), content));
      context.stderr.write(after.size === 0 ? 'image automation would change nothing\n' : `image automation would change ${after.size} file(s)\n`);
    }
    return failed === 0 ? 0 : 1;
  },
};

import {
  applySetters,
  isSelectTagError,
  parseImageReference,
  selectTag,
  type PolicyRef,
  type SelectTagSpec,
} from '@sugarkube/image-policy';
import type { GeneratedFile } from '@sugarkube/core';
import { parseAllDocuments } from 'yaml';
import { isCliError, type Problem } from '../cli-error.js';
import { exitCodes, type ExitCode } from '../exit-codes.js';
import type { Registry } from '../io/registry.js';
import { unifiedDiff } from '../render/unified-diff.js';

type KubeObject = {
  apiVersion?: string;
  kind?: string;
  metadata?: { name?: string; namespace?: string };
  spec?: Record<string, unknown>;
};

/** One ImagePolicy and what it would select now. */
export interface PolicyRow {
  readonly policy: string;
  readonly image: string | undefined;
  readonly tag?: string;
  readonly digest?: string;
  readonly error?: string;
}

export interface PolicyPreview {
  readonly exitCode: ExitCode;
  readonly policies: readonly PolicyRow[];
  /** With --diff: each file the ImageUpdateAutomations would rewrite, as a unified diff. */
  readonly changes: readonly { readonly path: string; readonly diff: string }[];
  readonly warnings: readonly Problem[];
}

/** The image.toolkit.fluxcd.io/v1 objects of a tree; older API versions are warnings (Flux 2.9 no longer serves them). */
function imageObjects(files: readonly GeneratedFile[], warnings: Problem[]): KubeObject[] {
  const objects: KubeObject[] = [];
  for (const { path, content } of files) {
    for (const doc of parseAllDocuments(content)) {
      if (!('errors' in doc) || doc.errors.length > 0) continue;
      const js = doc.toJS() as KubeObject | null;
      if (
        !js ||
        typeof js !== 'object' ||
        typeof js.apiVersion !== 'string' ||
        !js.apiVersion.startsWith('image.toolkit.fluxcd.io/')
      )
        continue;
      if (js.apiVersion !== 'image.toolkit.fluxcd.io/v1') {
        warnings.push({
          message: `${path}: ${js.kind} ${js.metadata?.name} uses ${js.apiVersion}, which Flux 2.9 no longer serves; regenerate it`,
          file: path,
        });
        continue;
      }
      objects.push(js);
    }
  }
  return objects;
}

const severity: readonly ExitCode[] = [exitCodes.ok, exitCodes.changes, exitCodes.notFound, exitCodes.network];

/**
 * Which tag each ImagePolicy in the tree would select now, with Flux's rules: the tags its
 * ImageRepository lists minus that repository's `exclusionList`, then the policy. With `diff`,
 * how each ImageUpdateAutomation would rewrite the setter-marked lines. A policy that selects
 * nothing is a finding (1); a registry that cannot be reached is 6, one without the image 4.
 */
export async function previewPolicies(
  files: readonly GeneratedFile[],
  registry: Registry,
  diff: boolean,
): Promise<PolicyPreview> {
  const warnings: Problem[] = [];
  const objects = imageObjects(files, warnings);
  const key = (o: KubeObject, fallbackNs = 'flux-system') =>
    `${o.metadata?.namespace ?? fallbackNs}/${o.metadata?.name ?? ''}`;
  const repositories = new Map(objects.filter((o) => o.kind === 'ImageRepository').map((o) => [key(o), o]));
  const policies = objects.filter((o) => o.kind === 'ImagePolicy').sort((a, b) => key(a).localeCompare(key(b)));
  const tagLists = new Map<string, Promise<string[]>>();
  const refs: PolicyRef[] = [];
  const rows: PolicyRow[] = [];
  let exitCode: ExitCode = exitCodes.ok;
  const worse = (code: ExitCode) => (exitCode = severity.indexOf(code) > severity.indexOf(exitCode) ? code : exitCode);
  for (const policy of policies) {
    const ns = policy.metadata?.namespace ?? 'flux-system';
    const spec = (policy.spec ?? {}) as unknown as {
      imageRepositoryRef?: { name?: string; namespace?: string };
      digestReflectionPolicy?: string;
    } & SelectTagSpec;
    const repoKey = `${spec.imageRepositoryRef?.namespace ?? ns}/${spec.imageRepositoryRef?.name ?? ''}`;
    const repoSpec = repositories.get(repoKey)?.spec as { image?: string; exclusionList?: string[] } | undefined;
    const image = repoSpec?.image;
    if (!image) {
      rows.push({ policy: key(policy), image: undefined, error: `ImageRepository ${repoKey} not found in the tree` });
      worse(exitCodes.changes);
      continue;
    }
    try {
      parseImageReference(image);
      if (!tagLists.has(image)) tagLists.set(image, registry.listTags(image));
      // The repository's exclusionList decides which tags the controller stores, before any policy sees them.
      const tag = selectTag(
        spec,
        await tagLists.get(image)!,
        repoSpec.exclusionList ? { exclusionList: repoSpec.exclusionList } : {},
      );
      const reflect = spec.digestReflectionPolicy === 'IfNotPresent' || spec.digestReflectionPolicy === 'Always';
      const digest = reflect ? await registry.headDigest(image, tag) : undefined;
      refs.push({
        namespace: ns,
        name: policy.metadata?.name ?? '',
        latestRef: { name: image, tag, ...(digest ? { digest } : {}) },
      });
      rows.push({ policy: key(policy), image, tag, ...(digest ? { digest } : {}) });
    } catch (error) {
      if (
        !isCliError(error) &&
        !isSelectTagError(error) &&
        !(error instanceof Error && /image reference/i.test(error.message))
      )
        throw error;
      worse(isCliError(error) ? error.exitCode : exitCodes.changes);
      rows.push({
        policy: key(policy),
        image,
        error: `${isSelectTagError(error) ? `${error.reason}: ` : ''}${error.message}`,
      });
    }
  }
  const changes: { path: string; diff: string }[] = [];
  if (diff) {
    const automations = objects.filter((o) => o.kind === 'ImageUpdateAutomation');
    const runs =
      automations.length > 0
        ? automations.map((a) => ({
            namespace: a.metadata?.namespace ?? 'flux-system',
            path: ((a.spec?.update ?? {}) as { path?: string }).path,
          }))
        : [{ namespace: 'flux-system', path: undefined }];
    const original = new Map(files.map((f) => [f.path, f.content]));
    const after = new Map<string, string>();
    for (const run of runs) {
      const result = applySetters(new Map([...original].map(([p, t]) => [p, after.get(p) ?? t])), refs, {
        namespace: run.namespace,
        ...(run.path === undefined ? {} : { path: run.path }),
      });
      for (const f of result.files) after.set(f.path, f.content);
      for (const p of result.problemFiles)
        warnings.push({ message: `${p} contains a setter marker but does not parse; Flux skips it`, file: p });
    }
    for (const [path, content] of [...after].sort(([a], [b]) => a.localeCompare(b))) {
      const text = unifiedDiff(path, original.get(path), content);
      if (text) changes.push({ path, diff: text });
    }
  }
  return { exitCode, policies: rows, changes, warnings };
}

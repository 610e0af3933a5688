import { Document } from 'yaml';
import type { App } from '../descriptor/app.js';
import type { KubeObject } from '../plan/kube-object.js';
import { planBase } from '../plan/plan-app.js';
import { environmentsOf } from '../plan/resolve-environment.js';
import type { GeneratedFile } from './generated-file.js';
import { planOverlay, type OverlayPlan } from './overlay.js';
import { generatedHeader, renderDocument, renderYamlDocument, sortKeys } from './render-yaml.js';
import { imagePolicySetter } from './setter-marker.js';

/** Options for `renderAppTree`. */
export interface RenderAppTreeOptions {
  /**
   * Directory the tree is written under.
   * @default the app name
   */
  readonly directory?: string;
  /**
   * Environments to render.
   * @default every environment of the app
   */
  readonly environments?: readonly string[];
  /**
   * Command named in the generated-file header.
   * @default "npx sugarkube synth"
   */
  readonly regenerateCommand?: string;
}

/** The file name of an object: `<kind>-<name>.yaml`. */
export function objectFileName(object: KubeObject): string {
  return `${object.kind.toLowerCase()}-${object.metadata.name}.yaml`;
}

const kustomization = (fields: Record<string, unknown>) => ({
  apiVersion: 'kustomize.config.k8s.io/v1beta1',
  kind: 'Kustomization',
  ...fields,
});

function identity(object: KubeObject) {
  return {
    apiVersion: object.apiVersion,
    kind: object.kind,
    metadata: { name: object.metadata.name, ...(object.metadata.namespace ? { namespace: object.metadata.namespace } : {}) },
  };
}

function overlayFiles(plan: OverlayPlan, known: readonly KubeObject[], dir: string, header: string): GeneratedFile[] {
  const files: GeneratedFile[] = [];
  const resources = ['../../base'];
  const patches: Record<string, unknown>[] = [];
  for (const object of plan.resources) {
    resources.push(objectFileName(object));
    files.push({ path: `${dir}/${objectFileName(object)}`, content: header + renderDocument(object) });
  }
  for (const { target, operations } of plan.diffs) {
    const path = `patches/${objectFileName(target)}`;
    patches.push({ path, target: { kind: target.kind, name: target.metadata.name } });
    files.push({ path: `${dir}/${path}`, content: header + renderDocument(operations) });
  }
  for (const object of plan.deletions) {
    const path = `patches/delete-${objectFileName(object)}`;
    patches.push({ path });
    files.push({ path: `${dir}/${path}`, content: header + renderDocument({ ...identity(object), $patch: 'delete' }) });
  }
  plan.env.patches.forEach((patch, index) => {
    const path = `patches/custom-${index + 1}-${patch.target.kind.toLowerCase()}-${patch.target.name}.yaml`;
    patches.push({ path, target: { kind: patch.target.kind, name: patch.target.name } });
    const target = known.find((o) => o.kind === patch.target.kind && o.metadata.name === patch.target.name);
    const body = patch.json6902 ?? {
      ...patch.strategicMerge,
      ...(target ? identity(target) : { kind: patch.target.kind }),
      metadata: { ...(patch.strategicMerge?.metadata as object | undefined), ...(target ? identity(target).metadata : { name: patch.target.name }) },
    };
    files.push({ path: `${dir}/${path}`, content: header + renderDocument(body) });
  });
  const images = plan.env.services.map((service) => ({
    name: service.image.repository,
    ...(service.image.digest ? { digest: service.image.digest } : { newTag: service.image.tag }),
    policy: service.image.policy,
  }));
  const document = new Document(sortKeys(kustomization({ resources, ...(patches.length ? { patches } : {}), images: images.map(({ policy: _p, ...i }) => i) })));
  images.forEach((image, index) => {
    if (!image.policy || 'digest' in image) return;
    const node = document.getIn(['images', index, 'newTag'], true) as { comment?: string } | undefined;
    if (node) node.comment = ` ${imagePolicySetter(image.policy)}`;
  });
  files.unshift({ path: `${dir}/kustomization.yaml`, content: header + renderYamlDocument(document) });
  return files;
}

/**
 * The app as a Kustomize tree: `<app>/base/*.yaml` and one
 * `<app>/overlays/<env>/` per environment (resources, patches, and `images:`
 * entries with Flux setter markers). Pure: returns files, writes nothing.
 */
export function renderAppTree(app: App, options: RenderAppTreeOptions = {}): GeneratedFile[] {
  const root = options.directory ?? app.descriptor.name;
  const header = generatedHeader(options.regenerateCommand ?? 'npx sugarkube synth');
  const base = planBase(app);
  const files: GeneratedFile[] = [
    { path: `${root}/base/kustomization.yaml`, content: header + renderDocument(kustomization({ resources: base.map(objectFileName) })) },
    ...base.map((object) => ({ path: `${root}/base/${objectFileName(object)}`, content: header + renderDocument(object) })),
  ];
  const environments = options.environments ?? Object.keys(environmentsOf(app.descriptor));
  for (const env of environments) {
    const plan = planOverlay(app, base, env);
    files.push(...overlayFiles(plan, [...base, ...plan.resources], `${root}/overlays/${env}`, header));
  }
  return files;
}

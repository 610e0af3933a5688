import type { App } from '../descriptor/app.js';
import type { KubeObject } from '../plan/kube-object.js';
import { planBase } from '../plan/plan-app.js';
import { environmentsOf } from '../plan/resolve-environment.js';
import {
  checkArguments,
  generatedHeader,
  issue,
  renderYaml,
  ValidationError,
  type GeneratedFile,
} from '@sugarkube/core';
import {
  appArgument,
  environmentChoice,
  headerOptionsSchema,
  objectIdentity,
  renderAppTreeOptionsSchema,
} from '../validate/arguments.js';
import { planOverlay, type OverlayPlan } from './overlay.js';
import { withScannerAllowances } from './scanner-allow.js';

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
   * @default "npx projen"
   */
  readonly regenerateCommand?: string;
  /**
   * What to change instead of the files, named in the header.
   * @default "sugarkube.yaml"
   */
  readonly source?: string;
}

/** The header of every file of an app tree. */
export function appTreeHeader(options: Pick<RenderAppTreeOptions, 'regenerateCommand' | 'source'> = {}): string {
  checkArguments('appTreeHeader options', [[[], headerOptionsSchema, options]]);
  return generatedHeader({
    generator: '@sugarkube/manifests',
    source: options.source ?? 'sugarkube.yaml',
    command: options.regenerateCommand ?? 'npx projen',
  });
}

/** The file name of an object: `<kind>-<name>.yaml`. */
export function objectFileName(object: KubeObject): string {
  checkArguments('objectFileName argument', [[[], objectIdentity, object]]);
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
    metadata: {
      name: object.metadata.name,
      ...(object.metadata.namespace ? { namespace: object.metadata.namespace } : {}),
    },
  };
}

function overlayFiles(plan: OverlayPlan, known: readonly KubeObject[], dir: string, header: string): GeneratedFile[] {
  const files: GeneratedFile[] = [];
  const resources = ['../../base'];
  const patches: Record<string, unknown>[] = [];
  for (const object of plan.resources) {
    resources.push(objectFileName(object));
    files.push({
      path: `${dir}/${objectFileName(object)}`,
      content: renderYaml([withScannerAllowances(object)], { header }),
    });
  }
  for (const { target, operations } of plan.diffs) {
    const path = `patches/${objectFileName(target)}`;
    patches.push({ path, target: { kind: target.kind, name: target.metadata.name } });
    files.push({ path: `${dir}/${path}`, content: renderYaml([operations], { header }) });
  }
  for (const object of plan.deletions) {
    const path = `patches/delete-${objectFileName(object)}`;
    patches.push({ path });
    files.push({
      path: `${dir}/${path}`,
      content: renderYaml([{ ...identity(object), $patch: 'delete' }], { header }),
    });
  }
  plan.env.patches.forEach((patch, index) => {
    const path = `patches/custom-${index + 1}-${patch.target.kind.toLowerCase()}-${patch.target.name}.yaml`;
    patches.push({ path, target: { kind: patch.target.kind, name: patch.target.name } });
    const target = known.find((o) => o.kind === patch.target.kind && o.metadata.name === patch.target.name);
    const body = patch.json6902 ?? {
      ...patch.strategicMerge,
      ...(target ? identity(target) : { kind: patch.target.kind }),
      metadata: {
        ...(patch.strategicMerge?.metadata as object | undefined),
        ...(target ? identity(target).metadata : { name: patch.target.name }),
      },
    };
    files.push({ path: `${dir}/${path}`, content: renderYaml([body], { header }) });
  });
  // Only pins the descriptor itself makes: tags are the cluster's data (its Flux Kustomization's
  // `spec.images`, moved by image automation or a promotion), never the app repo's.
  const images = plan.env.services
    .filter((service) => service.image.digest !== undefined || service.image.tag !== undefined)
    .map((service) => ({
      name: service.image.repository,
      ...(service.image.digest ? { digest: service.image.digest } : { newTag: service.image.tag }),
    }));
  const fields = { resources, ...(patches.length ? { patches } : {}), ...(images.length ? { images } : {}) };
  files.unshift({ path: `${dir}/kustomization.yaml`, content: renderYaml([kustomization(fields)], { header }) });
  return files;
}

/**
 * The app as a Kustomize tree: `<app>/base/*.yaml` and one
 * `<app>/overlays/<env>/` per environment (resources and patches; `images:` only
 * where the descriptor pins a tag). Pure: returns files, writes nothing.
 */
export function renderAppTree(app: App, options: RenderAppTreeOptions = {}): GeneratedFile[] {
  checkArguments('renderAppTree arguments', [
    [['app'], appArgument, app],
    [['options'], renderAppTreeOptionsSchema, options],
  ]);
  const known = Object.keys(environmentsOf(app.descriptor));
  const unknown = (options.environments ?? []).flatMap((env, i) =>
    known.includes(env) ? [] : [issue(['options', 'environments', i], environmentChoice(known), env)],
  );
  if (unknown.length > 0) throw new ValidationError('renderAppTree arguments', unknown);
  const root = options.directory ?? app.descriptor.name;
  const header = appTreeHeader(options);
  const base = planBase(app);
  const files: GeneratedFile[] = [
    {
      path: `${root}/base/kustomization.yaml`,
      content: renderYaml([kustomization({ resources: base.map(objectFileName) })], { header }),
    },
    ...base.map((object) => ({
      path: `${root}/base/${objectFileName(object)}`,
      content: renderYaml([withScannerAllowances(object)], { header }),
    })),
  ];
  const environments = options.environments ?? known;
  for (const env of environments) {
    const plan = planOverlay(app, base, env);
    files.push(...overlayFiles(plan, [...base, ...plan.resources], `${root}/overlays/${env}`, header));
  }
  return files;
}

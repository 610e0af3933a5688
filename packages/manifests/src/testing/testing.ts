import type { AppDescriptor } from '../descriptor/app-schema.js';
import { isApp, type App } from '../descriptor/app.js';
import type { KubeObject } from '../plan/kube-object.js';
import { planApp } from '../plan/plan-app.js';
import { renderAppTree, type RenderAppTreeOptions } from '../render/render-app-tree.js';
import { defineApp } from '../validate/define-app.js';

const toApp = (app: App | AppDescriptor) => (isApp(app) ? app : defineApp(app));

/**
 * Test helpers in the manner of projen's `Testing`: render an app to
 * `{ path: content }` and look objects up by kind and name.
 */
export const Testing = {
  /** The rendered Kustomize tree as `{ path: content }`. */
  synth(app: App | AppDescriptor, options?: RenderAppTreeOptions): Record<string, string> {
    return Object.fromEntries(renderAppTree(toApp(app), options).map((f) => [f.path, f.content]));
  },
  /** The objects of one environment. */
  objects(app: App | AppDescriptor, environment = 'staging'): KubeObject[] {
    return planApp(toApp(app), environment);
  },
  /** One object of one environment by kind and name; throws listing what exists. */
  find(app: App | AppDescriptor, kind: string, name: string, environment = 'staging'): KubeObject {
    const objects = planApp(toApp(app), environment);
    const found = objects.find((o) => o.kind === kind && o.metadata.name === name);
    if (!found) throw new Error(`no ${kind}/${name} in ${environment}; objects: ${objects.map((o) => `${o.kind}/${o.metadata.name}`).join(', ')}`);
    return found;
  },
} as const;

import { checkArguments, issue, prefixIssues, ValidationError } from '@sugarkube/core';
import { z } from 'zod';
import type { AppDescriptor } from '../descriptor/app-schema.js';
import { isApp, type App } from '../descriptor/app.js';
import type { KubeObject } from '../plan/kube-object.js';
import { planApp } from '../plan/plan-app.js';
import { renderAppTree, type RenderAppTreeOptions } from '../render/render-app-tree.js';
import { appOrDescriptor } from '../validate/arguments.js';
import { defineApp } from '../validate/define-app.js';

/** The app, validated if it is a descriptor; its problems are reported under `app`. */
function toApp(app: App | AppDescriptor): App {
  checkArguments('Testing arguments', [[['app'], appOrDescriptor, app]]);
  if (isApp(app)) return app;
  try {
    return defineApp(app);
  } catch (error) {
    if (!ValidationError.is(error)) throw error;
    throw new ValidationError(error.subject, prefixIssues(['app'], error.issues));
  }
}

const name = (what: string) => z.string({ error: what });

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
  /** One object of one environment by kind and name; throws a `ValidationError` listing what exists. */
  find(app: App | AppDescriptor, kind: string, name_: string, environment = 'staging'): KubeObject {
    checkArguments('Testing.find arguments', [
      [['kind'], name('a kind such as "Deployment"'), kind],
      [['name'], name('an object name'), name_],
    ]);
    const objects = planApp(toApp(app), environment);
    const found = objects.find((o) => o.kind === kind && o.metadata.name === name_);
    if (!found) {
      const kinds = [...new Set(objects.map((o) => o.kind))];
      const named = objects.filter((o) => o.kind === kind).map((o) => JSON.stringify(o.metadata.name));
      throw new ValidationError('Testing.find arguments', [
        kinds.includes(kind)
          ? issue(['name'], `the name of a ${kind} planned in ${environment} (${named.join(', ')})`, name_)
          : issue(
              ['kind'],
              `a kind planned in ${environment} (${kinds.map((k) => JSON.stringify(k)).join(', ')})`,
              kind,
            ),
      ]);
    }
    return found;
  },
} as const;

import { checkArguments, renderYaml, type GeneratedFile } from '@sugarkube/core';
import { appArgument, renderImageAutomationOptionsSchema } from '../validate/arguments.js';
import type { App } from '../descriptor/app.js';
import { planImageAutomation } from '../plan/image-automation.js';
import { appTreeHeader, objectFileName, type RenderAppTreeOptions } from './render-app-tree.js';

/**
 * `<directory>/image-automation/`: the app's ImageRepository and ImagePolicy objects and a
 * kustomization listing them, for the cluster's Flux Kustomization to apply where an
 * environment follows builds. Pure.
 */
export function renderImageAutomation(
  app: App,
  options: Pick<RenderAppTreeOptions, 'directory' | 'regenerateCommand' | 'source'> = {},
): GeneratedFile[] {
  checkArguments('renderImageAutomation arguments', [
    [['app'], appArgument, app],
    [['options'], renderImageAutomationOptionsSchema, options],
  ]);
  const dir = `${options.directory ?? app.descriptor.name}/image-automation`;
  const header = appTreeHeader(options);
  const objects = planImageAutomation(app);
  return [
    {
      path: `${dir}/kustomization.yaml`,
      content: renderYaml(
        [
          {
            apiVersion: 'kustomize.config.k8s.io/v1beta1',
            kind: 'Kustomization',
            resources: objects.map(objectFileName),
          },
        ],
        { header },
      ),
    },
    ...objects.map((object) => ({
      path: `${dir}/${objectFileName(object)}`,
      content: renderYaml([object], { header }),
    })),
  ];
}

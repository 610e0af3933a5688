import { renderYaml, runtimeOf, type RuntimeName } from '@sugarkube/core';
import { schemaUrl } from '@sugarkube/manifests';

/** What `sugarkube init` asks for. */
export interface InitOptions {
  /** The app slug (namespace, release, labels). */
  readonly name: string;
  readonly runtime: RuntimeName;
  /** `ghcr.io/<owner>/<image>` */
  readonly image: string;
  /** @default 8080 */
  readonly port?: number;
  /** The apex domain; hosts are `staging.<apex>` and `<apex>`. No route when absent. */
  readonly domain?: string;
}

/** A starter `sugarkube.yaml`: the smallest descriptor that runs, with the schema line editors read. */
export function renderInitDescriptor(options: InitOptions): string {
  const descriptor = {
    name: options.name,
    services: [
      {
        name: 'web',
        runtime: options.runtime,
        image: { repository: options.image },
        port: options.port ?? runtimeOf(options.runtime).port,
        probes: { ...runtimeOf(options.runtime).probes },
      },
    ],
    ...(options.domain ? { routes: [{ apex: options.domain }] } : {}),
    environments: { staging: {}, prod: {} },
  };
  return [
    `# yaml-language-server: $schema=${schemaUrl}`,
    '# The Sugarkube app descriptor: `npx projen` generates the Dockerfile, workflows and deploy/ from it.',
    '# Validate with `npx sugarkube validate`; reference: docs/descriptor.md (@sugarkube/manifests README).',
    renderYaml([descriptor], { keyOrder: 'given' }),
  ].join('\n');
}

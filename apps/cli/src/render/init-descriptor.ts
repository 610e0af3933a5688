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

/**
 * The build fields a runtime requires, as placeholders the team edits: the command a node image
 * runs, the WSGI/ASGI server of a python one, the server script of a node-served static site.
 */
function starterBuild(runtime: RuntimeName): Record<string, unknown> | undefined {
  if (runtime === 'node') return { command: ['node', 'server.js'] };
  if (runtime === 'python') return { server: { kind: 'gunicorn', app: 'app:app' } };
  if (runtime === 'static-node') return { serverScript: 'server.js' };
  return undefined;
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
        ...(starterBuild(options.runtime) ? { build: starterBuild(options.runtime) } : {}),
        probes: { ...runtimeOf(options.runtime).probes },
      },
    ],
    ...(options.domain ? { routes: [{ apex: options.domain }] } : {}),
    environments: { staging: {}, prod: {} },
  };
  return [
    `# yaml-language-server: $schema=${schemaUrl}`,
    '# The Sugarkube app descriptor: `npx projen` generates the Dockerfile, workflows and deploy/ from it.',
    '# Validate with `npx sugarkube validate`; reference: https://www.npmjs.com/package/@sugarkube/manifests',
    renderYaml([descriptor], { keyOrder: 'given' }),
  ].join('\n');
}

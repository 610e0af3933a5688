import { schemaUrl, type runtimes } from '@sugarkube/manifests';
import { stringify } from 'yaml';

export type Runtime = (typeof runtimes)[number];

/** What `sugarkube init` asks for. */
export interface InitOptions {
  /** The app slug (namespace, release, labels). */
  readonly name: string;
  readonly runtime: Runtime;
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
        port: options.port ?? 8080,
        probes: { readiness: '/healthz', liveness: '/livez' },
        writablePaths: ['/tmp'],
      },
    ],
    ...(options.domain ? { routes: [{ apex: options.domain }] } : {}),
    environments: { staging: {}, prod: {} },
  };
  return [
    `# yaml-language-server: $schema=${schemaUrl}`,
    '# The Sugarkube app descriptor. Validate with `npx sugarkube validate`; reference: @sugarkube/manifests README.',
    stringify(descriptor, { lineWidth: 0 }),
  ].join('\n');
}

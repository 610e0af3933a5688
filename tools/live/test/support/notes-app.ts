import { appRepoFiles, defineApp, type App } from '@sugarkube/manifests';
import type { RepoFile } from '../../src/index.js';

/**
 * A small app that keeps data on a volume, for the data-safety proof: a Node service with one
 * ReadWriteOnce claim (so `Recreate`), in staging only. Its volume uses k3s' `local-path` class:
 * Longhorn's manager does not run on kwok nodes, so its class never exists here.
 */
export const notesDescriptor = {
  name: 'notes',
  services: [
    {
      name: 'web',
      runtime: 'node',
      image: { repository: 'ghcr.io/sugarkube-live/notes' },
      port: 8080,
      build: { command: ['node', 'server.js'] },
      probes: { readiness: '/healthz', liveness: '/healthz' },
      volumes: [{ name: 'data', mountPath: '/data', size: '1Gi', storageClass: 'local-path' }],
    },
  ],
} as const;

export const notesApp: App = defineApp(notesDescriptor);
export const notesRepository = 'https://github.com/sugarkube-live/notes';

/** The notes app repo: what `SugarkubeApp` generates from its descriptor, the descriptor, a server. */
export function notesRepoFiles(): RepoFile[] {
  return [
    ...appRepoFiles(notesApp),
    { path: 'sugarkube.yaml', content: `${JSON.stringify(notesDescriptor, null, 2)}\n` },
    {
      path: 'server.js',
      content:
        "import { createServer } from 'node:http';\ncreateServer((req, res) => res.end('ok\\n')).listen(Number(process.env.PORT ?? 8080));\n",
    },
    { path: 'package.json', content: '{ "name": "notes", "private": true, "type": "module" }\n' },
  ];
}

import {
  baseImageGlibcMinor,
  baseImageReference,
  baseImages,
  intIn,
  repoPath,
  runtimes,
  sortFiles,
  strictObject,
  type GeneratedFile,
} from '@sugarkube/core';
import { z } from 'zod';
import { commandSchema } from '../options/option-fields.js';
import { parseOptions } from '@sugarkube/core';
import {
  commonBuildShape,
  commonDockerfileShape,
  defaultHeader,
  dockerfileHead,
  envLines,
  execForm,
  finalStageOrderComment,
  joinLines,
  ociLabelLines,
  runAsLines,
  targetArchCase,
} from './dockerfile-common.js';
import { dockerignore } from './dockerignore.js';

const wsgiApp = z
  .string({ error: 'a module:attribute such as "relay:app"' })
  .regex(/^[A-Za-z_][\w.]*:[A-Za-z_][\w.()]*$/, { error: 'a module:attribute such as "relay:app"' });
const positive = (what: string) => intIn(1, 1000, `a positive integer (${what})`);

/** How the Python app is served. */
export const pythonServerSchema = z.discriminatedUnion(
  'kind',
  [
    strictObject({
      kind: z
        .literal('gunicorn')
        .describe('A WSGI app under gunicorn (token.place: relay:app, 1 worker, 4 threads); it binds 0.0.0.0:$PORT.'),
      app: wsgiApp.describe('The app as module:attribute, e.g. "relay:app".'),
      workers: positive('worker processes').describe('Default 1.').optional(),
      threads: positive('threads per worker').describe('Default 4.').optional(),
      timeout: positive('seconds').describe('Worker timeout in seconds. Default 60.').optional(),
    }),
    strictObject({
      kind: z
        .literal('uvicorn')
        .describe('An ASGI app under uvicorn (UVICORN_HOST/UVICORN_PORT come from the environment).'),
      app: wsgiApp.describe('The app as module:attribute, e.g. "main:app".'),
    }),
    strictObject({
      kind: z.literal('command').describe('Anything else, exec form.'),
      command: commandSchema.describe('The server command, e.g. ["python", "-m", "relay"].'),
    }),
  ],
  { error: 'a server such as { kind: "gunicorn", app: "relay:app" }' },
);
export type PythonServer = z.output<typeof pythonServerSchema>;

/** The build fields of a Python web service installed from a pip requirements file (runtime `python`). */
export const pythonBuildShape = {
  ...commonBuildShape,
  server: pythonServerSchema.describe('How the app is served: gunicorn (WSGI), uvicorn (ASGI) or a command.'),
  requirements: repoPath
    .describe('The pip requirements file, relative to the repo root. Default "requirements.txt".')
    .optional(),
  wheels: z
    .enum(['cross', 'target'], { error: 'one of "cross", "target"' })
    .describe(
      'Where wheels are resolved: "cross" installs on the builder with pip --platform tags for the target (binary wheels only, no emulation); "target" installs on the target platform (sdist-only packages with C extensions). Default "cross".',
    )
    .optional(),
};

/** Options of `pythonDockerfile`. */
export const pythonDockerfileOptionsSchema = strictObject({ ...pythonBuildShape, ...commonDockerfileShape });
export type PythonDockerfileOptions = z.input<typeof pythonDockerfileOptionsSchema>;

const imageArg = baseImages.python.buildArg;
const pipCache = '--mount=type=cache,target=/root/.cache/pip,sharing=locked';

function serverCommand(server: PythonServer): string[] {
  switch (server.kind) {
    case 'gunicorn':
      return [
        'python',
        '-m',
        'gunicorn',
        '--workers',
        String(server.workers ?? 1),
        '--threads',
        String(server.threads ?? 4),
        '--timeout',
        String(server.timeout ?? 60),
        '--access-logfile',
        '-',
        server.app,
      ];
    case 'uvicorn':
      return ['python', '-m', 'uvicorn', server.app];
    case 'command':
      return [...server.command];
  }
}

/** The Dockerfile and `.dockerignore` for a Python web service. Pure. */
export function pythonDockerfile(options: PythonDockerfileOptions): GeneratedFile[] {
  const o = parseOptions('pythonDockerfile options', pythonDockerfileOptionsSchema, options);
  const runtime = runtimes.python;
  const requirements = o.requirements ?? 'requirements.txt';
  const port = o.port ?? runtime.port;
  const user = o.user ?? runtime.user;
  const s = o.server;
  const wheels = o.wheels ?? 'cross';
  const env: Record<string, string> = {
    PYTHONPATH: '/opt/deps',
    PYTHONDONTWRITEBYTECODE: '1',
    PYTHONUNBUFFERED: '1',
    PORT: String(port),
    // Under a read-only root HOME must be writable: the runtime's first writable path.
    HOME: runtime.writablePaths[0] ?? '/tmp',
    ...(s.kind === 'uvicorn' ? { UVICORN_HOST: '0.0.0.0', UVICORN_PORT: String(port) } : {}),
    ...o.env,
  };
  const install = [`RUN ${pipCache} \\`, '    set -eu; \\'];
  if (wheels === 'cross') {
    install.push(
      ...targetArchCase('arch', { amd64: 'x86_64', arm64: 'aarch64' }),
      `    set -- --platform "manylinux2014_$arch"; v=17; while [ "$v" -le ${baseImageGlibcMinor} ]; do set -- "$@" --platform "manylinux_2_\${v}_$arch"; v=$((v + 1)); done; \\`,
      '    pip install --disable-pip-version-check --no-warn-script-location --no-compile \\',
      `      --target /deps --only-binary=:all: "$@" --requirement ${requirements}`,
    );
  } else {
    install.push(
      '    pip install --disable-pip-version-check --no-warn-script-location --no-compile \\',
      `      --target /deps --requirement ${requirements}`,
    );
  }
  const lines = [
    ...dockerfileHead(o, `Python (${s.kind})`, [`${imageArg}=${baseImageReference(baseImages.python)}`]),
    '',
    wheels === 'cross'
      ? "# Dependencies for the TARGET platform, resolved on the builder: pip picks the target's\n# binary wheels (--platform manylinux_*_<arch>, --only-binary). Only the requirements file is\n# copied, so a source-only change reuses this layer. No .pyc files: marshal output is not\n# byte-stable across runs (CPython bpo-34093), so they would break layer reproducibility."
      : '# Dependencies installed ON the target platform (sdists with C extensions compile for it).',
    `FROM --platform=${wheels === 'cross' ? '$BUILDPLATFORM' : '$TARGETPLATFORM'} \${${imageArg}} AS deps`,
    'ARG TARGETPLATFORM',
    'WORKDIR /src',
    `COPY ${requirements} ./${requirements}`,
    ...install,
    '',
    '# The image: target platform, dependencies, source, non-root.',
    finalStageOrderComment,
    `FROM --platform=$TARGETPLATFORM \${${imageArg}} AS runtime`,
    ...ociLabelLines(),
    ...envLines(env),
    'WORKDIR /app',
    ...runAsLines(user, port),
    `CMD ${execForm(serverCommand(s))}`,
    'COPY --from=deps /deps /opt/deps',
    'COPY . /app/',
  ];
  return sortFiles([
    { path: 'Dockerfile', content: joinLines(lines) },
    dockerignore('python', { header: o.header ?? defaultHeader, extra: o.dockerignore }),
  ]);
}

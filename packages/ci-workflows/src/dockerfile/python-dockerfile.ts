import { baseImageGlibcMinor, baseImageReference, baseImages } from '../base-images/base-images.js';
import type { CommonDockerfileOptions, GeneratedDockerFile } from './dockerfile-common.js';
import { IssueCollector, defaultDockerfileHeader, dockerfileHead, envLines, execForm, finalStageOrderComment, joinLines, ociLabelLines, targetArchCase } from './dockerfile-common.js';
import { dockerignore } from './dockerignore.js';

/** How the Python app is served. */
export type PythonServer =
  /** A WSGI app under gunicorn (token.place: `relay:app`, 1 worker, 4 threads). It binds `0.0.0.0:$PORT`. */
  | { readonly kind: 'gunicorn'; readonly app: string; /** @default 1 */ readonly workers?: number; /** @default 4 */ readonly threads?: number; /** @default 60 */ readonly timeout?: number }
  /** An ASGI app under uvicorn (`UVICORN_HOST`/`UVICORN_PORT` come from the environment). */
  | { readonly kind: 'uvicorn'; readonly app: string }
  /** Anything else, exec form. */
  | { readonly kind: 'command'; readonly command: readonly string[] };

/** A Python web service installed from a pip requirements file. */
export interface PythonDockerfileOptions extends CommonDockerfileOptions {
  readonly server: PythonServer;
  /**
   * The pip requirements file, relative to the repo root.
   * @default 'requirements.txt'
   */
  readonly requirements?: string;
  /**
   * Port the server listens on (`PORT`, `EXPOSE`).
   * @default 8000
   */
  readonly port?: number;
  /**
   * Where wheels are resolved: `cross` installs on the builder with pip's `--platform`
   * tags for the target (binary wheels only: no emulation); `target` installs on the
   * target platform (needed for sdist-only packages with C extensions; native runner or QEMU).
   * @default 'cross'
   */
  readonly wheels?: 'cross' | 'target';
}

const imageArg = baseImages.python.buildArg;
const pipCache = '--mount=type=cache,target=/root/.cache/pip,sharing=locked';

function serverCommand(server: PythonServer): string[] {
  switch (server.kind) {
    case 'gunicorn':
      return ['python', '-m', 'gunicorn', '--workers', String(server.workers ?? 1), '--threads', String(server.threads ?? 4),
        '--timeout', String(server.timeout ?? 60), '--access-logfile', '-', server.app];
    case 'uvicorn':
      return ['python', '-m', 'uvicorn', server.app];
    case 'command':
      return [...server.command];
  }
}

/** The Dockerfile and `.dockerignore` for a Python web service. Pure. */
export function pythonDockerfile(options: PythonDockerfileOptions): GeneratedDockerFile[] {
  const issues = new IssueCollector();
  const requirements = options.requirements ?? 'requirements.txt';
  const port = options.port ?? 8000;
  const user = options.user ?? 10001;
  issues.relativePath('requirements', requirements);
  issues.port('port', port);
  issues.user('user', user);
  issues.env('env', options.env);
  const s = options.server;
  if (s.kind === 'command') issues.command('server.command', s.command);
  else if (!/^[A-Za-z_][\w.]*:[A-Za-z_][\w.()]*$/.test(s.app)) issues.add('server.app', 'a module:attribute like relay:app', s.app);
  if (s.kind === 'gunicorn') {
    for (const k of ['workers', 'threads', 'timeout'] as const) {
      const v = s[k];
      if (v !== undefined && (!Number.isInteger(v) || v < 1)) issues.add(`server.${k}`, 'a positive integer', v);
    }
  }
  issues.throwIfAny('pythonDockerfile');

  const wheels = options.wheels ?? 'cross';
  const env: Record<string, string> = {
    PYTHONPATH: '/opt/deps',
    PYTHONDONTWRITEBYTECODE: '1',
    PYTHONUNBUFFERED: '1',
    PORT: String(port),
    HOME: '/tmp',
    ...(s.kind === 'uvicorn' ? { UVICORN_HOST: '0.0.0.0', UVICORN_PORT: String(port) } : {}),
    ...options.env,
  };
  const install = [
    `RUN ${pipCache} \\`,
    '    set -eu; \\',
  ];
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
    ...dockerfileHead(options.header, `Python (${s.kind})`, [`${imageArg}=${baseImageReference(baseImages.python)}`]),
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
    `USER ${user}:${user}`,
    `EXPOSE ${port}`,
    `CMD ${execForm(serverCommand(s))}`,
    'COPY --from=deps /deps /opt/deps',
    'COPY . /app/',
  ];
  return [
    { path: 'Dockerfile', content: joinLines(lines) },
    dockerignore('python', { header: options.header ?? defaultDockerfileHeader, extra: options.dockerignore }),
  ];
}

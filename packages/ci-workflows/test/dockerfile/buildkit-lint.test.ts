/**
 * BuildKit's own Dockerfile linter (the checks `docker build --check` runs), built from
 * the Go module proxy at the version pinned in tools/buildah/dockerfile-lint/go.mod:
 * every generated Dockerfile (each runtime's variants and each example service's) has no findings, and the only thing the line-1
 * `# check=skip=RedundantTargetPlatform` directive hides is the final stage's explicit
 * `--platform=$TARGETPLATFORM` (which buildah 1.28 needs).
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { appBuildFiles, generateAppDockerfile, type AppDockerfileOptions } from '../../src/index.js';
import { exampleBuilds } from '../support/example-builds.js';
import { repoRoot } from './buildah.js';

interface Finding {
  readonly file: string;
  readonly rule: string;
  readonly line: number;
  readonly message: string;
}

let lintBin = '';

function lint(...files: string[]): Finding[] {
  return JSON.parse(execFileSync(lintBin, files, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] })) as Finding[];
}

const variants: Record<string, AppDockerfileOptions> = {
  python: { runtime: 'python', server: { kind: 'gunicorn', app: 'relay:app' }, port: 5010 },
  pythonTargetWheels: { runtime: 'python', server: { kind: 'uvicorn', app: 'main:app' }, wheels: 'target' },
  npm: { runtime: 'node', command: ['node', 'dist/server.js'] },
  npmNativeTarget: { runtime: 'node', command: ['node', 'dist/server.js'], nativeModules: 'target' },
  pnpmWorkspace: {
    runtime: 'node',
    packageManager: { name: 'pnpm', version: '9.15.9' },
    workspace: { app: 'frontend', packages: ['frontend', 'packages/a'] },
    command: ['node', 'dist/server/entry.mjs'],
  },
  staticNode: { runtime: 'static-node', serverScript: 'scripts/static-server.js', buildArgs: ['GIT_SHA'] },
  nginx: { runtime: 'static-nginx' },
  nginxPrebuilt: {
    runtime: 'static-nginx',
    prebuilt: true,
    siteDir: 'public',
    nginxConfigFile: { path: 'docker/default.conf' },
  },
  nginxSubPath: {
    runtime: 'static-nginx',
    serving: { path: '/docs/' },
    afterBuild: ['node docker/precompress.mjs dist'],
  },
};

describe('BuildKit Dockerfile linter', () => {
  beforeAll(() => {
    try {
      lintBin = execFileSync('bash', [join(repoRoot, 'tools/buildah/build-dockerfile-lint.sh')], {
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'pipe'],
      }).trim();
    } catch (e) {
      throw new Error(
        `could not build BuildKit's linter (needs Go and the Go module proxy): ${String((e as { stderr?: string }).stderr ?? e)}`,
      );
    }
  }, 15 * 60_000);

  it("finds nothing in any generated Dockerfile, the example services' included", () => {
    const dir = mkdtempSync(join(tmpdir(), 'sugarkube-lint-'));
    const dockerfileOf = (files: readonly { path: string; content: string }[]) =>
      files.find((f) => f.path === 'Dockerfile')!.content;
    const generated = [
      ...Object.entries(variants).map(
        ([name, options]) => [name, dockerfileOf(generateAppDockerfile(options))] as const,
      ),
      ...Object.entries(exampleBuilds).map(
        ([name, input]) => [`example-${name}`, dockerfileOf(appBuildFiles(input))] as const,
      ),
    ];
    const files = generated.map(([name, content]) => {
      const file = join(dir, `${name}.Dockerfile`);
      writeFileSync(file, content);
      return file;
    });
    expect(files).toHaveLength(13);
    expect(lint(...files)).toEqual([]);
  });

  it('without the directive, it reports exactly RedundantTargetPlatform on the final FROM', () => {
    const dir = mkdtempSync(join(tmpdir(), 'sugarkube-lint-'));
    const content = generateAppDockerfile(variants.python!).find((f) => f.path === 'Dockerfile')?.content ?? '';
    const withoutDirective = content.split('\n').slice(1);
    const file = join(dir, 'Dockerfile');
    writeFileSync(file, withoutDirective.join('\n'));
    const findings = lint(file);
    expect(findings.map((f) => f.rule)).toEqual(['RedundantTargetPlatform']);
    expect(withoutDirective[(findings[0]?.line ?? 0) - 1]).toBe(
      'FROM --platform=$TARGETPLATFORM ${PYTHON_IMAGE} AS runtime',
    );
  });
});

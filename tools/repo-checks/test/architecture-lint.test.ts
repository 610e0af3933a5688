import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../src/index.js';

const eslint = new ESLint({ cwd: repoRoot });
// The path rules are syntactic: they are tried on code for files that do not exist, which the
// project service (type information) cannot open, so this instance runs without it.
const syntactic = new ESLint({
  cwd: repoRoot,
  overrideConfig: {
    files: ['**/*.ts'],
    languageOptions: { parserOptions: { projectService: false } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'off',
      '@typescript-eslint/no-misused-promises': 'off',
      '@typescript-eslint/await-thenable': 'off',
    },
  },
});

async function ruleIds(filePath: string, code: string): Promise<string[]> {
  const [result] = await syntactic.lintText(code, { filePath: `${repoRoot}/${filePath}` });
  return (result?.messages ?? []).map((m) => `${m.ruleId}: ${m.message}`);
}

describe('architecture rules', () => {
  it('stops planning code in a library from touching the file system or spawning processes', async () => {
    const fs = await ruleIds(
      'packages/manifests/src/plan/example.ts',
      "import { readFileSync } from 'node:fs';\nexport const x = readFileSync;\n",
    );
    expect(fs.join('\n')).toMatch(/no-restricted-imports: .*Planning and rendering code is pure/);
    const cp = await ruleIds(
      'packages/sites/src/render/x.ts',
      "import { spawn } from 'node:child_process';\nexport const y = spawn;\n",
    );
    expect(cp.join('\n')).toMatch(/no-restricted-imports/);
  });

  it('stops planning code from using the network or reading the environment', async () => {
    const messages = await ruleIds(
      'packages/image-policy/src/select.ts',
      'export const a = fetch;\nexport const b = process.env.X;\n',
    );
    expect(messages.filter((m) => m.startsWith('no-restricted-globals'))).toHaveLength(2);
  });

  it('allows I/O at the edge (src/io/)', async () => {
    expect(
      await ruleIds(
        'packages/image-policy/src/io/registry.ts',
        "import { request } from 'node:https';\nexport const r = request;\n",
      ),
    ).toEqual([]);
  });

  it('stops a library from importing an app', async () => {
    const rel = await ruleIds(
      'packages/manifests/src/a.ts',
      "import { main } from '../../../apps/cli/src/cli.js';\nexport const m = main;\n",
    );
    expect(rel.join('\n')).toMatch(/must not import apps/);
    const pkg = await ruleIds(
      'packages/sites/src/io/b.ts',
      "import { main } from '@sugarkube/cli';\nexport const m = main;\n",
    );
    expect(pkg.join('\n')).toMatch(/must not import apps/);
  });

  it('lets apps spawn processes only from src/io/', async () => {
    const code = "import { spawn } from 'node:child_process';\nexport const s = spawn;\n";
    expect((await ruleIds('apps/cli/src/commands/x.ts', code)).join('\n')).toMatch(/Spawn processes only from src\/io/);
    expect(await ruleIds('apps/cli/src/io/x.ts', code)).toEqual([]);
  });

  it('keeps files and the network out of app commands and pipelines: only src/io/ touches them', async () => {
    const fs = await ruleIds(
      'apps/cli/src/commands/x.ts',
      "import { readFile } from 'node:fs/promises';\nexport const r = readFile;\n",
    );
    expect(fs.join('\n')).toMatch(/no-restricted-imports: .*Files and network only in src\/io/);
    const net = await ruleIds(
      'apps/cli/src/pipeline/x.ts',
      "import { request } from 'node:https';\nexport const r = request;\nexport const f = fetch;\n",
    );
    expect(net.filter((m) => m.startsWith('no-restricted-imports'))).toHaveLength(1);
    expect(net.filter((m) => m.startsWith('no-restricted-globals'))).toHaveLength(1);
    const clients = await ruleIds(
      'apps/cli/src/commands/y.ts',
      "import { Octokit } from '@octokit/rest';\nimport { RegistryClient } from '@sugarkube/image-policy';\nexport const o = [Octokit, RegistryClient];\n",
    );
    expect(clients.join('\n')).toMatch(/Network clients only in src\/io/);
    expect(clients.join('\n')).toMatch(/Registry access only in src\/io/);
    // The pure parts of the same library stay importable anywhere.
    expect(
      await ruleIds(
        'apps/cli/src/commands/z.ts',
        "import { selectTag } from '@sugarkube/image-policy';\nexport const s = selectTag;\n",
      ),
    ).toEqual([]);
    expect(
      await ruleIds(
        'apps/cli/src/io/x.ts',
        "import { readFile } from 'node:fs/promises';\nimport { Octokit } from '@octokit/rest';\nexport const r = [readFile, Octokit, fetch];\n",
      ),
    ).toEqual([]);
  });
});

/**
 * Rule ids reported on real files (the type-aware rules and the cycle rule read them from disk),
 * written with a tsconfig of their own (the project service finds it) into a folder outside
 * src/ and test/, so the package's own lint, type-check and knip never see them, and removed
 * afterwards.
 */
async function lintRealFiles(files: Record<string, string>, lint: string): Promise<string[]> {
  const dir = mkdtempSync(join(repoRoot, 'tools/repo-checks/lint-tmp-'));
  try {
    const tsconfig = {
      extends: '../tsconfig.json',
      compilerOptions: { rootDir: '.', noEmit: true },
      include: ['*.ts'],
    };
    writeFileSync(join(dir, 'tsconfig.json'), JSON.stringify(tsconfig));
    for (const [name, content] of Object.entries(files)) writeFileSync(join(dir, name), content);
    const [result] = await eslint.lintFiles([join(dir, lint)]);
    return (result?.messages ?? []).map((m) => m.ruleId ?? m.message);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe('layering, cycles and type-aware rules', () => {
  it('stops a library from importing tools/, and core from importing any sibling', async () => {
    const tool = await ruleIds(
      'packages/manifests/src/c.ts',
      "import { sugarkubeCache } from '@sugarkube/verify';\nexport const f = sugarkubeCache;\n",
    );
    expect(tool.join('\n')).toMatch(/must not import tools\//);
    const sibling = await ruleIds(
      'packages/core/src/d.ts',
      "import { defineApp } from '@sugarkube/manifests';\nexport const d = defineApp;\n",
    );
    expect(sibling.join('\n')).toMatch(/@sugarkube\/core is the bottom layer/);
    // Other libraries may build on core.
    expect(
      await ruleIds(
        'packages/manifests/src/e.ts',
        "import { ValidationError } from '@sugarkube/core';\nexport const v = ValidationError;\n",
      ),
    ).toEqual([]);
  });

  it('reports a promise nobody awaits, a promise passed where a void callback is expected, and await on a non-promise', async () => {
    const code = [
      'async function f(): Promise<void> {}',
      'export function g(): void {',
      '  f();',
      '  [1].forEach(async () => {});',
      '}',
      'export async function h(): Promise<number> {',
      '  return await 3;',
      '}',
      '',
    ].join('\n');
    const messages = await lintRealFiles({ 'w.ts': code }, 'w.ts');
    expect(messages.sort()).toEqual([
      '@typescript-eslint/await-thenable',
      '@typescript-eslint/no-floating-promises',
      '@typescript-eslint/no-misused-promises',
    ]);
  });

  it('reports an import cycle', async () => {
    const a = "import { b } from './b.js';\nexport const a = (): number => b + 1;\n";
    const b = "import { a } from './a.js';\nexport const b = 1;\nexport const c = a;\n";
    expect(await lintRealFiles({ 'a.ts': a, 'b.ts': b }, 'a.ts')).toEqual(['import-x/no-cycle']);
  });
});

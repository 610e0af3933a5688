import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../src/index.js';

const eslint = new ESLint({ cwd: repoRoot });

async function ruleIds(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: `${repoRoot}/${filePath}` });
  return (result?.messages ?? []).map((m) => `${m.ruleId}: ${m.message}`);
}

describe('architecture rules', () => {
  it('stops planning code in a library from touching the file system or spawning processes', async () => {
    const fs = await ruleIds('packages/manifests/src/plan/example.ts', "import { readFileSync } from 'node:fs';\nexport const x = readFileSync;\n");
    expect(fs.join('\n')).toMatch(/no-restricted-imports: .*Planning and rendering code is pure/);
    const cp = await ruleIds('packages/sites/src/render/x.ts', "import { spawn } from 'node:child_process';\nexport const y = spawn;\n");
    expect(cp.join('\n')).toMatch(/no-restricted-imports/);
  });

  it('stops planning code from using the network or reading the environment', async () => {
    const messages = await ruleIds('packages/image-policy/src/select.ts', 'export const a = fetch;\nexport const b = process.env.X;\n');
    expect(messages.filter((m) => m.startsWith('no-restricted-globals'))).toHaveLength(2);
  });

  it('allows I/O at the edge (src/io/)', async () => {
    expect(await ruleIds('packages/image-policy/src/io/registry.ts', "import { request } from 'node:https';\nexport const r = request;\n")).toEqual([]);
  });

  it('stops a library from importing an app', async () => {
    const rel = await ruleIds('packages/manifests/src/a.ts', "import { main } from '../../../apps/cli/src/cli.js';\nexport const m = main;\n");
    expect(rel.join('\n')).toMatch(/must not import apps/);
    const pkg = await ruleIds('packages/sites/src/io/b.ts', "import { main } from '@sugarkube/cli';\nexport const m = main;\n");
    expect(pkg.join('\n')).toMatch(/must not import apps/);
  });

  it('lets apps spawn processes only from src/io/', async () => {
    const code = "import { spawn } from 'node:child_process';\nexport const s = spawn;\n";
    expect((await ruleIds('apps/cli/src/commands/x.ts', code)).join('\n')).toMatch(/Spawn processes only from src\/io/);
    expect(await ruleIds('apps/cli/src/io/x.ts', code)).toEqual([]);
  });

  it('keeps files and the network out of app commands and pipelines: only src/io/ touches them', async () => {
    const fs = await ruleIds('apps/cli/src/commands/x.ts', "import { readFile } from 'node:fs/promises';\nexport const r = readFile;\n");
    expect(fs.join('\n')).toMatch(/no-restricted-imports: .*Files and network only in src\/io/);
    const net = await ruleIds('apps/cli/src/pipeline/x.ts', "import { request } from 'node:https';\nexport const r = request;\nexport const f = fetch;\n");
    expect(net.filter((m) => m.startsWith('no-restricted-imports'))).toHaveLength(1);
    expect(net.filter((m) => m.startsWith('no-restricted-globals'))).toHaveLength(1);
    const clients = await ruleIds('apps/cli/src/commands/y.ts', "import { Octokit } from '@octokit/rest';\nimport { RegistryClient } from '@sugarkube/image-policy';\nexport const o = [Octokit, RegistryClient];\n");
    expect(clients.join('\n')).toMatch(/Network clients only in src\/io/);
    expect(clients.join('\n')).toMatch(/Registry access only in src\/io/);
    // The pure parts of the same library stay importable anywhere.
    expect(await ruleIds('apps/cli/src/commands/z.ts', "import { selectTag } from '@sugarkube/image-policy';\nexport const s = selectTag;\n")).toEqual([]);
    expect(await ruleIds('apps/cli/src/io/x.ts', "import { readFile } from 'node:fs/promises';\nimport { Octokit } from '@octokit/rest';\nexport const r = [readFile, Octokit, fetch];\n")).toEqual([]);
  });
});

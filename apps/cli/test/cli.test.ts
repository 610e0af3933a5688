import { spawnSync } from 'node:child_process';
import { mkdir, mkdtemp, readFile, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { main } from '../src/cli.js';
import { commands, loadCommands } from '../src/command-list.js';
import { monorepoNodeModules } from './support/cluster-repo.js';

function capture(options: { tty?: boolean; env?: Record<string, string> } = {}) {
  const out: string[] = [];
  const err: string[] = [];
  return {
    out,
    err,
    context: (cwd: string) => ({
      stdout: { write: (t: string) => out.push(t), isTTY: options.tty ?? false },
      stderr: { write: (t: string) => err.push(t), isTTY: options.tty ?? false },
      cwd,
      env: options.env ?? {},
    }),
  };
}

const clusterModule = fileURLToPath(new URL('../../cluster/dist/index.js', import.meta.url));
const ansi = /\u001b\[\d+m/;

describe('commands, flags and help', () => {
  // The CLI imports a command's module when it runs; here every one is transformed and loaded
  // first, so the tests' timeouts measure the CLI, not vitest compiling TypeScript.
  beforeAll(() => loadCommands(), 60_000);

  it('suggests the closest command and flag (exit 2)', async () => {
    const c = capture();
    expect(await main(['synht'], c.context('/'))).toBe(2);
    expect(c.err.join('')).toBe(
      'sugarkube: unknown command "synht"; did you mean "synth"? Commands: init, synth, validate, diff, doctor, status, policy, image, promote, secret, completion, schema\n',
    );
    const f = capture();
    expect(await main(['synth', '--clustr', 'x.mjs'], f.context('/'))).toBe(2);
    expect(f.err.join('')).toBe(
      'sugarkube synth: unknown option --clustr (did you mean --cluster?) (sugarkube help synth lists the options)\n',
    );
    const h = capture();
    expect(await main(['help', 'promot'], h.context('/'))).toBe(2);
    expect(h.err.join('')).toMatch(/did you mean "promote"\?/);
  });

  it('help COMMAND and COMMAND --help print the usage, the common options and the exit codes', async () => {
    const a = capture();
    expect(await main(['help', 'diff'], a.context('/'))).toBe(0);
    const b = capture();
    expect(await main(['diff', '--help'], b.context('/'))).toBe(0);
    expect(a.out.join('')).toBe(b.out.join(''));
    expect(a.out.join('')).toMatch(/^Usage: sugarkube diff /);
    expect(a.out.join('')).toContain('  --json                print the report as JSON on stdout');
    expect(a.out.join('')).toContain('Exit codes:\n  0  success: done, clean, up to date\n  1  changes or findings');
    const all = capture();
    expect(await main(['--help'], all.context('/'))).toBe(0);
    expect(all.out.join('')).toContain(
      '  6  a registry, forge or API server unreachable, timed out or failing (host and cause named)\n',
    );
    expect(await main([], capture().context('/'))).toBe(2);
  });

  it("help and hints never name this monorepo's internals (nx targets, its folders)", async () => {
    const texts: string[] = [];
    for (const argv of [['--help'], ...commands.map((c) => ['help', c.name])]) {
      const c = capture();
      await main(argv, c.context('/'));
      texts.push(c.out.join(''));
    }
    expect(texts.join('\n')).not.toMatch(
      /\bnx\b|@sugarkube\/[a-z-]+:[a-z]+|\b(packages|tools|docs)\/|apps\/(cli|cluster)\b|sugarkube-cluster/,
    );
  });

  it('--version prints the package version', async () => {
    const c = capture();
    expect(await main(['--version'], c.context('/'))).toBe(0);
    const { version } = JSON.parse(await readFile(new URL('../package.json', import.meta.url), 'utf8')) as {
      version: string;
    };
    expect(c.out.join('')).toBe(`${version}\n`);
    const j = capture();
    expect(await main(['--version', '--json'], j.context('/'))).toBe(0);
    expect(JSON.parse(j.out.join(''))).toMatchObject({ command: 'version', exitCode: 0, report: { version } });
  });

  it('-o json is --json; another -o is bad usage', async () => {
    const a = capture();
    expect(await main(['completion', 'fish', '-o', 'json'], a.context('/'))).toBe(0);
    expect(JSON.parse(a.out.join(''))).toMatchObject({ command: 'completion', report: { shell: 'fish' } });
    const b = capture();
    expect(await main(['completion', 'fish', '-o', 'yaml'], b.context('/'))).toBe(2);
    expect(b.err.join('')).toBe(
      'sugarkube completion: -o: expected json or text, received "yaml" (sugarkube help completion lists the options)\n',
    );
  });
});

describe('colour', () => {
  it('styles only on a terminal, and never with NO_COLOR', async () => {
    const tty = capture({ tty: true });
    await main(['doctor', '--cluster', clusterModule], tty.context('/'));
    expect(tty.out.join('')).toMatch(ansi);
    const noColor = capture({ tty: true, env: { NO_COLOR: '1' } });
    await main(['doctor', '--cluster', clusterModule], noColor.context('/'));
    expect(noColor.out.join('')).not.toMatch(ansi);
    const pipe = capture();
    await main(['doctor', '--cluster', clusterModule], pipe.context('/'));
    expect(pipe.out.join('')).not.toMatch(ansi);
    // On a terminal, progress goes to stderr.
    expect(tty.err.join('')).toMatch(/› synthesizing the tree… done \(\d+ ms\)/);
    expect(pipe.err.join('')).not.toContain('›');
  });
});

describe('under GitHub Actions', () => {
  it('prints each problem as an ::error annotation with its file and line', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'sugarkube-gha-'));
    await writeFile(join(dir, 'package.json'), '{\n  "name": "x",\n  "sugarkube": { "cluster": 42 }\n}\n');
    const c = capture({ env: { GITHUB_ACTIONS: 'true', GITHUB_WORKSPACE: dir } });
    expect(await main(['validate'], c.context(dir))).toBe(2);
    expect(c.err.join('')).toBe(
      'sugarkube validate: package.json:3: sugarkube.cluster: expected the path of the cluster module, e.g. "cluster.ts", received 42\n',
    );
    expect(c.out.join('')).toBe(
      '::error file=package.json,line=3::package.json%3A3: sugarkube.cluster: expected the path of the cluster module, e.g. "cluster.ts", received 42\n'.replace(
        '%3A',
        ':',
      ),
    );
    const plain = capture();
    await main(['validate'], plain.context(dir));
    expect(plain.out.join('')).toBe('');
  });
});

describe('synth and diff on the embedded cluster', { timeout: 120_000 }, () => {
  it('synth writes the given cluster module into --out', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'sugarkube-cli-'));
    expect(await main(['synth', '--out', 'tree', '--cluster', clusterModule], capture().context(dir))).toBe(0);
    expect(await readFile(join(dir, 'tree', 'clusters', 'README.md'), 'utf8')).toContain('Sugarkube clusters');
  });

  it('synth finds the cluster named in the nearest package.json', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'sugarkube-cli-'));
    await mkdir(join(dir, 'sub'));
    await writeFile(
      join(dir, 'package.json'),
      JSON.stringify({ sugarkube: { cluster: clusterModule, out: 'sub/out' } }),
    );
    expect(await main(['synth'], capture().context(join(dir, 'sub')))).toBe(0);
    expect(await readFile(join(dir, 'sub', 'out', 'clusters', 'README.md'), 'utf8')).toContain('Sugarkube clusters');
  });

  it('synth without a cluster definition says how to give one (exit 2)', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'sugarkube-cli-'));
    const c = capture();
    expect(await main(['synth'], c.context(dir))).toBe(2);
    expect(c.err.join('')).toMatch(/^sugarkube synth: no cluster definition found: pass --cluster MODULE/);
  });

  it('diff: 1 when stale, 0 when up to date, 2 when the definition is invalid; --stat and --format markdown', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'sugarkube-cli-'));
    const args = ['--out', 'tree', '--cluster', clusterModule];
    const first = capture();
    expect(await main(['diff', ...args], first.context(dir))).toBe(1);
    expect(first.out.join('')).toMatch(/^--- \/dev\/null\n\+\+\+ b\/clusters\/README.md\n/);
    expect(await main(['synth', ...args], capture().context(dir))).toBe(0);
    const second = capture();
    expect(await main(['diff', ...args], second.context(dir))).toBe(0);
    expect(second.err.join('')).toMatch(/is up to date\n$/);
    const target = join(dir, 'tree', 'clusters/prod/apps/dspace.yaml');
    await writeFile(target, (await readFile(target, 'utf8')).replace('interval: 10m', 'interval: 1m'));
    const stat = capture();
    expect(await main(['diff', '--stat', ...args], stat.context(dir))).toBe(1);
    expect(stat.out.join('')).toBe('M clusters/prod/apps/dspace.yaml\n');
    const md = capture();
    expect(await main(['diff', '--format', 'markdown', ...args], md.context(dir))).toBe(1);
    expect(md.out.join('')).toBe(
      [
        '### sugarkube diff',
        '',
        '1 file(s): 0 added, 1 changed, 0 removed.',
        '',
        '#### Environment `prod`',
        '',
        '| change | kind | name | file |',
        '| --- | --- | --- | --- |',
        '| changed | Kustomization | flux-system/app-dspace | `clusters/prod/apps/dspace.yaml` |',
        '',
        '<details><summary><code>clusters/prod/apps/dspace.yaml</code> (modified)</summary>',
        '',
        '```diff',
        '--- a/clusters/prod/apps/dspace.yaml',
        '+++ b/clusters/prod/apps/dspace.yaml',
        '@@ -28,7 +28,7 @@',
        '   images:',
        '     - name: ghcr.io/democratizedspace/dspace',
        '       newTag: main-1a31a56',
        '-  interval: 1m',
        '+  interval: 10m',
        '   path: ./deploy/overlays/prod',
        '   prune: true',
        '   retryInterval: 1m',
        '```',
        '',
        '</details>',
        '',
      ].join('\n'),
    );
    const gha = capture({ env: { GITHUB_ACTIONS: 'true', GITHUB_WORKSPACE: dir } });
    expect(await main(['diff', '--stat', ...args], gha.context(dir))).toBe(1);
    expect(gha.out.join('')).toContain(
      '::error file=tree/clusters/prod/apps/dspace.yaml::clusters/prod/apps/dspace.yaml: out of date (differs); run sugarkube synth\n',
    );
  });
});

describe('doctor', { timeout: 60_000 }, () => {
  it('checks node and git and says ok for a valid definition', async () => {
    const c = capture();
    expect(await main(['doctor', '--cluster', clusterModule], c.context('/'))).toBe(0);
    const text = c.out.join('');
    expect(text).toMatch(/^ok +Node\.js >= 22 +v2[2-9]\./m);
    expect(text).toMatch(/^ok +git +git version/m);
    expect(text).toMatch(new RegExp(`^ok +cluster definition +${clusterModule}: valid, \\d+ files$`, 'm'));
  });

  it('fails (exit 1) for an invalid definition and for a module that does not load', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'sugarkube-doctor-'));
    await symlink(monorepoNodeModules, join(dir, 'node_modules'));
    await writeFile(
      join(dir, 'bad.mjs'),
      "import { clusterModule } from '@sugarkube/cluster';\nexport default clusterModule({ definition: { name: 'x' }, pinsFile: 'p.json' });\n",
    );
    await writeFile(join(dir, 'broken.mjs'), 'export default {\n  a: ,\n};\n');
    for (const module of ['bad.mjs', 'broken.mjs']) {
      const c = capture();
      expect(await main(['doctor', '--cluster', module], c.context(dir))).toBe(1);
      expect(c.out.join('')).toMatch(/^FAIL +cluster definition +\S*(bad|broken)\.mjs/m);
      expect(c.out.join('')).toContain('doctor: 1 required check(s) failed\n');
    }
  });
});

describe('completion', () => {
  it('bash completes commands, flags and flag values (in a real bash)', async () => {
    const c = capture();
    expect(await main(['completion', 'bash'], c.context('/'))).toBe(0);
    const complete = (line: string) => {
      const words = line.split(' ');
      const script = `${c.out.join('')}\nCOMP_WORDS=(${words.map((w) => `'${w}'`).join(' ')}); COMP_CWORD=${words.length - 1}; _sugarkube; printf '%s\\n' "\${COMPREPLY[@]}"`;
      return spawnSync('bash', ['--norc', '-c', script], { encoding: 'utf8' }).stdout.trim().split('\n');
    };
    expect(complete('sugarkube sy')).toEqual(['synth']);
    expect(complete('sugarkube synth --ch')).toEqual(['--check']);
    expect(complete('sugarkube diff --format m')).toEqual(['markdown']);
    expect(complete('sugarkube secret se')).toEqual(['seal']);
    expect(complete('sugarkube completion z')).toEqual(['zsh']);
  });

  const has = (shell: string) => spawnSync(shell, ['-c', 'exit 0']).status === 0;

  it.skipIf(!has('fish'))('fish completes commands and flag values (in a real fish)', async () => {
    const c = capture();
    expect(await main(['completion', 'fish'], c.context('/'))).toBe(0);
    const complete = (line: string) =>
      spawnSync('fish', ['--no-config', '-c', `${c.out.join('')}\ncomplete -C '${line}'`], { encoding: 'utf8' })
        .stdout.trim()
        .split('\n')
        .map((l) => l.split('\t')[0]);
    expect(complete('sugarkube pro')).toEqual(['promote']);
    expect(complete('sugarkube secret seal --scope ').sort()).toEqual(['cluster-wide', 'namespace-wide', 'strict']);
  });

  it.skipIf(!has('zsh'))('zsh loads the completion function (in a real zsh)', async () => {
    const c = capture();
    expect(await main(['completion', 'zsh'], c.context('/'))).toBe(0);
    const dir = await mkdtemp(join(tmpdir(), 'sugarkube-zsh-'));
    await writeFile(join(dir, '_sugarkube'), c.out.join(''));
    const result = spawnSync(
      'zsh',
      [
        '-f',
        '-c',
        `fpath=(${dir} $fpath); autoload -Uz compinit; compinit -u -D; autoload -Uz _sugarkube; print -r -- $_comps[sugarkube]`,
      ],
      { encoding: 'utf8' },
    );
    expect([result.status, result.stdout.trim(), result.stderr]).toEqual([0, '_sugarkube', '']);
  });
});

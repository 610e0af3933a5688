// Every command's --json output, in success and in failure, validated against the JSON Schema
// `sugarkube schema COMMAND` prints, by a real validator (check-jsonschema, draft 2020-12).
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { followBranchBuilds, imagePolicy, imageRepository } from '@sugarkube/image-policy';
import { freePort, startRegistry, validateJsonSchema, type RunningRegistry } from '@sugarkube/verify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { main } from '../src/cli.js';
import { commands } from '../src/command-list.js';
import { makeClusterRepo, git } from './support/cluster-repo.js';
import { pushImage } from './support/push-image.js';
import { writeSealingKeyPair } from './support/sealing-key.js';

const work = mkdtempSync(join(tmpdir(), 'sugarkube-json-'));
let registry: RunningRegistry;
const outputs = new Map<string, { label: string; text: string }[]>();

async function json(
  label: string,
  argv: string[],
  cwd: string,
  stdin?: string,
): Promise<{ code: number; value: { command: string; exitCode: number; report: unknown }; stderr: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main([...argv, '--json'], {
    stdout: { write: (t: string) => out.push(t) },
    stderr: { write: (t: string) => err.push(t) },
    cwd,
    env: { PATH: process.env.PATH },
    ...(stdin !== undefined ? { stdin: Readable.from([Buffer.from(stdin)]) } : {}),
  });
  const text = out.join('');
  if (text === '') throw new Error(`${label}: no output; stderr: ${err.join('')}`);
  const value = JSON.parse(text) as { command: string; exitCode: number; report: unknown };
  outputs.set(value.command, [...(outputs.get(value.command) ?? []), { label, text }]);
  expect(value.exitCode, label).toBe(code);
  return { code, value, stderr: err.join('') };
}

async function expectJson(expected: number, label: string, argv: string[], cwd: string, stdin?: string): Promise<void> {
  const result = await json(label, argv, cwd, stdin);
  expect(result.code, `${label}: ${result.stderr}`).toBe(expected);
}

beforeAll(async () => {
  registry = await startRegistry(work, 'registry', '', 'distribution-v3');
  await pushImage(registry.host, 'acme/shop', ['main-1767225600-5ca96df', 'main-1766000000-0000000']);
}, 120_000);
afterAll(async () => registry?.stop());

describe('--json', { timeout: 300_000 }, () => {
  it('every command prints a report that validates against its published schema', async () => {
    const image = `${registry.host}/acme/shop`;
    const repo = join(work, 'repo');
    mkdirSync(repo);
    makeClusterRepo(repo, image, { staging: 'main-1767225600-5ca96df', prod: 'main-1766000000-0000000' });
    await expectJson(0, 'synth', ['synth'], repo);
    git(repo, 'add', '-A');
    git(repo, 'commit', '--quiet', '-m', 'tree');
    await expectJson(0, 'synth --check', ['synth', '--check'], repo);
    await expectJson(0, 'validate', ['validate'], repo);
    await expectJson(0, 'synth --out', ['synth', '--out', join(work, 'tree')], repo);
    await expectJson(0, 'validate --dir', ['validate', '--dir', join(work, 'tree')], repo);
    await expectJson(0, 'validate --app', ['validate', '--app', 'shop/sugarkube.yaml'], repo);
    await expectJson(0, 'diff', ['diff'], repo);
    writeFileSync(join(repo, 'clusters/prod/kustomization.yaml'), '# edited\n');
    await expectJson(1, 'diff, stale', ['diff', '--format', 'markdown'], repo);
    await expectJson(0, 'doctor', ['doctor'], repo);
    await expectJson(
      0,
      'promote --dry-run',
      ['promote', 'shop', '--from', 'staging', '--to', 'prod', '--dry-run'],
      repo,
    );
    await expectJson(
      2,
      'promote, bad input',
      ['promote', 'shop', '--from', 'staging', '--to', 'qa', '--dry-run'],
      repo,
    );
    await expectJson(0, 'image check', ['image', 'check', `${image}:main-1767225600-5ca96df`], repo);
    await expectJson(4, 'image check, missing', ['image', 'check', `${image}:nope`], repo);

    const policyTree = join(work, 'policies');
    mkdirSync(policyTree);
    writeFileSync(
      join(policyTree, 'images.yaml'),
      [
        imageRepository({ name: 'shop', namespace: 'flux-system', image }),
        imagePolicy({
          name: 'shop',
          namespace: 'flux-system',
          imageRepositoryRef: { name: 'shop' },
          ...followBranchBuilds('main'),
        }),
      ]
        .map((o) => stringify(o))
        .join('---\n'),
    );
    await expectJson(0, 'policy preview', ['policy', 'preview', '--dir', '.', '--diff'], policyTree);

    const app = join(work, 'app');
    mkdirSync(app);
    await expectJson(0, 'init app', ['init', 'app', '--image', 'ghcr.io/acme/shop'], app);
    await expectJson(2, 'init app, exists', ['init', 'app', '--image', 'ghcr.io/acme/shop'], app);
    const cluster = join(work, 'cluster');
    mkdirSync(cluster);
    await expectJson(
      0,
      'init cluster',
      [
        'init',
        'cluster',
        '--repo',
        'https://github.com/acme/gitops',
        '--owner',
        'acme',
        '--email',
        'ops@example.org',
        '--zone',
        'example.org',
      ],
      cluster,
    );

    writeSealingKeyPair(work, 2048);
    await expectJson(
      0,
      'secret seal',
      ['secret', 'seal', '--cert', 'cert.pem', '--namespace', 'n', '--name', 's'],
      work,
      'value',
    );
    await expectJson(
      0,
      'secret seal yaml',
      ['secret', 'seal', '--cert', 'cert.pem', '--namespace', 'n', '--name', 's', '--format', 'yaml', '--key', 'k'],
      work,
      'value',
    );
    // status against a live API server is validated in status-live.test.ts; here, one that does not answer.
    const deadPort = await freePort();
    writeFileSync(
      join(work, 'dead.kubeconfig'),
      stringify({
        apiVersion: 'v1',
        kind: 'Config',
        clusters: [{ name: 'dead', cluster: { server: `https://127.0.0.1:${deadPort}` } }],
        users: [{ name: 'dead', user: { token: 't' } }],
        contexts: [{ name: 'dead', context: { cluster: 'dead', user: 'dead' } }],
        'current-context': 'dead',
      }),
    );
    await expectJson(6, 'status, unreachable', ['status', '--kubeconfig', 'dead.kubeconfig', '--timeout', '5'], work);
    await expectJson(0, 'completion', ['completion', 'zsh'], work);
    await expectJson(0, 'schema', ['schema', 'diff'], work);
    await expectJson(2, 'synth, no cluster', ['synth'], work);
    await expectJson(2, 'synth, unknown flag', ['synth', '--bogus'], work);

    // Every command is covered, and each output validates against the command's schema.
    expect([...outputs.keys()].sort()).toEqual(commands.map((c) => c.name).sort());
    for (const command of commands) {
      const schema = (await json(`schema ${command.name}`, ['schema', command.name], work)).value.report as {
        schema: object;
      };
      const documents = outputs
        .get(command.name)!
        .map((o, i) => ({ path: `${command.name}-${i}.json`, content: o.text }));
      const checked = await validateJsonSchema(schema.schema, documents);
      expect({ command: command.name, problems: checked.problems }).toEqual({ command: command.name, problems: [] });
      expect((schema.schema as { $schema?: string }).$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    }
    // The schema is strict: a report with an extra field or a wrong type fails it (so the check can fail).
    const synthSchema = (await json('schema synth', ['schema', 'synth'], work)).value.report as { schema: object };
    const good = JSON.parse(outputs.get('synth')![0]!.text) as { report: Record<string, unknown> };
    const broken = [
      { path: 'extra.json', content: JSON.stringify({ ...good, report: { ...good.report, surprise: 1 } }) },
      { path: 'type.json', content: JSON.stringify({ ...good, exitCode: 'zero' }) },
    ];
    const refused = await validateJsonSchema(synthSchema.schema, broken);
    expect(refused.problems.map((p) => p.source).sort()).toEqual(['extra.json', 'type.json']);
    writeFileSync(
      join(work, 'outputs.json'),
      JSON.stringify(Object.fromEntries([...outputs].map(([k, v]) => [k, v.map((o) => o.label)])), null, 2),
    );
    expect(readFileSync(join(work, 'outputs.json'), 'utf8')).toContain('promote --dry-run');
  });
});

// Differential test: applySetters against test/setters-oracle, i.e. the controller's Setters
// pipeline on the real kustomize/kyaml (parsing, fieldmeta markers, FormatNonStringStyle, kio
// writer), on generated files, markers, quoting styles and policy values.
import { execFileSync } from 'node:child_process';
import fc from 'fast-check';
import { beforeAll, expect, it } from 'vitest';
import { applySetters, type PolicyRef } from '../src/index.js';
import { buildOracle } from './go-oracle.js';

let oracle: string;
beforeAll(() => {
  oracle = buildOracle('setters-oracle');
}, 300_000);

const RUNS = Number(process.env.ORACLE_RUNS ?? 300);
const SEED = Number(process.env.ORACLE_SEED ?? 6);

const policyNames = ['app', 'web', 'gone'];
const marker = fc.oneof(
  {
    weight: 6,
    arbitrary: fc
      .tuple(
        fc.constantFrom('flux-system', 'other'),
        fc.constantFrom(...policyNames),
        fc.constantFrom('', ':tag', ':name', ':digest'),
      )
      .map(([ns, n, f]) => ` # {"$imagepolicy": "${ns}:${n}${f}"}`),
  },
  {
    weight: 1,
    arbitrary: fc.constantFrom(
      '',
      ' # plain comment',
      ' # {"$imagepolicy": "flux-system:app:tag", "x": 1}',
      ' # {"$imagepolicy": "flux-system:app:tag", "x": "y"}',
      ' ## {"$imagepolicy": "flux-system:web"}',
      ' #{"$imagepolicy":"flux-system:app:tag"}',
    ),
  },
);
const value = fc.constantFrom(
  'v1',
  'ghcr.io/o/app:v1',
  "'v1'",
  '"v1"',
  '1.0',
  "'1.0'",
  'sha256:abc',
  '""',
  'main-1-abcdef0',
  'x:y',
);
const field = fc
  .tuple(fc.constantFrom('image', 'newTag', 'newName', 'digest', 'tag'), value, marker)
  .map(([k, v, m]) => `${k}: ${v}${m}`);
const doc = fc
  .record({
    kind: fc.constantFrom('Kustomization', 'Deployment', ''),
    fields: fc.array(field, { minLength: 1, maxLength: 4 }),
    seq: fc.array(fc.tuple(value, marker), { maxLength: 3 }),
    wide: fc.boolean(),
  })
  .map(({ kind, fields, seq, wide }) => {
    const head = kind ? `apiVersion: v1\nkind: ${kind}\nmetadata:\n  name: n\n  namespace: ns\n` : '';
    const pad = wide ? '  ' : '';
    // Some markers become head comments (the line above a sequence item), which kyaml also reads.
    const items =
      seq.length === 0
        ? ''
        : `args:\n${seq.map(([v, m], i) => (i % 2 === 1 && m.startsWith(' #') ? `${pad}${m.trim()}\n${pad}- ${v}` : `${pad}- ${v}${m}`)).join('\n')}\n`;
    return `${head}spec:\n${fields.map((f) => `  ${f}`).join('\n')}\n${items}`;
  });
const file = fc
  .array(doc, { minLength: 1, maxLength: 2 })
  .chain((docs) => fc.constantFrom('', '---\n').map((lead) => lead + docs.join('---\n')));
const tag = fc.constantFrom('v1', 'v2.0.0', '1.10', 'main-1800000000-bbbbbbb', 'true', '0123');
const policy = fc.record({
  name: fc.constantFrom('app', 'web'),
  tag,
  digest: fc.option(fc.constant(`sha256:${'e'.repeat(64)}`), { nil: undefined }),
});

it(`applySetters writes what kyaml writes, on ${RUNS} generated repositories`, { timeout: 120_000 }, () => {
  const cases = fc.sample(
    fc.record({
      files: fc.dictionary(fc.constantFrom('a.yaml', 'b/c.yml', 'd.yaml'), file, { minKeys: 1 }),
      policies: fc.uniqueArray(policy, { selector: (p) => p.name, maxLength: 2 }),
    }),
    { numRuns: RUNS, seed: SEED },
  );
  const mismatches: unknown[] = [];
  let changedFiles = 0;
  for (const c of cases) {
    const policies: PolicyRef[] = c.policies.map((p) => ({
      namespace: 'flux-system',
      name: p.name,
      latestRef: { name: 'ghcr.io/o/new', tag: p.tag, ...(p.digest ? { digest: p.digest } : {}) },
    }));
    const want = JSON.parse(
      execFileSync(oracle, [], {
        input: JSON.stringify({ files: c.files, policies, namespace: 'flux-system' }),
        encoding: 'utf8',
      }),
    ) as { files: Record<string, string>; changes: unknown[] | null };
    const got = applySetters(c.files, policies, { namespace: 'flux-system' });
    const gotFiles = Object.fromEntries(got.files.map((f) => [f.path, f.content]));
    const sortByFile = (xs: readonly { file: string }[]) =>
      [...xs].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
    changedFiles += Object.keys(want.files).length;
    if (
      JSON.stringify(gotFiles) !== JSON.stringify(Object.fromEntries(Object.entries(want.files).sort())) ||
      JSON.stringify(sortByFile(got.changes)) !== JSON.stringify(sortByFile((want.changes ?? []) as { file: string }[]))
    ) {
      mismatches.push({ files: c.files, policies, got: { files: gotFiles, changes: got.changes }, want });
    }
  }
  if (mismatches.length > 0 && process.env.ORACLE_DEBUG)
    for (const m of mismatches.slice(0, 4) as { got: { files: unknown }; want: { files: unknown } }[])
      console.log(JSON.stringify({ got: m.got.files, want: m.want.files }, null, 1));
  expect(mismatches.slice(0, 2)).toEqual([]);
  expect(changedFiles).toBeGreaterThan(RUNS / 4);
});

// Runs every scenario once on tiny sizes (`--smoke`) so the harness cannot rot: each must finish
// and write its section with its tables. Figures are not checked (the machine is shared);
// what the tables say is: equal output means equal object counts in (c).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { scenarioIds, scenarioTitles, type StoredResults } from '../src/index.js';

const repoRoot = resolve(import.meta.dirname, '../../..');
const out = mkdtempSync(join(tmpdir(), 'bench-smoke-'));
afterAll(() => rmSync(out, { recursive: true, force: true }));

/** Runs one scenario in smoke mode into its own doc; returns the doc and the stored results. */
function smoke(id: string): { doc: string; stored: StoredResults; stderr: string } {
  const doc = join(out, `${id}.md`);
  // "Before" = this tree itself: exercises the before/after path without building an old commit.
  const r = spawnSync(
    'node',
    [join(repoRoot, 'tools/bench/dist/bin.js'), '--smoke', '--only', id, '--out', doc, '--before-dir', repoRoot],
    {
      cwd: repoRoot,
      encoding: 'utf8',
    },
  );
  expect(r.status, r.stderr).toBe(0);
  return {
    doc: readFileSync(doc, 'utf8'),
    stored: JSON.parse(readFileSync(doc.replace(/\.md$/, '.json'), 'utf8')) as StoredResults,
    stderr: r.stderr,
  };
}

describe('every scenario runs once on a tiny size', () => {
  it.each(scenarioIds.map((id) => [id]))('%s', { timeout: 15 * 60_000 }, (id) => {
    const { doc, stored } = smoke(id);
    const result = stored[id]!.result;
    expect(doc).toContain(`## ${scenarioTitles[id]}`);
    expect(doc).toContain(`Reproduce: \`npm run bench -- --only ${id} --smoke\``);
    const tables = result.blocks.filter((b) => 'table' in b);
    expect(tables.length).toBeGreaterThan(0);
    for (const t of tables) expect(t.table.rows.length).toBeGreaterThan(0);
    if (id === 'c') {
      // Equal output: every tool wrote the same objects for the same apps.
      const rows = tables.flatMap((t) => t.table.rows);
      expect(new Set(rows.map((r) => `${r[3]} ${r[4]}`)).size, JSON.stringify(rows)).toBe(1);
    }
    if (id === 'imports') {
      expect(result.goals.find((g) => g.goal === '@sugarkube/manifests does not load projen')?.met).toBe(true);
    }
  });
});

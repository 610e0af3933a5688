import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { repoRoot } from '../src/index.js';

const dir = join(repoRoot, '.github', 'workflows');
const files = readdirSync(dir).filter((f) => f.endsWith('.yml'));

describe("the monorepo's own workflows", () => {
  it.each(files)('%s pins every action by full SHA with a version comment', (file) => {
    const text = readFileSync(join(dir, file), 'utf8');
    const uses = text.split('\n').filter((l) => /^\s*(- )?uses:/.test(l));
    expect(uses.length).toBeGreaterThan(0);
    for (const line of uses) expect(line).toMatch(/uses: [\w.-]+\/[\w./-]+@[0-9a-f]{40} # v\d+(\.\d+)*$/);
  });

  it.each(files)('%s grants nothing at the top and something explicit per job', (file) => {
    const workflow = parse(readFileSync(join(dir, file), 'utf8')) as { permissions: unknown; jobs: Record<string, { permissions?: unknown }> };
    expect(workflow.permissions).toEqual({});
    for (const job of Object.values(workflow.jobs)) expect(job.permissions).toBeTypeOf('object');
  });
});

import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { actionlint, zizmor } from '@sugarkube/verify';
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
    const workflow = parse(readFileSync(join(dir, file), 'utf8')) as {
      permissions: unknown;
      jobs: Record<string, { permissions?: unknown }>;
    };
    expect(workflow.permissions).toEqual({});
    for (const job of Object.values(workflow.jobs)) expect(job.permissions).toBeTypeOf('object');
  });
});

describe("the monorepo's own workflows under the pinned linters", () => {
  it('pass actionlint (with shellcheck) and zizmor', async () => {
    const lint = await actionlint(files.map((f) => join(dir, f)));
    expect(lint.output).toBe('');
    expect(lint.ok).toBe(true);
    const audit = await zizmor(repoRoot);
    expect(audit.findings).toEqual([]);
  });

  it('release only after CI passed, on a push to main', () => {
    const workflow = parse(readFileSync(join(dir, 'ci.yml'), 'utf8')) as {
      jobs: Record<
        string,
        { needs?: string; if?: string; steps: { run?: string; uses?: string; with?: { path?: string } }[] }
      >;
    };
    expect(files).toEqual(['ci.yml']);
    expect(workflow.jobs.ci?.steps.map((s) => s.run).filter(Boolean)).toEqual(['bash .ci/run']);
    expect(workflow.jobs.ci?.steps.find((s) => s.uses?.startsWith('actions/cache@'))?.with?.path).toBe(
      '~/.cache/sugarkube',
    );
    expect(workflow.jobs.release?.needs).toBe('ci');
    expect(workflow.jobs.release?.if).toBe("github.event_name == 'push' && github.ref == 'refs/heads/main'");
  });
});

import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { actionlint, validateWorkflowSchema, writeTempTree, zizmor } from '../src/index.js';

const good = `name: build
on:
  push:
    branches: [main]
permissions:
  contents: read
jobs:
  build:
    runs-on: ubuntu-24.04
    steps:
      - uses: actions/checkout@08eba0b27e820071cde6df949e0beb9ba4906955 # v4.3.0
        with:
          persist-credentials: false
      - run: echo "building \${GITHUB_SHA}"
`;

// Unknown runner-independent mistakes: an undefined job in needs, and a bad expression property.
const bad = `name: build
on: push
jobs:
  test:
    runs-on: ubuntu-24.04
    needs: [lint]
    steps:
      - run: echo "\${{ github.shaa }}"
`;

const injection = `name: triage
on:
  issues:
    types: [opened]
permissions: {}
jobs:
  greet:
    runs-on: ubuntu-24.04
    steps:
      - run: echo "New issue \${{ github.event.issue.title }}"
`;

async function withTree<T>(
  files: Array<{ path: string; content: string }>,
  fn: (root: string) => Promise<T>,
): Promise<T> {
  const root = await writeTempTree(files);
  try {
    return await fn(root);
  } finally {
    await rm(root, { recursive: true, force: true });
  }
}

describe('actionlint', () => {
  it('passes a good workflow', async () => {
    const result = await withTree([{ path: '.github/workflows/build.yml', content: good }], (root) =>
      actionlint([join(root, '.github/workflows/build.yml')]),
    );
    expect(result.output).toBe('');
    expect(result.ok).toBe(true);
  });

  it('catches an undefined needs job and an unknown context property', async () => {
    const result = await withTree([{ path: '.github/workflows/bad.yml', content: bad }], (root) =>
      actionlint([join(root, '.github/workflows/bad.yml')]),
    );
    expect(result.ok).toBe(false);
    expect(result.output).toMatch(/job "test" needs job "lint" which does not exist/);
    expect(result.output).toMatch(/shaa/);
  });

  it('runs shellcheck on run: scripts', async () => {
    const script = good.replace('echo "building \${GITHUB_SHA}"', 'cd $RUNNER_TEMP');
    const result = await withTree([{ path: '.github/workflows/build.yml', content: script }], (root) =>
      actionlint([join(root, '.github/workflows/build.yml')]),
    );
    expect(result.ok).toBe(false);
    expect(result.output).toMatch(/shellcheck reported issue in this script: SC2086/);
  });
});

describe('zizmor', () => {
  it('flags template injection of github.event.issue.title in a run step', async () => {
    const result = await withTree([{ path: '.github/workflows/triage.yml', content: injection }], (root) =>
      zizmor(root),
    );
    expect(result.ok).toBe(false);
    expect(JSON.stringify(result.findings)).toContain('template-injection');
  });

  it('reports no finding at or above high severity for a hardened workflow', async () => {
    const result = await withTree([{ path: '.github/workflows/build.yml', content: good }], (root) =>
      zizmor(root, { minSeverity: 'high' }),
    );
    expect(result.findings).toEqual([]);
    expect(result.ok).toBe(true);
  });
});

describe('validateWorkflowSchema (SchemaStore github-workflow.json)', () => {
  it('accepts a good workflow', async () => {
    expect(await validateWorkflowSchema(good)).toEqual({ ok: true, errors: [] });
  });

  it('rejects a job without runs-on and an unknown trigger', async () => {
    const result = await validateWorkflowSchema('on: pushh\njobs:\n  build:\n    steps:\n      - run: "true"\n');
    expect(result.ok).toBe(false);
    expect(result.errors).toHaveLength(2);
    expect(result.errors[0]).toMatch(/^\$\.on: 'pushh' is not valid/);
    expect(result.errors[1]).toMatch(/^\$\.jobs\.build: .*'runs-on' is a required property/);
  });

  it('reports a YAML syntax error', async () => {
    const result = await validateWorkflowSchema('on: [push\njobs: {}\n');
    expect(result.ok).toBe(false);
    expect(result.errors.join('\n')).toMatch(/parse error/);
  });
});

import { rm } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { gitleaks, writeTempTree } from '../src/index.js';

describe('gitleaks (the pinned v8 build, default rules)', () => {
  it('finds a GitHub token and an AWS key in a YAML env block, not a password inside a postgres URL', async () => {
    const dir = await writeTempTree([
      {
        path: 'deploy/deployment.yaml',
        content: [
          'env:',
          '  - name: GITHUB_TOKEN',
          '    value: ghp_4aB9cD2eF7gH1iJ6kL3mN8oP5qR0sT2uVwXy',
          '  - name: AWS_ACCESS_KEY_ID',
          '    value: AKIA2OGYBAH6STMMNXNN',
          '  - name: DATABASE_URL',
          '    value: postgres://app:Zq7rT2pLx9@db:5432/app',
          '',
        ].join('\n'),
      },
      // A config in the scanned tree that allows everything is ignored: the wrapper pins the default rules.
      { path: '.gitleaks.toml', content: '[extend]\nuseDefault = true\n[allowlist]\nregexes = [".*"]\n' },
    ]);
    try {
      const report = await gitleaks(dir);
      expect(report.ok).toBe(false);
      expect(report.findings.map((f) => [f.RuleID, f.StartLine]).sort()).toEqual([
        ['aws-access-token', 5],
        ['github-pat', 3],
      ]);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }, 60_000);

  it('reports nothing on a clean tree', async () => {
    const dir = await writeTempTree([
      { path: 'a.yaml', content: 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\ndata:\n  mode: normal\n' },
    ]);
    try {
      expect(await gitleaks(dir)).toMatchObject({ ok: true, findings: [] });
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }, 60_000);
});

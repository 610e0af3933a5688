import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { planSmoke, smokeFiles } from '../../src/index.js';

type Wire = { on: Record<string, { inputs: Record<string, unknown> }>; permissions: unknown; jobs: Record<string, { if?: string; permissions: Record<string, string>; steps: { run?: string; env?: Record<string, unknown> }[] }> };

describe('smoke workflow', () => {
  const [file] = smokeFiles({ port: 3000, healthPaths: ['/healthz', '/'] });
  const w = parse(file!.content) as Wire;

  it('is callable from build-and-push and by hand, with the image and an optional preview URL', () => {
    expect(file!.path).toBe('.github/workflows/smoke.yml');
    expect(Object.keys(w.on).sort()).toEqual(['workflow_call', 'workflow_dispatch']);
    expect(Object.keys(w.on['workflow_call']!.inputs)).toEqual(['image', 'preview-url']);
  });

  it('runs the image restricted like the cluster and probes each health path', () => {
    const [, start, probe] = w.jobs['container']!.steps;
    expect(start!.run).toContain('--read-only --cap-drop ALL --security-opt no-new-privileges --tmpfs /tmp');
    expect(start!.env).toEqual({ IMAGE: '${{ inputs.image }}', PORT: 3000, HOST_PORT: 18080 });
    expect(probe!.env!['HEALTH_PATHS']).toBe('/healthz /');
    expect(w.jobs['container']!.permissions).toEqual({ packages: 'read' });
  });

  it('runs the Playwright job only with a preview URL, and with no token permissions', () => {
    expect(w.jobs['preview']!.if).toBe("inputs.preview-url != ''");
    expect(w.jobs['preview']!.permissions).toEqual({});
    expect(w.jobs['preview']!.steps[1]!.run).toContain("import { chromium } from 'playwright';");
  });

  it('rejects invalid options, all at once', () => {
    expect(() => planSmoke({ port: 0, healthPaths: ['healthz', '/a b'], playwrightVersion: 'latest' }))
      .toThrow(/port: expected an integer 1-65535, received 0[\s\S]*healthPaths\[0\][\s\S]*healthPaths\[1\][\s\S]*playwrightVersion/);
  });
});

import { describe, expect, it } from 'vitest';
import { baseImages, runtimeNames, runtimes } from '../src/index.js';

describe('the runtime table', () => {
  it('has one entry per runtime name, each non-root, with probes and writable paths', () => {
    expect(Object.keys(runtimes).sort()).toEqual([...runtimeNames].sort());
    for (const name of runtimeNames) {
      const runtime = runtimes[name];
      expect(runtime.name).toBe(name);
      expect(runtime.user.uid).toBeGreaterThan(0);
      expect(runtime.user.gid).toBeGreaterThan(0);
      expect(runtime.writablePaths).toContain('/tmp');
      for (const image of runtime.baseImages) expect(baseImages[image].digest).toMatch(/^sha256:[0-9a-f]{64}$/);
    }
  });
});

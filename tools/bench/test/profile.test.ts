import { describe, expect, it } from 'vitest';
import { topFrames } from '../src/index.js';

describe('topFrames', () => {
  // main → parse → lex; main → write. Samples (µs): lex 3000, parse 1000, write 2000, idle 5000.
  const frame = (id: number, functionName: string, url: string, children: number[] = []) => ({
    id,
    callFrame: { functionName, url, lineNumber: 9 },
    children,
  });
  const profile = {
    nodes: [
      frame(1, '(root)', '', [2, 6]),
      frame(2, 'main', 'file:///repo/apps/cli/dist/bin.js', [3, 5]),
      frame(3, 'parse', 'file:///repo/node_modules/yaml/dist/parse.js', [4]),
      frame(4, 'lex', 'file:///repo/node_modules/yaml/dist/lexer.js'),
      frame(5, 'write', 'file:///repo/apps/cli/dist/io/write-tree.js'),
      frame(6, '(idle)', ''),
    ],
    samples: [4, 4, 3, 5, 6],
    timeDeltas: [1500, 1500, 1000, 2000, 5000],
  };
  const top = topFrames(profile, 3);
  it('ranks self time, idle left out, paths shortened to the package', () => {
    expect(top.busyMs).toBe(6);
    expect(top.self).toEqual([
      { frame: 'lex node_modules/yaml/dist/lexer.js:10', ms: 3, share: 0.5 },
      { frame: 'write apps/cli/dist/io/write-tree.js:10', ms: 2, share: 2 / 6 },
      { frame: 'parse node_modules/yaml/dist/parse.js:10', ms: 1, share: 1 / 6 },
    ]);
  });
  it('adds self time up per package', () => {
    expect(top.byPackage.map((f) => [f.frame, f.ms])).toEqual([
      ['yaml', 4],
      ['apps/cli', 2],
    ]);
  });
  it('ranks total time: a caller includes its callees', () => {
    expect(top.total.map((f) => [f.frame.split(' ')[0], f.ms])).toEqual([
      ['main', 6],
      ['parse', 4],
      ['lex', 3],
    ]);
  });
});

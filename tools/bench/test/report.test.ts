import { describe, expect, it } from 'vitest';
import { markdownTable, renderDoc, type StoredResults } from '../src/index.js';

describe('markdownTable', () => {
  it('right-aligns numeric columns and escapes pipes', () => {
    expect(markdownTable({ header: ['tool', 'time'], rows: [['a | b', '1.2 s']], numeric: [1] })).toBe(
      '| tool | time |\n| --- | ---: |\n| a \\| b | 1.2 s |',
    );
  });
  it('refuses a row with a missing cell (a shifted column misleads)', () => {
    expect(() => markdownTable({ header: ['a', 'b'], rows: [['1']] })).toThrow('row 0 has 1 cells, expected 2 (a, b)');
  });
});

const machine = {
  date: '2026-12-02T10:00:00Z',
  cpu: 'Test CPU',
  cores: 2,
  memoryGiB: 24,
  os: 'Debian',
  kernel: '6.1',
  loadStart: 0.5,
  loadEnd: 0.7,
  commit: 'abc1234',
  versions: { node: 'v24.21.0' },
};

describe('renderDoc', () => {
  const stored: StoredResults = {
    a: {
      machine,
      runs: 5,
      result: {
        id: 'a',
        title: '(a) cold',
        command: 'npm run bench -- --only a',
        blocks: [{ text: 'Intro.' }, { table: { header: ['x'], rows: [['1']] } }],
        goals: [
          { goal: 'fast', measured: '0.5 s', met: true },
          { goal: 'faster', measured: '2 s', met: false },
        ],
      },
    },
    imports: {
      machine: { ...machine, date: '2026-12-01T10:00:00Z' },
      runs: 1,
      result: {
        id: 'imports',
        title: 'Imports',
        command: 'npm run bench -- --only imports --smoke',
        blocks: [],
        goals: [],
      },
    },
  };
  const doc = renderDoc(stored);
  it('lists every goal with what was measured, a missed one in bold', () => {
    expect(doc).toContain('| a | fast | 0.5 s | met |');
    expect(doc).toContain('| a | faster | 2 s | **missed** |');
  });
  it('puts sections in the issue order (imports first) with the command that reproduces them', () => {
    expect(doc.indexOf('## Imports')).toBeLessThan(doc.indexOf('## (a) cold'));
    expect(doc).toContain('Reproduce: `npm run bench -- --only a`');
    expect(doc).toContain('| x |\n| --- |\n| 1 |');
  });
  it("prints a scenario's notes at the end of its own section", () => {
    const withNotes = renderDoc(stored, { a: '### What remains\n\nStart-up.\n' });
    const a = withNotes.slice(withNotes.indexOf('## (a) cold'));
    expect(a).toContain('| x |\n| --- |\n| 1 |\n\n### What remains\n\nStart-up.\n');
    const imports = withNotes.slice(withNotes.indexOf('## Imports'), withNotes.indexOf('## (a)'));
    expect(imports).not.toContain('What remains');
    expect(doc).not.toContain('What remains');
  });
  it('marks a section measured with fewer than 5 runs', () => {
    const imports = doc.slice(doc.indexOf('## Imports'), doc.indexOf('## (a)'));
    expect(imports).toContain('Fewer than 5 runs');
    expect(doc.slice(doc.indexOf('## (a)'))).not.toContain('Fewer than 5 runs');
  });
  it("shows the latest run's machine", () => {
    expect(doc).toContain('| date | 2026-12-02T10:00:00Z |');
    expect(doc).toContain('| load (1 min) at start → end | 0.50 → 0.70 |');
  });
});

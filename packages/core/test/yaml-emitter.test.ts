import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { emitYaml } from '../src/yaml/yaml-emitter.js';

// `__proto__` keys are a JavaScript artefact, not data Kubernetes sees.
const noProto = (v: unknown) => !JSON.stringify(v).includes('"__proto__"');
const same = (a: unknown, b: unknown) => expect(JSON.stringify(b)).toBe(JSON.stringify(a));

describe('emitYaml', () => {
  it('round-trips any JSON value through a YAML 1.2 reader (10,000 runs)', () => {
    fc.assert(
      fc.property(fc.jsonValue().filter(noProto), (value) => {
        same(value, parse(emitYaml(value)));
      }),
      { numRuns: 10000, seed: 7 },
    );
  }, 120_000);

  it('keeps strings strings for a YAML 1.1 reader, as kubectl and Flux read them (10,000 runs)', () => {
    const tricky = fc.constantFrom(
      'on',
      'off',
      'yes',
      'No',
      'y',
      '~',
      '0755',
      '0x1F',
      '1e3',
      '1_000',
      '12:30',
      '2024-01-01',
      '.5',
      '-1',
      '+1',
      '.inf',
      '<<',
      '=',
      ': x',
      'a: b',
      'a #b',
      '- x',
      '#x',
      '@x',
      '',
      ' x',
      'x ',
      'line\nbreak',
      '"q"',
      "'q'",
      '100m',
      '1Gi',
      '0.0.0.0/0',
      'main-1a31a56',
      'sha256:abc',
    );
    const text = fc.oneof(fc.string(), fc.string({ unit: 'binary' }), tricky);
    const data = fc.letrec((tie) => ({
      node: fc.oneof(
        { depthSize: 'small' },
        text,
        fc.array(tie('node'), { maxLength: 3 }),
        fc.dictionary(text, tie('node'), { maxKeys: 3 }),
      ),
    })).node;
    fc.assert(
      fc.property(data.filter(noProto), (value) => {
        const text = emitYaml(value);
        same(value, parse(text, { version: '1.1' }));
        same(value, parse(text));
      }),
      { numRuns: 10000, seed: 8 },
    );
  }, 120_000);

  it('writes documents of hundreds of thousands of lines (a Gateway with a listener per host of 10,000 apps)', () => {
    const listeners = Array.from({ length: 40_000 }, (_, i) => ({
      name: `https-app${i}`,
      port: 8443,
      tls: { mode: 'Terminate' },
    }));
    const text = emitYaml({ kind: 'Gateway', spec: { listeners } });
    // kind, spec, listeners, then 4 lines per listener; before the fix this threw "Maximum call stack size exceeded".
    expect(text.split('\n').length - 1).toBe(3 + 4 * listeners.length);
    same({ kind: 'Gateway', spec: { listeners } }, parse(text));
  });

  it('writes block style with sequences indented under their key', () => {
    expect(emitYaml({ a: [{ b: 1, c: ['x', 'on'] }, [1, 2]], d: {}, e: [], f: 'x: y' })).toBe(
      'a:\n  - b: 1\n    c:\n      - x\n      - "on"\n  - - 1\n    - 2\nd: {}\ne: []\nf: "x: y"\n',
    );
  });
});

import { describe, expect, it } from 'vitest';
import { parseHumanSize } from '../src/index.js';

describe('parseHumanSize', () => {
  it('reads the decimal sizes buildah prints', () => {
    expect(parseHumanSize('66.9 MB')).toBeCloseTo(66.9e6, 3);
    expect(parseHumanSize('512 kB')).toBe(512e3);
    expect(parseHumanSize('1.2 GB')).toBeCloseTo(1.2e9, 3);
  });
  it('refuses what it cannot read', () => {
    expect(() => parseHumanSize('big')).toThrow('cannot read the image size "big"');
  });
});

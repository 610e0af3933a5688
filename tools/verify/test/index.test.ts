import { expect, it } from 'vitest';
import { packageName } from '../src/index.js';

it('names itself', () => {
  expect(packageName).toBe('@sugarkube/verify');
});

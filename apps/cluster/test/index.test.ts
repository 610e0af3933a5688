import { expect, it } from 'vitest';
import { synthesizeCluster } from '../src/index.js';

it('synthesizes relative paths only', () => {
  for (const file of synthesizeCluster()) expect(file.path.startsWith('/')).toBe(false);
});

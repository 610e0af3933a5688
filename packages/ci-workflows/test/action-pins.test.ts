import { describe, expect, it } from 'vitest';
import { actionPins } from '../src/index.js';
import { pinnedUses } from '../src/pins/action-pins.js';

describe('actionPins', () => {
  it('pins every action by a full 40-hex commit SHA with a release tag', () => {
    for (const pin of Object.values(actionPins)) {
      expect(pin.sha).toMatch(/^[0-9a-f]{40}$/);
      expect(pin.version).toMatch(/^v\d+(\.\d+){0,2}$/);
      expect(pinnedUses(pin)).toBe(`${pin.action}@${pin.sha}`);
    }
  });
});

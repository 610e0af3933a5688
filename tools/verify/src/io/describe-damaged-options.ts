import { describe, expect, it } from 'vitest';
import {
  checkDamagedOptions,
  damagedOptionRuns,
  damagedOptionSeed,
  damageTally,
  type DamageSubject,
} from '../damaged-options.js';
import { recordDamageTally } from './record-damage-tally.js';

/** Options of {@link describeDamagedOptions}. */
export interface DescribeDamagedOptions {
  /** The package folder: the tally goes to its `.vitest/damaged-options.json`. */
  readonly packageDir: string;
  /**
   * Damaged copies per subject when `DAMAGED_OPTIONS_RUNS` is not set.
   * @default 300
   */
  readonly runs?: number;
  /**
   * Per-subject timeout in milliseconds.
   * @default 120000
   */
  readonly timeout?: number;
}

/**
 * The damaged-options property suite every package runs on its public entry points: each valid
 * sample is accepted, each subject meets `numRuns` damaged copies with a `ValidationError` (or
 * an issue list) naming the damaged path and never a `TypeError`, and the tally is recorded.
 */
export function describeDamagedOptions(subjects: readonly DamageSubject[], options: DescribeDamagedOptions): void {
  const numRuns = damagedOptionRuns(options.runs ?? 300);
  const tally = damageTally();
  describe('damaged options', () => {
    it('every public entry point accepts its valid sample', async () => {
      for (const s of subjects) {
        const result: unknown = await s.call(s.valid);
        if (s.returnsIssues) expect(result, s.name).toEqual([]);
      }
    });

    for (const subject of subjects) {
      it(
        `${subject.name}: a ValidationError naming the damaged path, never a TypeError`,
        async () => {
          const seed = damagedOptionSeed(subject.name);
          await checkDamagedOptions(subject, { numRuns, tally, ...(seed === undefined ? {} : { seed }) });
        },
        options.timeout ?? 120_000,
      );
    }

    it('reports the tally', () => {
      recordDamageTally(options.packageDir, subjects.length, tally);
      expect(tally.otherErrors).toBe(0);
      expect(tally.validationErrors + tally.issueLists).toBeGreaterThan(tally.runs / 2);
    });
  });
}

/** One measurement: wall time, peak memory, and any figures the variant reports. */
export interface Sample {
  readonly wallMs: number;
  readonly maxRssMiB?: number;
  /** CPU time (user + system), when measured. */
  readonly cpuMs?: number;
  /** Extra figures (objects written, phase times…), by name. */
  readonly figures?: Readonly<Record<string, number>>;
}

/** One thing measured side by side with others. */
export interface Variant {
  readonly name: string;
  /** Untimed preparation before each sample (a fresh output directory, a touched file). */
  readonly before?: (run: number) => void | Promise<void>;
  readonly measure: (run: number) => Promise<Sample>;
}

/**
 * Measures every variant `runs` times, interleaved: round r runs all variants, starting at a
 * different one each round, so a load change on a shared machine hits all of them alike and
 * the ratios stay meaningful even when the absolute times drift.
 */
export async function interleave(
  variants: readonly Variant[],
  runs: number,
  log: (message: string) => void = () => {},
): Promise<Map<string, Sample[]>> {
  const samples = new Map<string, Sample[]>(variants.map((v) => [v.name, []]));
  for (let run = 0; run < runs; run++) {
    for (let k = 0; k < variants.length; k++) {
      const variant = variants[(run + k) % variants.length]!;
      await variant.before?.(run);
      const sample = await variant.measure(run);
      samples.get(variant.name)!.push(sample);
      log(`  ${variant.name} #${run + 1}: ${Math.round(sample.wallMs)} ms`);
    }
  }
  return samples;
}

import { readFileSync } from 'node:fs';

/**
 * The hook for scenario (f)'s live figures. The live-cluster harness (tools/live) writes, after
 * its scheduler has placed every pod of a synthesized tree, a JSON file of what it scheduled per
 * environment; `npm run bench -- --live-requests FILE` adds those figures next to the rendered ones:
 *
 * ```json
 * { "staging": { "infraCpuMillis": 2710, "infraMemoryBytes": 1696595968, "pods": 31, "source": "kube-scheduler v1.33, kwok nodes" } }
 * ```
 */
export interface LiveRequests {
  readonly infraCpuMillis: number;
  readonly infraMemoryBytes: number;
  readonly pods?: number;
  /** Where the figures came from, printed with them. */
  readonly source: string;
}

/** Reads and checks the live figures file; every problem at once, each with its path. */
export function readLiveRequests(file: string): Readonly<Record<string, LiveRequests>> {
  const data = JSON.parse(readFileSync(file, 'utf8')) as unknown;
  const problems: string[] = [];
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    throw new Error(
      `${file}: expected an object of environments, e.g. {"staging": {"infraCpuMillis": 2710, …}}, received ${JSON.stringify(data)}`,
    );
  }
  for (const [env, value] of Object.entries(data)) {
    const v = value as Record<string, unknown>;
    for (const key of ['infraCpuMillis', 'infraMemoryBytes'] as const) {
      if (typeof v?.[key] !== 'number')
        problems.push(`${file}: ${env}.${key}: expected a number, received ${JSON.stringify(v?.[key])}`);
    }
    if (typeof v?.source !== 'string')
      problems.push(
        `${file}: ${env}.source: expected a string naming where the figures come from, received ${JSON.stringify(v?.source)}`,
      );
  }
  if (problems.length > 0) throw new Error(problems.join('\n'));
  return data as Record<string, LiveRequests>;
}

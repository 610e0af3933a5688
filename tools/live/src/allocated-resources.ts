/** One row of `kubectl describe node`'s "Allocated resources" table. */
export interface AllocatedResource {
  readonly resource: string;
  /** `1250m`, `1088Mi`: kubectl's own sum of the node's pods' requests. */
  readonly requests: string;
  /** Percent of the node's allocatable, as kubectl rounds it. */
  readonly requestsPercent: number;
  readonly limits: string;
  readonly limitsPercent: number;
}

/**
 * The "Allocated resources" table of `kubectl describe node` (kubectl sums the requests and limits
 * of the node's non-terminated pods, init containers and overhead included, as the scheduler
 * counts them). Throws when the output has no such table. Pure.
 */
export function parseAllocatedResources(describe: string): AllocatedResource[] {
  const lines = describe.split('\n');
  const start = lines.findIndex((l) => l.startsWith('Allocated resources:'));
  if (start < 0) throw new Error('kubectl describe node: no "Allocated resources:" section');
  const rows: AllocatedResource[] = [];
  for (const line of lines.slice(start + 1)) {
    if (!line.startsWith(' ')) break;
    const m = /^\s+(\S+)\s+(\S+) \((\d+)%\)\s+(\S+) \((\d+)%\)\s*$/.exec(line);
    if (m)
      rows.push({
        resource: m[1]!,
        requests: m[2]!,
        requestsPercent: Number(m[3]),
        limits: m[4]!,
        limitsPercent: Number(m[5]),
      });
  }
  if (rows.length === 0) throw new Error('kubectl describe node: an empty "Allocated resources:" table');
  return rows;
}

/** What one wrk run measured. */
export interface WrkResult {
  readonly rps: number;
  readonly p50Ms: number;
  readonly p99Ms: number;
  /** Transfer/sec over requests/sec: bytes on the wire per response, headers included. */
  readonly bytesPerResponse: number;
  readonly requests: number;
  readonly non2xx3xx: number;
}

const toMs = (value: string) => {
  const m = /^([\d.]+)(us|ms|s|m)$/.exec(value);
  if (!m) throw new Error(`wrk: cannot read the latency "${value}"`);
  return Number(m[1]) * { us: 0.001, ms: 1, s: 1000, m: 60000 }[m[2] as 'us' | 'ms' | 's' | 'm'];
};
const toBytes = (value: string) => {
  const m = /^([\d.]+)(B|KB|MB|GB)$/.exec(value);
  if (!m) throw new Error(`wrk: cannot read the size "${value}"`);
  return Number(m[1]) * { B: 1, KB: 1024, MB: 1024 ** 2, GB: 1024 ** 3 }[m[2] as 'B' | 'KB' | 'MB' | 'GB'];
};

/**
 * Parses `wrk --latency` output.
 * @throws Error quoting the output when a figure is missing
 */
export function parseWrk(out: string): WrkResult {
  const pick = (re: RegExp) => {
    const m = re.exec(out);
    if (!m) throw new Error(`unexpected wrk output (no ${re.source}):\n${out}`);
    return m[1]!;
  };
  const rps = Number(pick(/Requests\/sec:\s+([\d.]+)/));
  return {
    rps,
    p50Ms: toMs(pick(/\n\s+50%\s+(\S+)/)),
    p99Ms: toMs(pick(/\n\s+99%\s+(\S+)/)),
    bytesPerResponse: Math.round(toBytes(pick(/Transfer\/sec:\s+(\S+)/)) / rps),
    requests: Number(pick(/(\d+) requests in/)),
    non2xx3xx: Number(/Non-2xx or 3xx responses: (\d+)/.exec(out)?.[1] ?? 0),
  };
}

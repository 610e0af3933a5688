import { execFileSync } from 'node:child_process';
import { parseWrk, type WrkResult } from '../nginx/parse-wrk.js';

/** One wrk run against `url`: one thread, `connections` connections, a browser's Accept-Encoding. */
export function wrk(url: string, seconds: number, connections: number): WrkResult {
  const out = execFileSync(
    'wrk',
    ['-t1', `-c${connections}`, `-d${seconds}s`, '--latency', '-H', 'Accept-Encoding: gzip, deflate, br', url],
    { encoding: 'utf8' },
  );
  return parseWrk(out);
}

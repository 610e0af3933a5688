// Builds and runs test/oracle (Flux's selection glue around the real Masterminds/semver v3.5.0,
// Go regexp and strconv) for the differential tests. Go must be installed (CI installs it for the
// upstream verifiers); modules come from the Go module proxy, pinned by go.sum.
import { execFileSync, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { SelectTagSpec } from '../src/index.js';

/** Builds test/oracle (selectTag) or test/setters-oracle (applySetters) into the cache, once per source hash. */
export function buildOracle(name: 'oracle' | 'setters-oracle' = 'oracle'): string {
  const oracleDir = fileURLToPath(new URL(`./${name}/`, import.meta.url));
  const hash = createHash('sha256');
  for (const f of ['go.mod', 'go.sum', 'main.go']) hash.update(readFileSync(join(oracleDir, f)));
  const cache = process.env.SUGARKUBE_CACHE ?? join(homedir(), '.cache', 'sugarkube');
  const out = join(cache, `image-policy-${name}`, hash.digest('hex').slice(0, 16), name);
  if (existsSync(out)) return out;
  mkdirSync(join(out, '..'), { recursive: true });
  const go = spawnSync('go', ['version'], { encoding: 'utf8' });
  if (go.status !== 0) throw new Error(`the Go toolchain is required to build test/${name} (install Go; CI machines have it)`);
  execFileSync('go', ['build', '-o', out, '.'], { cwd: oracleDir, stdio: 'pipe', env: { ...process.env, GOTOOLCHAIN: 'local', GOFLAGS: '-mod=readonly', CGO_ENABLED: '0' } });
  return out;
}

export interface OracleResult {
  readonly tag?: string;
  readonly reason?: string;
  readonly error?: string;
}

export function runOracle(binary: string, cases: readonly { spec: SelectTagSpec; tags: readonly string[] }[]): OracleResult[] {
  const input = cases.map((c) => JSON.stringify({ ...c.spec, tags: c.tags })).join('\n') + '\n';
  const out = execFileSync(binary, [], { input, encoding: 'utf8', maxBuffer: 1 << 28 });
  return out.trim().split('\n').map((line) => JSON.parse(line) as OracleResult);
}

/**
 * Planning returns objects typed from the pinned schemas, so a wrong field is a compile error
 * (not a kubeconform failure at the end). Proved on the real planning code: the package is
 * type-checked with one mistake planted in the Flux Kustomization of `src/plan/flux-sync.ts`, in memory.
 */
import { join } from 'node:path';
import { compileWithEdit } from '@sugarkube/verify';
import { describe, expect, it } from 'vitest';

const pkg = join(import.meta.dirname, '..');
const compile = (from: string, to: string) =>
  compileWithEdit({ tsconfig: join(pkg, 'tsconfig.json'), file: join(pkg, 'src/plan/flux-sync.ts'), from, to });

describe('typed objects', () => {
  it('a misspelled field of a planned Flux Kustomization does not compile (and the code as it is does)', () => {
    expect(compile("retryInterval: '2m',", "retryInterval: '2m',")).toEqual([]);
    const errors = compile("retryInterval: '2m',", "retryIntervall: '2m',");
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ code: 'TS2561', file: expect.stringMatching(/src\/plan\/flux-sync\.ts$/) });
    expect(errors[0]!.message).toMatch(/'retryIntervall' does not exist .*Did you mean to write 'retryInterval'\?/s);
  }, 120_000);

  it('a source kind the Kustomization CRD does not list does not compile', () => {
    const line =
      "      retryInterval: '2m',\n      timeout: options.timeout,\n      sourceRef: { kind: 'GitRepository', name: 'flux-system' },";
    const errors = compile(line, line.replace("kind: 'GitRepository'", "kind: 'GitRepo'"));
    expect(errors.map((e) => e.code)).toEqual(['TS2322']);
    expect(errors[0]!.message).toMatch(/'"GitRepo"' is not assignable to type .*"GitRepository"/s);
  }, 120_000);
});

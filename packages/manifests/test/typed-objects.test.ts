/**
 * Planning returns objects typed from the pinned schemas, so a wrong field is a compile error
 * (not a kubeconform failure at the end). Proved on the real planning code: the package is
 * type-checked with one misspelling planted in `src/plan/deployment.ts`, in memory.
 */
import { join } from 'node:path';
import type { TypedObject } from '@sugarkube/core';
import { compileWithEdit } from '@sugarkube/verify';
import { describe, expect, it } from 'vitest';
import { planApp, type KubeObject } from '../src/index.js';
import { exampleApps } from './support/example-apps.js';
import { defineApp } from '../src/index.js';

const pkg = join(import.meta.dirname, '..');
const compile = (from: string, to: string, file = 'src/plan/deployment.ts') =>
  compileWithEdit({ tsconfig: join(pkg, 'tsconfig.json'), file: join(pkg, file), from, to });

describe('typed objects', () => {
  it('a misspelled field of the planned Deployment does not compile (and the code as it is does)', () => {
    expect(compile('revisionHistoryLimit: 3,', 'revisionHistoryLimit: 3,')).toEqual([]);
    const errors = compile('revisionHistoryLimit: 3,', 'revisionHistoryLimt: 3,');
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ code: 'TS2561', file: expect.stringMatching(/src\/plan\/deployment\.ts$/) });
    expect(errors[0]!.message).toMatch(
      /'revisionHistoryLimt' does not exist .*Did you mean to write 'revisionHistoryLimit'\?/s,
    );
  }, 120_000);

  it('a value of the wrong type does not compile, nor a value a CRD enum does not list', () => {
    const wrongType = compile('revisionHistoryLimit: 3,', "revisionHistoryLimit: '3',");
    expect(wrongType.map((e) => e.code)).toEqual(['TS2322']);
    expect(wrongType[0]!.message).toBe("Type 'string' is not assignable to type 'number'.");
    // cert-manager's Certificate CRD lists RSA, ECDSA and Ed25519.
    const notListed = compile("algorithm: 'ECDSA'", "algorithm: 'ECDSA256'", 'src/plan/routes.ts');
    expect(notListed.map((e) => e.code)).toEqual(['TS2322']);
    expect(notListed[0]!.message).toMatch(/'"ECDSA256"' is not assignable to type .*"ECDSA"/s);
  }, 120_000);

  it('a planned object is a KubeObject and a TypedObject of its kind', () => {
    const objects: KubeObject[] = planApp(defineApp(exampleApps.tokenplace), 'prod');
    const deployment = objects.find((o) => o.kind === 'Deployment') as TypedObject<'apps/v1', 'Deployment'>;
    // @ts-expect-error `replcas` is not a field of a Deployment's spec
    expect(deployment.spec?.replcas).toBeUndefined();
    expect(deployment.spec?.replicas).toBe(1);
  });
});

import { describe, expect, it } from 'vitest';
import { renderYaml } from '@sugarkube/core';
import { defineApp, planApp, validateApp } from '../src/index.js';

const base = {
  name: 'vault',
  services: [
    {
      name: 'web',
      runtime: 'node' as const,
      image: { repository: 'ghcr.io/acme/vault' },
      port: 8080,
      env: { DB: { secret: 'db', key: 'url' } },
    },
  ],
};
const ciphertext = 'AgA'.padEnd(96, 'k9Z');

describe('secrets', () => {
  it('passes SealedSecrets through with their scope', () => {
    const app = defineApp({
      ...base,
      sealedSecrets: { db: { encryptedData: { url: ciphertext }, scope: 'namespace-wide' } },
    });
    const sealed = planApp(app, 'prod').find((o) => o.kind === 'SealedSecret')!;
    expect(sealed).toMatchObject({
      apiVersion: 'bitnami.com/v1alpha1',
      metadata: { name: 'db', namespace: 'vault', annotations: { 'sealedsecrets.bitnami.com/namespace-wide': 'true' } },
      spec: { encryptedData: { url: ciphertext }, template: { type: 'Opaque' } },
    });
  });

  it('passes SOPS Secrets through, keeping the order the SOPS MAC covers', () => {
    const sops = {
      kms: [],
      age: [{ recipient: 'age1xyz', enc: '-----BEGIN AGE ENCRYPTED FILE-----' }],
      lastmodified: '2026-11-26T00:00:00Z',
      mac: 'ENC[AES256_GCM,data:abc,type:str]',
      version: '3.9.0',
    };
    const document = {
      apiVersion: 'v1' as const,
      kind: 'Secret' as const,
      metadata: { namespace: 'vault', name: 'db' },
      stringData: {
        url: 'ENC[AES256_GCM,data:Zm9v,iv:x,tag:y,type:str]',
        a: 'ENC[AES256_GCM,data:YQ==,iv:x,tag:y,type:str]',
      },
      sops,
    };
    const app = defineApp({ ...base, sopsSecrets: [document] });
    const yaml = renderYaml(planApp(app, 'staging').filter((o) => o.kind === 'Secret'));
    expect(yaml).toBe(
      [
        'apiVersion: v1',
        'kind: Secret',
        'metadata:',
        '  namespace: vault',
        '  name: db',
        'stringData:',
        '  url: ENC[AES256_GCM,data:Zm9v,iv:x,tag:y,type:str]',
        '  a: ENC[AES256_GCM,data:YQ==,iv:x,tag:y,type:str]',
        'sops:',
        '  kms: []',
        '  age:',
        '    - recipient: age1xyz',
        '      enc: "-----BEGIN AGE ENCRYPTED FILE-----"',
        '  lastmodified: "2026-11-26T00:00:00Z"',
        '  mac: ENC[AES256_GCM,data:abc,type:str]',
        '  version: "3.9.0"',
        '',
      ].join('\n'),
    );
    expect(
      validateApp({ ...base, sopsSecrets: [{ ...document, metadata: { name: 'db', namespace: 'other' } }] }).errors[0]
        ?.message,
    ).toBe(
      'sopsSecrets[0].metadata.namespace: expected "vault" (the app namespace; a SOPS document is passed through unchanged), received "other"',
    );
  });

  it('refuses Flux beta APIs in extra objects', () => {
    const result = validateApp({
      ...base,
      environments: {
        staging: {
          extraObjects: [
            { apiVersion: 'helm.toolkit.fluxcd.io/v2beta2', kind: 'HelmRelease', metadata: { name: 'x' } },
          ],
        },
        prod: {},
      },
    });
    expect(result.errors.map((e) => e.message)).toEqual([
      'environments.staging.extraObjects[0].apiVersion: expected a GA Flux API (Flux 2.9 removed the beta ones), e.g. "helm.toolkit.fluxcd.io/v2", received "helm.toolkit.fluxcd.io/v2beta2"',
    ]);
  });
});

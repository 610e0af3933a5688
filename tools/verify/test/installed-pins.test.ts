import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, realpathSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { cacheEntry, toolPath } from '../src/index.js';

const scripts = join(dirname(fileURLToPath(import.meta.url)), '../../upstream/tools');

/** The `VERSION=` pin at the top of tools/upstream/tools/<name>.sh. */
function pin(name: string): string {
  const match = /^VERSION=(\S+)$/m.exec(readFileSync(join(scripts, `${name}.sh`), 'utf8'));
  if (!match) throw new Error(`no VERSION= line in tools/upstream/tools/${name}.sh`);
  return match[1]!;
}

const version = (path: string, ...args: string[]) => execFileSync(path, args, { encoding: 'utf8' });

describe('the installed tools are the pinned ones (a bumped pin without a reinstall fails here)', () => {
  it('kubeconform, actionlint, zizmor and check-jsonschema report their pinned versions', () => {
    expect(version(toolPath('kubeconform'), '-v').trim()).toBe(pin('kubeconform'));
    expect(version(toolPath('actionlint'), '-version')).toContain(pin('actionlint'));
    expect(version(toolPath('zizmor'), '--version')).toContain(pin('zizmor'));
    expect(version(cacheEntry('check-jsonschema'), '--version')).toContain(pin('workflow-schema'));
  });

  it('the Kubernetes schemas come from the pinned k8s.io/kubernetes version', () => {
    expect(basename(realpathSync(cacheEntry('kubernetes-schemas')))).toBe(
      `kubernetes-schemas-${pin('kubernetes-schemas')}`,
    );
  });

  it('promtool and the distribution registry are the pinned builds', () => {
    expect(basename(dirname(dirname(realpathSync(toolPath('promtool')))))).toBe(`promtool-${pin('promtool')}`);
    expect(version(toolPath('promtool'), '--version')).toMatch(/^promtool, version /);
    expect(version(cacheEntry('distribution-registry'), '--version')).toContain(
      `github.com/distribution/distribution/v3 ${pin('distribution-registry')}`,
    );
  });

  it('helm is the pinned v4 build (the library helm-controller links)', () => {
    expect(version(toolPath('helm'), 'version', '--short')).toContain(pin('helm'));
  });

  it('gitleaks is the pinned build, with the default rules of the same release', () => {
    expect(version(toolPath('gitleaks'), 'version').trim()).toBe(pin('gitleaks'));
    expect(readFileSync(cacheEntry('gitleaks-config.toml'), 'utf8')).toMatch(/^title = "gitleaks config"$/m);
  });

  it('the OpenAPI documents behind the strategic-merge table follow the Kubernetes and kustomize pins', () => {
    expect(basename(dirname(realpathSync(cacheEntry('kubernetes-openapi.json'))))).toBe(
      `kubernetes-openapi-${pin('kubernetes-schemas')}-kustomize-${pin('kustomize')}`,
    );
    expect(basename(dirname(realpathSync(cacheEntry('kustomize-openapi.json'))))).toBe(
      `kubernetes-openapi-${pin('kubernetes-schemas')}-kustomize-${pin('kustomize')}`,
    );
  });

  it('kubeseal is the pinned build (sealed-secrets, built from the module proxy copy)', () => {
    expect(version(toolPath('kubeseal'), '--version').trim()).toBe(`kubeseal version: ${pin('kubeseal')}`);
  });

  it('kustomize is v5', () => {
    expect(version(toolPath('kustomize'), 'version')).toMatch(/v5\.\d+\.\d+/);
  });
});

describe('the CRD schema set', () => {
  const files = readdirSync(cacheEntry('crd-schemas')).filter((f) => f.endsWith('.json'));
  const versionsOf = (group: string) =>
    [...new Set(files.filter((f) => f.startsWith(`${group}_`)).map((f) => /_([a-z0-9]+)\.json$/.exec(f)![1]))].sort();

  it('holds only the GA Flux 2.9 APIs (v1beta* kinds are removed), notification v1beta3 for Alert and Provider', () => {
    expect(versionsOf('source.toolkit.fluxcd.io')).toEqual(['v1']);
    expect(versionsOf('kustomize.toolkit.fluxcd.io')).toEqual(['v1']);
    expect(versionsOf('helm.toolkit.fluxcd.io')).toEqual(['v2']);
    expect(versionsOf('image.toolkit.fluxcd.io')).toEqual(['v1']);
    expect(files.filter((f) => f.startsWith('notification.toolkit.fluxcd.io_')).sort()).toEqual([
      'notification.toolkit.fluxcd.io_alert_v1beta3.json',
      'notification.toolkit.fluxcd.io_provider_v1beta3.json',
      'notification.toolkit.fluxcd.io_receiver_v1.json',
    ]);
  });

  it('covers every project the CRD table names', () => {
    for (const group of [
      'gateway.networking.k8s.io',
      'cert-manager.io',
      'bitnami.com',
      'monitoring.coreos.com',
      'helm.cattle.io',
      'longhorn.io',
      'metallb.io',
      'traefik.io',
    ]) {
      expect(versionsOf(group).length, group).toBeGreaterThan(0);
    }
  });
});

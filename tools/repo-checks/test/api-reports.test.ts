import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Extractor, ExtractorConfig, ExtractorLogLevel } from '@microsoft/api-extractor';
import { afterAll, describe, expect, it } from 'vitest';
import { repoRoot, workspacePackages } from '../src/index.js';

/**
 * One API Extractor report per entry point of every published package, checked in beside the
 * package as `api/<entry>.api.md`. A change to a public type or signature changes the report:
 * the test fails until the report is regenerated (`npx vitest run test/api-reports.test.ts -u`
 * in tools/repo-checks) and the change shows in review. Reads the built `dist/*.d.ts`.
 */
const published = workspacePackages().filter(
  (p) => !p.manifest.private && (p.dir.startsWith('packages/') || p.dir === 'apps/cli'),
);
const scratch = mkdtempSync(join(tmpdir(), 'api-reports-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

type Exports = Record<string, string | { types?: string }>;

function entryPoints(manifest: Record<string, unknown>): { name: string; types: string }[] {
  return Object.entries((manifest.exports ?? {}) as Exports).flatMap(([subpath, target]) =>
    typeof target === 'object' && target.types
      ? [{ name: subpath === '.' ? 'index' : subpath.slice(2).replaceAll('/', '-'), types: target.types }]
      : [],
  );
}

function apiReport(dir: string, entry: { name: string; types: string }): string {
  const projectFolder = join(repoRoot, dir);
  const reportTempFolder = join(scratch, dir);
  const config = ExtractorConfig.prepare({
    configObject: {
      projectFolder,
      mainEntryPointFilePath: join(projectFolder, entry.types),
      compiler: { tsconfigFilePath: join(projectFolder, 'tsconfig.json') },
      apiReport: {
        enabled: true,
        reportFolder: join(projectFolder, 'api'),
        reportTempFolder,
        reportFileName: entry.name,
      },
      docModel: { enabled: false },
      dtsRollup: { enabled: false },
      tsdocMetadata: { enabled: false },
      newlineKind: 'lf',
      messages: {
        compilerMessageReporting: { default: { logLevel: ExtractorLogLevel.None } },
        extractorMessageReporting: { default: { logLevel: ExtractorLogLevel.None } },
        tsdocMessageReporting: { default: { logLevel: ExtractorLogLevel.None } },
      },
    },
    configObjectFullPath: undefined,
    packageJsonFullPath: join(projectFolder, 'package.json'),
  });
  // localBuild false: the report is written to the temp folder only, never over the checked-in one.
  const result = Extractor.invoke(config, {
    localBuild: false,
    showVerboseMessages: false,
    messageCallback: (m) => {
      m.handled = true;
    },
  });
  expect(result.errorCount, `${dir} ${entry.name}: API Extractor errors`).toBe(0);
  return readFileSync(join(reportTempFolder, `${entry.name}.api.md`), 'utf8');
}

describe('API reports', () => {
  it('covers every published package', () => {
    expect(published.map((p) => p.manifest.name).sort()).toEqual([
      '@sugarkube/ci-workflows',
      '@sugarkube/cli',
      '@sugarkube/cluster',
      '@sugarkube/core',
      '@sugarkube/image-policy',
      '@sugarkube/manifests',
      '@sugarkube/sites',
    ]);
  });

  for (const { dir, manifest } of published) {
    for (const entry of entryPoints(manifest)) {
      it(`${manifest.name}${entry.name === 'index' ? '' : `/${entry.name}`}: ${dir}/api/${entry.name}.api.md`, async () => {
        await expect(apiReport(dir, entry)).toMatchFileSnapshot(join(repoRoot, dir, 'api', `${entry.name}.api.md`));
      });
    }
  }
});

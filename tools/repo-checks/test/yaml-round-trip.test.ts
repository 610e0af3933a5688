import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { dnsLabel, imageTag, labelValue } from '@sugarkube/core';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { repoRoot } from '../src/index.js';
import { appTreeTrip } from './support/round-trip/app-tree-trip.js';
import { initTrip, sealTrip } from './support/round-trip/cli-trips.js';
import { clusterTreeTrip } from './support/round-trip/cluster-tree-trip.js';
import { objectField, readDocuments } from './support/round-trip/read-back.js';
import { roundTripFailures, tally } from './support/round-trip/round-trip.js';
import {
  anyString,
  branchString,
  configMapKey,
  configMapKeyString,
  dnsLabelString,
  imageTagString,
  labelValueString,
  namedFitting,
  namedStrings,
  nonBlankString,
  singleLineString,
} from './support/round-trip/strings.js';
import { ciWorkflowTrip, repoWorkflowTrip, type RenderRepoWorkflow } from './support/round-trip/workflow-trips.js';

/*
 * Every YAML file the project writes, written with strings a YAML reader is known to take for
 * something else (YAML 1.1 booleans and numbers, timestamps, indicators, line breaks of every
 * kind, characters outside the printable set…) and random ones, then read back with a YAML 1.1
 * reader, a YAML 1.2 reader (the `yaml` package), the Go reader kubectl and Helm read YAML with
 * (sigs.k8s.io/yaml, through Helm's fromYaml) and, for Kubernetes manifests, `kubectl kustomize`
 * (go-yaml v3) whose output is read again and checked by kubeconform. Every string must come
 * back as the same string. The first run of each property writes every named string; the
 * seeds are fixed so a failure reproduces.
 */

const slow = { timeout: 900_000 };
/** `fc.assert` for an async property returning failures: they must be none. */
async function assertNoFailures<T>(
  arbitrary: fc.Arbitrary<T>,
  check: (value: T) => Promise<string[]>,
  numRuns: number,
  seed: number,
  examples: T[],
) {
  await fc.assert(
    fc.asyncProperty(arbitrary, async (value) => {
      expect(await check(value)).toEqual([]);
    }),
    // No shrinking: a failure already lists every string that did not come back, and where.
    { numRuns, seed, examples: examples.map((e) => [e] as [T]), endOnFailure: true },
  );
}

const some = <T>(arbitrary: fc.Arbitrary<T>, minLength: number, maxLength: number) =>
  fc.array(arbitrary, { minLength, maxLength });
const unique = (arbitrary: fc.Arbitrary<string>, minLength: number, maxLength: number) =>
  fc.uniqueArray(arbitrary, { minLength, maxLength });

describe('YAML round trip: every output path gives back the strings it was given', () => {
  afterAll(() => {
    console.log(
      `YAML round trip: ${tally.strings} strings written through ${tally.paths.size} output paths ` +
        `(${[...tally.paths].join('; ')}); ${tally.probes} places checked, ${tally.reads} reads ` +
        `(YAML 1.1, YAML 1.2 and go-yaml v2 of every file; YAML 1.2 and kubeconform of ${tally.kustomizeBuilds} kubectl kustomize outputs, ` +
        `which leave out ${tally.notForKustomize} places holding strings kustomize cannot carry)`,
    );
  });

  it(
    'the app tree (env, ConfigMap data and keys, labels, annotations, the image tag), through kubectl kustomize',
    slow,
    async () => {
      const strings = fc.record({
        values: some(anyString, 20, 40),
        labelValues: some(labelValueString, 5, 15),
        keys: unique(configMapKeyString, 5, 15),
        tag: imageTagString,
      });
      const named = {
        values: [...namedStrings],
        labelValues: namedFitting(labelValue),
        keys: namedFitting(configMapKey),
        tag: 'on',
      };
      await assertNoFailures(
        strings,
        (s) => roundTripFailures(appTreeTrip(s), s.values.length + s.labelValues.length + s.keys.length + 1),
        12,
        1301,
        [named],
      );
    },
  );

  it(
    'the cluster tree (helm.values, chart version, tag, branch, channel, cron, labels), through every Flux path with kubectl kustomize',
    slow,
    async () => {
      const strings = fc.record({
        values: some(anyString, 12, 30),
        keys: unique(
          anyString.filter((k) => k !== '__proto__'),
          3,
          10,
        ),
        labelValues: fc.tuple(labelValueString, labelValueString),
        tag: imageTagString,
        branch: branchString,
      });
      const named = {
        values: ['on', 'No', '12:30', ...namedStrings],
        keys: namedStrings.filter((k) => k !== ''),
        labelValues: ['y', '0755'] as [string, string],
        tag: 'on',
        branch: 'on',
      };
      await assertNoFailures(
        strings,
        (s) => roundTripFailures(clusterTreeTrip(s), s.values.length + s.keys.length + 4),
        6,
        1302,
        [named],
      );
    },
  );

  it("the app repo's workflows (build arguments, the guard's tags and cron)", slow, async () => {
    const strings = fc.record({
      buildArgs: some(singleLineString, 5, 30),
      tags: some(imageTagString, 1, 5),
      cronFields: some(nonBlankString, 5, 5),
    });
    const named = {
      buildArgs: namedStrings.filter((s) => !/[\n\r]/.test(s)),
      tags: namedFitting(imageTag),
      cronFields: ['on', 'yes', '0755', '1e3', '~'],
    };
    await assertNoFailures(
      strings,
      async (s) => roundTripFailures(ciWorkflowTrip(s), s.buildArgs.length + s.tags.length + 5),
      100,
      1303,
      [named],
    );
  });

  it("the monorepo's own workflows (env, inputs, step names, with, run, commented values)", slow, async () => {
    const { renderRepoWorkflow } = (await import(
      pathToFileURL(join(repoRoot, 'projenrc', 'repo-workflows.ts')).href
    )) as { renderRepoWorkflow: RenderRepoWorkflow };
    await assertNoFailures(
      some(anyString, 1, 30),
      async (values) => roundTripFailures(repoWorkflowTrip(renderRepoWorkflow, values), values.length),
      100,
      1304,
      [[...namedStrings]],
    );
  });

  it('sugarkube init (the starter sugarkube.yaml)', slow, async () => {
    await assertNoFailures(
      unique(dnsLabelString, 1, 5),
      async (names) => roundTripFailures(await initTrip({ names }), 3 * names.length),
      20,
      1305,
      [namedFitting(dnsLabel)],
    );
  });

  it('sugarkube secret seal --format yaml (data key, name, namespace), through kubectl kustomize', slow, async () => {
    const seal = fc.record({ key: anyString.filter((k) => k !== ''), name: dnsLabelString, namespace: dnsLabelString });
    const seals = fc.uniqueArray(seal, { minLength: 5, maxLength: 20, selector: (s) => s.name });
    const names = namedFitting(dnsLabel);
    const named = namedStrings
      .filter((k) => k !== '')
      .map((key, i) => ({ key, name: `${names[i % names.length]}-${i}`, namespace: names[(i + 1) % names.length]! }));
    named.unshift({ key: 'on', name: 'on', namespace: 'yes' });
    await assertNoFailures(seals, async (s) => roundTripFailures(await sealTrip(s), 3 * s.length), 6, 1306, [named]);
  });
});

describe('a YAML 1.1 boolean word in helm.values', () => {
  it(
    'comes back as the string "on" from the HelmRelease file and from kubectl kustomize of the synthesized tree',
    slow,
    async () => {
      const trip = clusterTreeTrip({
        values: ['ops', '0 2 * * *', '1.0.0', 'on'],
        keys: ['on'],
        labelValues: ['staging', 'rt-staging'],
        tag: 'v1.0.0',
        branch: 'main',
      });
      const file = trip.files.find((f) => f.path === 'apps/staging/legacy/helm-release.yaml')!;
      expect(file.content).toContain('rt-v0: "on"');
      expect(file.content).toContain('"on": rt-key-0');
      const built = (await trip.kustomize!.build()).join('---\n');
      for (const [text, version] of [
        [file.content, '1.1'],
        [file.content, '1.2'],
        [built, '1.1'],
        [built, '1.2'],
      ] as const) {
        const values = objectField('HelmRelease', 'legacy', 'spec', 'values')(readDocuments(text, version));
        expect(values).toHaveLength(1);
        expect(values[0]).toMatchObject({
          rt: { 'rt-v0': 'on' },
          nested: { deeper: { 'rt-n0': 'on' } },
          list: [{ 'rt-l0': 'on' }],
          keys: { on: 'rt-key-0' },
        });
      }
      expect(await roundTripFailures(trip, 5)).toEqual([]);
    },
  );
});

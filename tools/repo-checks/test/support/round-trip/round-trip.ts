import { join } from 'node:path';
import { kustomizeBuild, validateManifests, writeTempTree } from '@sugarkube/verify';
import { readWithGoYaml } from './go-yaml-reader.js';
import { probeFailures, readDocuments, yamlReaders, type Probe } from './read-back.js';

/** One output path of the project, written with strings the test chose, and where each must come back. */
export interface RoundTrip {
  /** The output path, e.g. `app tree (renderAppTree)`. */
  readonly path: string;
  /** The files as the project writes them. */
  readonly files: readonly { readonly path: string; readonly content: string }[];
  /** Where each string must come back, across the YAML files of `files`. */
  readonly probes: readonly Probe[];
  /**
   * For Kubernetes manifests: `kubectl kustomize` (the pinned entry point of @sugarkube/verify)
   * of the tree written from `forKustomize` of the input, whose output is read back too, and the
   * probes it must satisfy (those of strings kustomize cannot carry are left out).
   */
  readonly kustomize?: { readonly build: () => Promise<readonly string[]>; readonly probes: readonly Probe[] };
}

const goYaml = 'go-yaml v2, sigs.k8s.io/yaml';

/** What the round trips checked, for the closing summary. */
export const tally = {
  strings: 0,
  probes: 0,
  reads: 0,
  kustomizeBuilds: 0,
  notForKustomize: 0,
  paths: new Set<string>(),
};

/**
 * Strings kustomize itself cannot carry (shown in kustomize-yaml-limits.test.ts). It reads our
 * files right, then re-serializes every object between its steps with go-yaml, whose emitter
 * writes DEL, C1 controls (NEL included), LS, PS, U+FFFE and U+FFFF raw (its reader then refuses
 * them or breaks the line there; the same from a JSON file), and writes a string whose first
 * line starts with a tab as a literal block its reader refuses ("found a tab character where an
 * indentation space is expected"; from any block-style YAML). Such strings are still checked in
 * every file the project writes; only kustomize's output is not expected to carry them.
 */
export function kustomizeCannotCarry(value: string): boolean {
  return /[\u007f-\u009f\u2028\u2029\ufffe\uffff]/.test(value) || (value.startsWith('\t') && value.includes('\n'));
}

/** Keys kustomize cannot carry: those above, and `<<`, which it takes for a merge key and drops in any style, even from JSON. */
export function kustomizeCannotCarryKey(key: string): boolean {
  return key === '<<' || kustomizeCannotCarry(key);
}

const carried = (p: Probe) => !(p.isKey ? kustomizeCannotCarryKey(p.value) : kustomizeCannotCarry(p.value));

/** The strings of a round trip's input with those kustomize cannot carry replaced, for the tree kustomize builds. */
export function forKustomize<T>(input: T): T {
  const visit = (value: unknown): unknown => {
    if (typeof value === 'string') return kustomizeCannotCarry(value) ? 'rt-not-for-kustomize' : value;
    if (Array.isArray(value)) return value.map(visit);
    if (value !== null && typeof value === 'object')
      return Object.fromEntries(
        Object.entries(value).map(([k, v]) => [kustomizeCannotCarryKey(k) ? 'rt-not-for-kustomize' : k, visit(v)]),
      );
    return value;
  };
  return visit(input) as T;
}

/** `kubectl kustomize` of directories of a tree written to a temporary directory. */
export async function kustomizeDirs(files: RoundTrip['files'], dirs: readonly string[]): Promise<string[]> {
  const root = await writeTempTree(files);
  return Promise.all(dirs.map((dir) => kustomizeBuild(join(root, dir))));
}

/**
 * Reads every YAML file of the round trip with a YAML 1.1 and a YAML 1.2 reader (the `yaml`
 * package) and with the Go reader of kubectl, Helm and the API machinery (readWithGoYaml); builds its
 * manifests with `kubectl kustomize` (go-yaml reads our files) and reads the output back as
 * YAML 1.2 and with kubeconform (sigs.k8s.io/yaml, the reader kubectl applies with, against
 * the Kubernetes and CRD schemas: a string read as a boolean or number fails there). Returns
 * every failure.
 */
export async function roundTripFailures(trip: RoundTrip, strings: number): Promise<string[]> {
  tally.paths.add(trip.path);
  tally.strings += strings;
  const yamlFiles = trip.files.filter((f) => /\.ya?ml$/.test(f.path));
  const failures: string[] = [];
  for (const { name, version } of yamlReaders) {
    const docs: unknown[] = [];
    for (const file of yamlFiles) {
      try {
        docs.push(...readDocuments(file.content, version));
      } catch (error) {
        failures.push(`${trip.path}: ${file.path} (${name}): ${(error as Error).message}`);
      }
    }
    failures.push(...probeFailures(`${trip.path} (${name})`, docs, trip.probes));
    tally.probes += version === '1.1' ? trip.probes.length : 0;
    tally.reads += trip.probes.length;
  }
  const goRead = await readWithGoYaml(yamlFiles);
  failures.push(
    ...goRead.flatMap((f) => (f.error === undefined ? [] : [`${trip.path}: ${f.path} (${goYaml}): ${f.error}`])),
  );
  failures.push(
    ...probeFailures(
      `${trip.path} (${goYaml})`,
      goRead.flatMap((f) => f.docs ?? []),
      trip.probes,
    ),
  );
  tally.reads += trip.probes.length;
  if (!trip.kustomize) return failures;
  let built: readonly string[];
  try {
    built = await trip.kustomize.build();
  } catch (error) {
    return [...failures, `${trip.path}: kubectl kustomize: ${(error as Error).message}`];
  }
  tally.kustomizeBuilds += built.length;
  const output = built.join('---\n');
  const probes = trip.kustomize.probes.filter(carried);
  tally.notForKustomize += trip.kustomize.probes.length - probes.length;
  // kustomize writes YAML 1.2 (a plain `2001-12-14 21:59:43.10 -5`, which only a YAML 1.1 reader
  // takes for a timestamp): its output is read as YAML 1.2, and by kubectl's own reader below.
  try {
    failures.push(...probeFailures(`${trip.path}, after kubectl kustomize`, readDocuments(output, '1.2'), probes));
  } catch (error) {
    failures.push(`${trip.path}, after kubectl kustomize: ${(error as Error).message}`);
  }
  tally.probes += probes.length;
  tally.reads += probes.length;
  const report = await validateManifests(output);
  failures.push(
    ...report.problems.map(
      (p) => `${trip.path}, after kubectl kustomize (kubeconform): ${p.kind}/${p.name}: ${p.message}`,
    ),
  );
  return failures;
}

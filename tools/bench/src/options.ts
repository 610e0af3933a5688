import { parseArgs } from 'node:util';
import { scenarioIds, type ScenarioId } from './scenario.js';

/** What `npm run bench -- …` takes. */
export interface BenchOptions {
  readonly only: readonly ScenarioId[];
  readonly runs: number;
  readonly smoke: boolean;
  /** The doc to write (its JSON beside it). */
  readonly out: string;
  /** The ref of the "before" tree, an existing built tree, or none. */
  readonly before: { readonly ref: string } | { readonly dir: string } | undefined;
  readonly sharedCharts?: string;
  readonly liveRequests?: string;
  readonly keepWork: boolean;
}

export const usage = `Usage: npm run bench -- [options]

Runs the benchmarks and writes docs/benchmarks.md (and docs/benchmarks.json beside it).

Options:
  --only IDS            comma-separated scenarios: ${scenarioIds.join(', ')} (default: all)
  --runs N              samples per figure, at least 5 for figures to quote (default 5)
  --smoke               one run on tiny sizes, to check the harness (default out: a temp file)
  --out FILE            the doc to write (default docs/benchmarks.md)
  --before REF          the "before" of the import-time table (default 9f030be), built once
                        into $SUGARKUBE_CACHE/bench/before-<sha>
  --before-dir DIR      an already built tree to use as "before"
  --no-before           no "before" column
  --shared-charts DIR   the packaged charts (app-template, kube-prometheus-stack, longhorn)
                        (default $SUGARKUBE_SHARED_CHARTS, else shared/charts beside the main checkout)
  --live-requests FILE  scheduler figures from the live-cluster harness for (f)
  --keep-work           keep the scratch directory`;

/**
 * Parses the arguments; every problem at once.
 * @throws Error listing each problem and the usage
 */
export function parseOptions(
  argv: readonly string[],
  defaults: { out: string; smokeOut: string; beforeRef: string },
): BenchOptions {
  const { values } = parseArgs({
    args: [...argv],
    options: {
      only: { type: 'string' },
      runs: { type: 'string' },
      smoke: { type: 'boolean', default: false },
      out: { type: 'string' },
      before: { type: 'string' },
      'before-dir': { type: 'string' },
      'no-before': { type: 'boolean', default: false },
      'shared-charts': { type: 'string' },
      'live-requests': { type: 'string' },
      'keep-work': { type: 'boolean', default: false },
      help: { type: 'boolean', default: false },
    },
    strict: true,
  });
  if (values.help) throw new Error(usage);
  const problems: string[] = [];
  const only = values.only === undefined ? [...scenarioIds] : values.only.split(',').map((s) => s.trim());
  for (const id of only) {
    if (!(scenarioIds as readonly string[]).includes(id))
      problems.push(`--only: expected scenario ids among ${scenarioIds.join(', ')}, received "${id}"`);
  }
  const runs = values.runs === undefined ? (values.smoke ? 1 : 5) : Number(values.runs);
  if (!Number.isInteger(runs) || runs < 1)
    problems.push(
      `--runs: expected a whole number of runs, at least 1 (5 for figures to quote), received "${values.runs}"`,
    );
  const beforeChoices = [values.before !== undefined, values['before-dir'] !== undefined, values['no-before']].filter(
    Boolean,
  ).length;
  if (beforeChoices > 1) problems.push('--before, --before-dir and --no-before: expected at most one of them');
  if (problems.length > 0) throw new Error(`${problems.join('\n')}\n\n${usage}`);
  return {
    only: only as ScenarioId[],
    runs,
    smoke: values.smoke,
    out: values.out ?? (values.smoke ? defaults.smokeOut : defaults.out),
    before: values['no-before']
      ? undefined
      : values['before-dir'] !== undefined
        ? { dir: values['before-dir'] }
        : { ref: values.before ?? defaults.beforeRef },
    ...(values['shared-charts'] !== undefined ? { sharedCharts: values['shared-charts'] } : {}),
    ...(values['live-requests'] !== undefined ? { liveRequests: values['live-requests'] } : {}),
    keepWork: values['keep-work'],
  };
}

/** The arguments that reproduce a scenario with the same settings, for the doc. */
export function reproduceArgs(options: BenchOptions, scenarioArgs: string): string {
  const extra = [
    options.runs !== 5 && !options.smoke ? `--runs ${options.runs}` : '',
    options.smoke ? '--smoke' : '',
  ].filter(Boolean);
  return `npm run bench -- ${[scenarioArgs, ...extra].join(' ')}`;
}

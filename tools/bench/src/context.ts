/** What every scenario gets: where things are, how many runs, and a log line writer. */
export interface BenchContext {
  /** The monorepo root (the tree measured as "after"). */
  readonly repoRoot: string;
  /** Samples per measured variant (at least 5 for reported figures; 1 in the smoke test). */
  readonly runs: number;
  /** Tiny sizes and one run: the smoke test's setting, so the harness cannot rot. */
  readonly smoke: boolean;
  /** A scratch directory of this run, removed at the end. */
  readonly workDir: string;
  /** The "before" tree (import times), when there is one. */
  readonly beforeTree?: string;
  /** The ref the "before" tree was built from, as given (e.g. `9f030be`). */
  readonly beforeLabel?: string;
  /** The packaged upstream charts (`app-template`, `kube-prometheus-stack`, `longhorn`), when found. */
  readonly sharedCharts?: string;
  /** Scheduler figures from the live-cluster harness for scenario (f), when given. */
  readonly liveRequestsFile?: string;
  /** The `npm run bench -- …` arguments that reproduce a scenario, e.g. `--only a`. */
  readonly reproduce: (scenarioArgs: string) => string;
  /** Progress on stderr. */
  readonly log: (message: string) => void;
}

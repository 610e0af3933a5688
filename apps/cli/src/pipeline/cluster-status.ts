import type { Problem } from '../cli-error.js';
import { exitCodes, type ExitCode } from '../exit-codes.js';
import type { EnvironmentStatus, StatusReport } from '../reports/status-report.js';

/**
 * The report of every environment and what the CLI exits with: 6 when an API server could not be
 * read (its host and cause are a problem), else 1 when anything is not ready (one problem per
 * thing), else 0. An unreadable environment does not hide the others: they are reported too.
 */
export function clusterStatus(environments: readonly EnvironmentStatus[]): {
  readonly exitCode: ExitCode;
  readonly report: StatusReport;
  readonly problems: readonly Problem[];
  readonly warnings: readonly Problem[];
} {
  const unreachable = environments.filter((e) => e.error !== undefined);
  const problems = environments.flatMap((e) =>
    e.error !== undefined
      ? [{ message: `${e.name}: ${e.error}` }]
      : e.notReady.map((line) => ({ message: `${e.name}: ${line}` })),
  );
  const warnings = environments.flatMap((e) =>
    e.notServed.length > 0
      ? [{ message: `${e.name}: ${e.server} does not serve ${e.notServed.join(', ')}: those are not listed` }]
      : [],
  );
  const exitCode = unreachable.length > 0 ? exitCodes.network : problems.length > 0 ? exitCodes.changes : exitCodes.ok;
  return {
    exitCode,
    report: { environments: [...environments], ready: exitCode === exitCodes.ok },
    problems,
    warnings,
  };
}

import { loadAppYaml } from '@sugarkube/manifests';
import type { Issue } from '@sugarkube/core';
import { inputError, type Problem } from '../cli-error.js';
import { readInputFile } from '../io/read-input-file.js';
import { shownPath } from '../io/load-cluster.js';
import { withoutImpliedIssues } from '../issues/without-implied-issues.js';

/** An issue whose message starts `file:line:col: ` as a problem with its location. */
export function locatedProblem(file: string, issue: Issue): Problem {
  const at = /^[^\n]*?:(\d+):(\d+): /.exec(issue.message);
  return { message: issue.message, file, ...(at ? { line: Number(at[1]), column: Number(at[2]) } : {}) };
}

/** An app descriptor validated: its services, and the warnings. Bad input throws (exit 2), every error with its line. */
export async function validateAppFile(cwd: string, file: string): Promise<{ services: number; warnings: Problem[] }> {
  const text = await readInputFile(cwd, file, 'the app descriptor');
  const result = loadAppYaml(text, shownPath(cwd, file));
  const warnings = result.warnings.map((w) => locatedProblem(file, w));
  if (!result.value) throw inputError(withoutImpliedIssues(result.errors).map((e) => locatedProblem(file, e)));
  return { services: result.value.descriptor.services.length, warnings };
}

import type { Problem } from '../cli-error.js';

// Workflow-command escaping: data escapes %, CR and LF; property values also : and ,.
const data = (text: string) => text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
const property = (text: string) => data(text).replace(/:/g, '%3A').replace(/,/g, '%2C');

/**
 * A problem as a GitHub Actions annotation (`::error file=…,line=…::message`), so it shows on the
 * pull request's changed lines. The file is given relative to the workspace when it is inside it.
 * @see https://docs.github.com/en/actions/reference/workflows-and-actions/workflow-commands#setting-an-error-message
 */
export function annotation(level: 'error' | 'warning', problem: Problem, workspace?: string): string {
  const props: string[] = [];
  if (problem.file) {
    const file =
      workspace && problem.file.startsWith(`${workspace}/`) ? problem.file.slice(workspace.length + 1) : problem.file;
    props.push(`file=${property(file)}`);
    if (problem.line !== undefined) props.push(`line=${problem.line}`);
    if (problem.column !== undefined) props.push(`col=${problem.column}`);
  }
  return `::${level}${props.length ? ` ${props.join(',')}` : ''}::${data(problem.message)}\n`;
}

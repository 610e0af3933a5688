import type { Issue } from '@sugarkube/core';

const parentOf = (path: string) => path.replace(/(?:^|\.)[^.[\]]+$|\[[^\]]+\]$/, '');
const join = (parent: string, key: string) =>
  parent === '' ? key : /^[A-Za-z_$][\w$-]*$/.test(key) ? `${parent}.${key}` : `${parent}[${JSON.stringify(key)}]`;

/**
 * One typo, one line: a misspelled required key gives an "unknown key "imgae" (did you mean
 * "image"?)" issue and an "image: expected …, received nothing" issue. The second says nothing the
 * first does not, so it is dropped; every other issue stays.
 */
export function withoutImpliedIssues(issues: readonly Issue[]): Issue[] {
  const implied = new Set<string>();
  for (const issue of issues) {
    const guess = /unknown key "[^"]+" \(did you mean "([^"]+)"\?\)/.exec(issue.message);
    if (guess) implied.add(join(parentOf(issue.path), guess[1]!));
  }
  return issues.filter((issue) => !(issue.received === 'nothing' && implied.has(issue.path)));
}

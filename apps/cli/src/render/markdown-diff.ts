import type { ObjectChange } from './object-changes.js';

/** A file for the markdown report: its change, its objects, its unified diff. */
export interface MarkdownFile {
  readonly path: string;
  readonly change: 'added' | 'modified' | 'removed';
  readonly environment: string | undefined;
  readonly objects: readonly ObjectChange[];
  readonly diff: string;
}

/** GitHub refuses comments and pull-request bodies over 65,536 characters; diffs are cut before that. */
const MAX_DIFF = 12_000;

/** A code fence longer than any run of backticks in the text. */
function fence(text: string): string {
  const longest = Math.max(2, ...[...text.matchAll(/`+/g)].map((m) => m[0].length));
  return '`'.repeat(longest + 1);
}

const cell = (text: string) => text.replace(/\|/g, '\\|');

/**
 * The diff as a pull-request comment: a heading with the counts, then per environment a table of
 * the objects added, changed and removed (kind, name, file), then each file's unified diff folded
 * in `<details>`. Deterministic: environments and files in name order, files outside any
 * environment last.
 */
export function renderMarkdownDiff(title: string, files: readonly MarkdownFile[]): string {
  if (files.length === 0) return `### ${title}\n\nNo changes.\n`;
  const count = (change: string) => files.filter((f) => f.change === change).length;
  const lines = [
    `### ${title}`,
    '',
    `${files.length} file(s): ${count('added')} added, ${count('modified')} changed, ${count('removed')} removed.`,
    '',
  ];
  const groups = new Map<string, MarkdownFile[]>();
  for (const file of files) {
    const key = file.environment ?? '';
    groups.set(key, [...(groups.get(key) ?? []), file]);
  }
  const order = [...groups.keys()].sort((a, b) => (a === '' ? 1 : b === '' ? -1 : a.localeCompare(b)));
  for (const env of order) {
    const group = groups.get(env)!;
    lines.push(`#### ${env === '' ? 'Other files' : `Environment \`${env}\``}`, '');
    const rows = group.flatMap((f) =>
      f.objects.length > 0
        ? f.objects.map((o) => [o.change, o.kind, o.name, f.path])
        : [[f.change === 'modified' ? 'changed' : f.change, '', '', f.path]],
    );
    lines.push(
      '| change | kind | name | file |',
      '| --- | --- | --- | --- |',
      ...rows.map((r) => `| ${r.map((c, i) => (i === 3 ? `\`${cell(c)}\`` : cell(c))).join(' | ')} |`),
      '',
    );
    for (const file of group) {
      const diff =
        file.diff.length > MAX_DIFF
          ? `${file.diff.slice(0, MAX_DIFF)}\n… (${file.diff.length - MAX_DIFF} more characters: run sugarkube diff locally)\n`
          : file.diff;
      const f = fence(diff);
      lines.push(
        `<details><summary><code>${file.path}</code> (${file.change})</summary>`,
        '',
        `${f}diff`,
        diff.replace(/\n$/, ''),
        f,
        '',
        '</details>',
        '',
      );
    }
  }
  return `${lines.join('\n').replace(/\n+$/, '')}\n`;
}

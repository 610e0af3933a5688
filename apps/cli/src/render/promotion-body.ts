import type { PromotionPlan } from '../pipeline/promote-plan.js';
import { environmentOfPath } from './environment-of-path.js';
import { renderMarkdownDiff } from './markdown-diff.js';
import { objectChanges } from './object-changes.js';

/**
 * The pull request's body (markdown: what is pinned, then the rendered diff as
 * `sugarkube diff --format markdown` prints it) or the commit message's (text).
 */
export function renderPromotionBody(
  plan: Pick<PromotionPlan, 'app' | 'from' | 'to' | 'images' | 'files' | 'synthesized'>,
  format: 'markdown' | 'text',
): string {
  if (format === 'text') {
    return plan.images
      .map(
        (i) =>
          `${i.service}: ${i.image}:${i.tag}@${i.digest} (${plan.from} runs it; platforms ${i.platforms.join(', ')})`,
      )
      .join('\n');
  }
  const environments = plan.synthesized.cluster.environments.map((e) => e.name);
  const table = [
    `Promotes **${plan.app}** to \`${plan.to}\`: the images \`${plan.from}\` runs now, pinned by tag and digest.`,
    '',
    `| service | image | ${plan.to} before | ${plan.to} after | digest | platforms |`,
    '| --- | --- | --- | --- | --- | --- |',
    ...plan.images.map(
      (i) =>
        `| ${i.service} | \`${i.image}\` | ${i.previous ? `\`${i.previous.tag}\`` : '–'} | \`${i.tag}\` | \`${i.digest}\` | ${i.platforms.join(', ')} |`,
    ),
    '',
  ].join('\n');
  const diff = renderMarkdownDiff(
    'Rendered diff',
    plan.files.map((f) => ({
      path: f.path,
      change: f.change,
      environment: environmentOfPath(f.path, environments),
      objects: objectChanges(f.before, f.after),
      diff: f.diff,
    })),
  );
  return `${table}\n${diff}\n<sub>Opened by \`sugarkube promote ${plan.app} --from ${plan.from} --to ${plan.to}\`.</sub>\n`;
}

import { CliError } from '../cli-error.js';
import type { RunInput } from '../command.js';
import { exitCodes } from '../exit-codes.js';
import { Forge, type OpenedPullRequest } from '../io/forge.js';
import { git } from '../io/git.js';
import { plannedTree } from '../io/planned-tree.js';
import { writeFileAtomic } from '../io/write-file-atomic.js';
import { writeTree } from '../io/write-tree.js';
import { renderPromotionBody } from '../render/promotion-body.js';
import type { PromotionPlan } from './promote-plan.js';
import { treeWriteFailure } from './tree-errors.js';

export interface ForgeTarget {
  readonly apiUrl: string;
  readonly token: string;
  readonly owner: string;
  readonly repo: string;
  /** The pull request's base; the repository's default branch when undefined. */
  readonly base: string | undefined;
  readonly remote: string;
  readonly timeoutMs: number;
}

export interface AppliedPromotion {
  readonly branch: string;
  readonly commit: string;
  readonly base: string;
  readonly pullRequest: OpenedPullRequest;
}

/** `owner/repo` from a remote URL: https://host/owner/repo(.git), git@host:owner/repo(.git), ssh://…/owner/repo. */
export function ownerAndRepo(url: string): { owner: string; repo: string } | undefined {
  const match = /[/:]([^/:]+)\/([^/]+?)(?:\.git)?\/?$/.exec(url.trim());
  return match ? { owner: match[1]!, repo: match[2]! } : undefined;
}

/**
 * Applies a planned promotion in the cluster repo at `root` (a clean work tree): a new branch
 * from HEAD, the pins file and the re-synthesized tree written, one commit, a push, then the
 * pull request whose body shows the rendered diff. The work tree goes back to the branch it was
 * on; the promotion lives on its branch and in the pull request.
 */
export async function applyPromotion(
  input: Pick<RunInput, 'progress'>,
  plan: PromotionPlan,
  root: string,
  branch: string,
  target: ForgeTarget,
): Promise<AppliedPromotion> {
  const forge = new Forge({ apiUrl: target.apiUrl, token: target.token, timeoutMs: target.timeoutMs });
  const base =
    target.base ??
    (await input.progress(`reading the default branch of ${target.owner}/${target.repo}`, () =>
      forge.defaultBranch(target.owner, target.repo),
    ));
  const original = git(root, ['rev-parse', '--abbrev-ref', 'HEAD']).trim();
  if (git(root, ['branch', '--list', branch]).trim() !== '')
    throw new CliError(
      exitCodes.usage,
      `branch ${branch} exists already in ${root} (promoted before?); delete it or pass --branch NAME`,
    );
  git(root, ['switch', '--quiet', '--create', branch]);
  let commit: string;
  try {
    await writeFileAtomic(plan.synthesized.loaded.pinsPath, plan.pinsText);
    await writeTree(plan.out, await plannedTree(plan.out, plan.synthesized.files)).catch(treeWriteFailure);
    git(root, ['add', '--all', '--', plan.synthesized.loaded.pinsPath, plan.out]);
    const tags = plan.images.map((i) => `${i.service} ${i.tag}`).join(', ');
    git(root, [
      'commit',
      '--quiet',
      '-m',
      `Promote ${plan.app} to ${plan.to}: ${tags}`,
      '-m',
      renderPromotionBody(plan, 'text'),
    ]);
    commit = git(root, ['rev-parse', 'HEAD']).trim();
  } finally {
    git(root, ['switch', '--quiet', original]);
  }
  await input.progress(`pushing ${branch} to ${target.remote}`, () =>
    git(root, ['push', '--quiet', target.remote, `${branch}:refs/heads/${branch}`]),
  );
  const pullRequest = await input.progress(`opening the pull request on ${new URL(target.apiUrl).host}`, () =>
    forge.openPullRequest({
      owner: target.owner,
      repo: target.repo,
      title: `Promote ${plan.app} to ${plan.to}: ${plan.images.map((i) => i.tag).join(', ')}`,
      head: branch,
      base,
      body: renderPromotionBody(plan, 'markdown'),
    }),
  );
  return { branch, commit, base, pullRequest };
}

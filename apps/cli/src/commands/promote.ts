import { dirname, resolve } from 'node:path';
import { z } from 'zod';
import { CliError, inputError, UsageError } from '../cli-error.js';
import { defineCommand } from '../command.js';
import { exitCodes } from '../exit-codes.js';
import { git, gitRoot, uncommittedChanges } from '../io/git.js';
import { Registry } from '../io/registry.js';
import { applyPromotion, ownerAndRepo } from '../pipeline/promote-apply.js';
import { planPromotion } from '../pipeline/promote-plan.js';
import { registryFlags, registryFlagsHelp, registryOptionSpecs } from '../reports/registry-flags.js';

const usage = `Usage: sugarkube promote APP --from ENV --to ENV [--dry-run] [--cluster MODULE] [--out DIR]
                         [--remote NAME] [--base BRANCH] [--branch NAME] [--repo OWNER/NAME] [--api-url URL]

Promotes APP by pull request: reads the tag each of its images runs in --from (the
setter-marked tag in the synthesized clusters/<from>/apps/<APP>.yaml, which Flux image
automation moves), resolves each tag's digest in its registry and checks it provides
linux/arm64 (and --platforms), pins --to to tag and digest in the cluster repo's pins file,
synthesizes the tree again, commits both on a new branch, pushes it and opens a pull request
whose body shows what is pinned and the rendered diff (as \`sugarkube diff --format markdown\`).
The working tree goes back to the branch it was on.
With --dry-run, prints the patch and changes nothing (no branch, no push, no pull request).

Refuses, changing nothing: uncommitted changes in the cluster repo (exit 3), a tag that is not
in its registry (4), an image without linux/arm64 (5). A registry or forge that cannot be
reached is 6 (host and cause named); a failed git command 7.

The token is read from GITHUB_TOKEN (or GH_TOKEN), never from the command line; the API from
--api-url, else GITHUB_API_URL, else https://api.github.com (Gitea: https://HOST/api/v1).
With --live, the tags are read from what runs: the images of the Deployments in the app's
namespace on --from's cluster (its kubeContext, or --context), through its API server.

Options:
  --from ENV         the environment whose running tags are promoted (e.g. staging)
  --to ENV           the environment to pin (e.g. prod)
  --dry-run          print the patch; change nothing
  --cluster MODULE   the cluster definition module (as for synth)
  --out DIR          the synthesized tree (as for synth)
  --platforms LIST   platforms each image must provide (default: linux/arm64)
  --remote NAME      the Git remote to push to (default: origin)
  --base BRANCH      the pull request's base (default: the repository's default branch)
  --branch NAME      the new branch (default: promote/APP-TO-TAG)
  --repo OWNER/NAME  the repository on the forge (default: from the remote's URL)
  --api-url URL      the forge's REST API
  --live             read what --from runs from its cluster's API server, not from the tree
  --context NAME     with --live: the kube context of --from (default: its kubeContext)
  --kubeconfig FILE  with --live: the kubeconfig (default: KUBECONFIG, else ~/.kube/config)
${registryFlagsHelp}`;

const image = z
  .object({
    service: z.string(),
    image: z.string(),
    tag: z.string().describe('The tag --from runs, now pinned in --to.'),
    digest: z.string().describe('The manifest digest the tag resolved to.'),
    platforms: z.array(z.string()),
    previous: z
      .object({ tag: z.string(), digest: z.string().optional() })
      .strict()
      .optional()
      .describe('What --to ran before.'),
  })
  .strict();

const report = z
  .object({
    app: z.string(),
    from: z.string(),
    to: z.string(),
    dryRun: z.boolean(),
    images: z.array(image),
    files: z.array(
      z
        .object({
          path: z.string().describe('Relative to the repository root.'),
          change: z.enum(['added', 'modified', 'removed']),
          diff: z.string(),
        })
        .strict(),
    ),
    branch: z.string().optional(),
    commit: z.string().optional(),
    base: z.string().optional(),
    pullRequest: z.object({ number: z.number().int(), url: z.string() }).strict().optional(),
  })
  .strict();

export const promoteCommand = defineCommand({
  usage,
  positionals: true,
  options: {
    from: { type: 'string' },
    to: { type: 'string' },
    'dry-run': { type: 'boolean' },
    cluster: { type: 'string', values: 'file' },
    out: { type: 'string', values: 'dir' },
    platforms: { type: 'string' },
    remote: { type: 'string' },
    base: { type: 'string' },
    branch: { type: 'string' },
    repo: { type: 'string' },
    'api-url': { type: 'string' },
    live: { type: 'boolean' },
    context: { type: 'string' },
    kubeconfig: { type: 'string', values: 'file' },
    ...registryOptionSpecs,
  },
  exitCodes: [
    exitCodes.ok,
    exitCodes.usage,
    exitCodes.dirty,
    exitCodes.notFound,
    exitCodes.platform,
    exitCodes.network,
    exitCodes.io,
    exitCodes.internal,
  ],
  report,
  async run({ args, context, env, progress }) {
    const [app, ...extra] = args.positionals;
    const v = args.values as Record<string, string | boolean | undefined>;
    if (!app) throw new UsageError('missing APP, e.g. sugarkube promote shop --from staging --to prod');
    if (extra.length > 0) throw new UsageError(`unexpected arguments: ${extra.join(' ')}`);
    const missing = (['from', 'to'] as const).filter((k) => !v[k]).map((k) => `--${k}`);
    if (missing.length > 0) throw new UsageError(`${missing.join(' and ')}: required (e.g. --from staging --to prod)`);
    if (v.out === '') throw new UsageError('--out: expected a directory, received ""');
    if (!v.live && (v.context !== undefined || v.kubeconfig !== undefined))
      throw new UsageError('--context and --kubeconfig: only with --live');
    const dryRun = v['dry-run'] === true;
    const token = env.GITHUB_TOKEN ?? env.GH_TOKEN;
    if (!dryRun && !token)
      throw new UsageError(
        'GITHUB_TOKEN (or GH_TOKEN): expected a token that may push and open pull requests, received nothing (--dry-run needs none)',
      );
    const platforms = ((v.platforms as string | undefined) ?? 'linux/arm64').split(',').map((p) => p.trim());
    const flags = registryFlags(args);
    let root: string | undefined;
    const plan = await planPromotion(
      { context, progress },
      {
        app,
        from: v.from as string,
        to: v.to as string,
        cluster: v.cluster as string | undefined,
        out: v.out === undefined ? undefined : resolve(context.cwd, v.out as string),
        platforms,
        ...(v.live
          ? {
              live: {
                kubeconfig: v.kubeconfig === undefined ? undefined : resolve(context.cwd, v.kubeconfig as string),
                context: v.context as string | undefined,
                timeoutMs: (flags.timeout ?? 30) * 1000,
              },
            }
          : {}),
        root: (synth) => {
          root = gitRoot(synth.loaded.root ?? dirname(synth.loaded.source));
          if (!root && !dryRun)
            throw inputError(
              `${synth.loaded.root ?? dirname(synth.loaded.source)} is not in a Git repository: promote commits to the cluster repo`,
            );
          // A dirty tree would mix the user's changes into the promotion: refuse before anything is written.
          const dirty = root && !dryRun ? uncommittedChanges(root) : [];
          if (dirty.length > 0)
            throw new CliError(
              exitCodes.dirty,
              `${root} has uncommitted changes (${dirty
                .slice(0, 3)
                .map((l) => l.slice(3))
                .join(', ')}${dirty.length > 3 ? ', …' : ''}); commit or stash them, then promote`,
            );
          return root ?? synth.loaded.root ?? dirname(synth.loaded.source);
        },
      },
      new Registry(flags, { env, progress }),
    );
    const base = {
      app: plan.app,
      from: plan.from,
      to: plan.to,
      dryRun,
      images: plan.images.map((i) => ({
        ...i,
        platforms: [...i.platforms],
        ...(i.previous ? { previous: { ...i.previous } } : {}),
      })),
      files: plan.files.map((f) => ({ path: f.path, change: f.change, diff: f.diff })),
    };
    if (plan.files.length === 0)
      return {
        exitCode: exitCodes.ok,
        report: base,
        warnings: [
          { message: `${plan.to} already runs what ${plan.from} runs (same tags and digests): nothing to promote` },
        ],
      };
    if (dryRun) return { exitCode: exitCodes.ok, report: base };
    const remote = (v.remote as string | undefined) ?? 'origin';
    const repoFlag = v.repo as string | undefined;
    const target = repoFlag ? /^([^/\s]+)\/([^/\s]+)$/.exec(repoFlag) : undefined;
    if (repoFlag && !target) throw new UsageError(`--repo: expected OWNER/NAME, received "${repoFlag}"`);
    const remoteUrl = target ? undefined : git(root!, ['remote', 'get-url', remote]).trim();
    const slug = target ? { owner: target[1]!, repo: target[2]! } : ownerAndRepo(remoteUrl!);
    if (!slug) throw new UsageError(`--repo: the remote ${remote} (${remoteUrl}) names no OWNER/NAME; pass --repo`);
    const branch = (v.branch as string | undefined) ?? `promote/${plan.app}-${plan.to}-${plan.images[0]!.tag}`;
    const applied = await applyPromotion({ progress }, plan, root!, branch, {
      apiUrl: (v['api-url'] as string | undefined) ?? env.GITHUB_API_URL ?? 'https://api.github.com',
      token: token!,
      ...slug,
      base: v.base as string | undefined,
      remote,
      timeoutMs: (flags.timeout ?? 30) * 1000,
    });
    return {
      exitCode: exitCodes.ok,
      report: {
        ...base,
        branch: applied.branch,
        commit: applied.commit,
        base: applied.base,
        pullRequest: applied.pullRequest,
      },
    };
  },
  print(r, { out, err, style }) {
    for (const i of r.images)
      out(
        `${i.service}: ${i.image}:${style('bold', i.tag)}@${i.digest} (${i.platforms.join(', ')})${i.previous ? `, ${r.to} ran ${i.previous.tag}` : ''}\n`,
      );
    if (r.dryRun || !r.pullRequest) {
      for (const f of r.files) out(f.diff);
      if (r.dryRun) err(`dry run: ${r.files.length} file(s) would change; nothing was written, committed or pushed\n`);
      return;
    }
    out(
      `committed ${r.commit} on ${r.branch}, pushed, and opened pull request #${r.pullRequest.number} into ${r.base}: ${r.pullRequest.url}\n`,
    );
  },
});

import { Octokit } from '@octokit/rest';
import { CliError } from '../cli-error.js';
import { exitCodes } from '../exit-codes.js';

/** Where the pull request goes: a GitHub-shaped REST API (GitHub, GitHub Enterprise, Gitea's /api/v1). */
export interface ForgeOptions {
  /** e.g. https://api.github.com, http://127.0.0.1:3000/api/v1 */
  readonly apiUrl: string;
  readonly token: string;
  readonly timeoutMs: number;
}

export interface OpenedPullRequest {
  readonly number: number;
  readonly url: string;
}

function forgeFailure(apiUrl: string, what: string, error: unknown): never {
  const status = (error as { status?: number }).status;
  const cause = (error as { cause?: { code?: string; message?: string } }).cause;
  const host = (() => {
    try {
      return new URL(apiUrl).host;
    } catch {
      return apiUrl;
    }
  })();
  const detail = status
    ? `HTTP ${status}: ${(error as Error).message.split('\n')[0]}`
    : `${cause?.code ?? (error as Error).name}: ${cause?.message ?? (error as Error).message}`;
  throw new CliError(exitCodes.network, `${what} on ${host}: ${detail}`);
}

/** The forge's REST API, each request under a time limit. */
export class Forge {
  private readonly octokit: Octokit;
  constructor(private readonly options: ForgeOptions) {
    this.octokit = new Octokit({
      auth: options.token,
      baseUrl: options.apiUrl.replace(/\/+$/, ''),
      userAgent: 'sugarkube-cli',
      request: {
        fetch: (url: string, init: RequestInit) =>
          fetch(url, { ...init, signal: AbortSignal.timeout(options.timeoutMs) }),
      },
    });
  }

  /** The repository's default branch (the pull request's base when none is given). */
  async defaultBranch(owner: string, repo: string): Promise<string> {
    try {
      return (await this.octokit.rest.repos.get({ owner, repo })).data.default_branch;
    } catch (error) {
      return forgeFailure(this.options.apiUrl, `reading the repository ${owner}/${repo}`, error);
    }
  }

  /** Opens a pull request from `head` into `base`. */
  async openPullRequest(input: {
    owner: string;
    repo: string;
    title: string;
    head: string;
    base: string;
    body: string;
  }): Promise<OpenedPullRequest> {
    try {
      const { data } = await this.octokit.rest.pulls.create(input);
      return { number: data.number, url: data.html_url };
    } catch (error) {
      return forgeFailure(
        this.options.apiUrl,
        `opening the pull request ${input.head} → ${input.base} in ${input.owner}/${input.repo}`,
        error,
      );
    }
  }
}

import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { dirname, join, normalize } from 'node:path';
import { run } from './run.js';

/** A file to commit: `path` is relative to the repository root. */
export interface RepoFile {
  readonly path: string;
  readonly content: string;
}

export interface GitServerOptions {
  /** Require HTTP basic auth with these credentials (what a Flux GitRepository `secretRef` holds). */
  readonly credentials?: { readonly username: string; readonly password: string };
}

/** How `commit` writes its commit. */
export interface CommitOptions {
  /** @default 'main' */
  readonly branch?: string;
  /**
   * Author and committer date, seconds since the epoch: the same files, parent and date give the
   * same SHA on every run. @default now
   */
  readonly date?: number;
}

/** One commit of a branch, newest first in `log`. */
export interface CommitInfo {
  readonly sha: string;
  readonly author: string;
  readonly subject: string;
  /** The whole message. */
  readonly message: string;
}

export interface GitServer {
  /**
   * `http://127.0.0.1:PORT`; a repository `name` is at `${url}/${name}.git`, and also without
   * `.git` (git http-backend tries both), so `owner/repo` mirrors a GitHub URL's path.
   */
  readonly url: string;
  /**
   * Creates an empty bare repository (default branch `main`) that accepts pushes over HTTP.
   * `name` is `repo` or `owner/repo`.
   */
  createRepo(name: string): Promise<string>;
  /**
   * Replaces the whole tree of the branch with `files` in one commit and returns its SHA. An
   * empty repository gets its first commit.
   */
  commit(name: string, files: readonly RepoFile[], message: string, options?: CommitOptions): Promise<string>;
  /** The SHA `branch` points at. */
  head(name: string, branch?: string): Promise<string>;
  /** A file's content at `ref` (a branch or a SHA). */
  show(name: string, path: string, ref?: string): Promise<string>;
  /** Every file of the tree at `ref` (a branch or a SHA). */
  files(name: string, ref?: string): Promise<RepoFile[]>;
  /** The commits of `branch`, newest first. */
  log(name: string, branch?: string): Promise<CommitInfo[]>;
  stop(): Promise<void>;
}

/** git run without the user's or the system's configuration. */
const gitEnv = (): NodeJS.ProcessEnv => ({
  PATH: process.env.PATH,
  HOME: process.env.HOME,
  GIT_CONFIG_NOSYSTEM: '1',
  GIT_CONFIG_GLOBAL: '/dev/null',
  GIT_AUTHOR_NAME: 'sugarkube live',
  GIT_AUTHOR_EMAIL: 'live@sugarkube.invalid',
  GIT_COMMITTER_NAME: 'sugarkube live',
  GIT_COMMITTER_EMAIL: 'live@sugarkube.invalid',
});

const git = (args: readonly string[], cwd?: string) => run('git', args, { cwd, env: gitEnv() });

/**
 * Serves the bare repositories under `<dir>/git` over smart HTTP on a free loopback port:
 * git's own `git http-backend` CGI behind a small Node HTTP server in this process, so clones,
 * fetches and pushes (image-automation-controller's) speak the real protocol.
 */
export async function startGitServer(dir: string, options: GitServerOptions = {}): Promise<GitServer> {
  const root = join(dir, 'git');
  mkdirSync(root, { recursive: true });
  const server = createServer((req, res) => serveGit(root, options, req, res));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const repoPath = (name: string) => {
    if (!/^[a-z0-9][a-z0-9._-]*(\/[a-z0-9][a-z0-9._-]*)?$/.test(name) || name.includes('..'))
      throw new Error(
        `git server: repository names are [a-z0-9._-], optionally owner/repo, received ${JSON.stringify(name)}`,
      );
    return join(root, `${name}.git`);
  };
  const gitIn = (name: string, args: readonly string[]) => git(args, repoPath(name));
  return {
    url,
    createRepo: async (name) => {
      const path = repoPath(name);
      mkdirSync(dirname(path), { recursive: true });
      await git(['init', '--quiet', '--bare', '--initial-branch=main', path]);
      await git(['config', 'http.receivepack', 'true'], path);
      return `${url}/${name}.git`;
    },
    commit: async (name, files, message, options = {}) => {
      const branch = options.branch ?? 'main';
      const dated =
        options.date === undefined
          ? gitEnv()
          : { ...gitEnv(), GIT_AUTHOR_DATE: `@${options.date} +0000`, GIT_COMMITTER_DATE: `@${options.date} +0000` };
      const work = mkdtempSync(join(dir, 'git-work-'));
      try {
        await git(['init', '--quiet', `--initial-branch=${branch}`], work);
        const current = await run('git', ['rev-parse', '--verify', '--quiet', `refs/heads/${branch}`], {
          cwd: repoPath(name),
          env: gitEnv(),
          allowFailure: true,
        });
        const parent = current.code === 0 ? current.stdout.trim() : undefined;
        if (parent) await git(['fetch', '--quiet', repoPath(name), parent], work);
        for (const file of files) {
          const rel = normalize(file.path);
          if (rel.startsWith('..') || rel.startsWith('/'))
            throw new Error(
              `git server: ${name}: file path must stay inside the repository, received ${JSON.stringify(file.path)}`,
            );
          mkdirSync(dirname(join(work, rel)), { recursive: true });
          writeFileSync(join(work, rel), file.content);
        }
        await git(['add', '--all'], work);
        // The index holds only the new files: the commit's tree replaces the branch's tree.
        const tree = (await git(['write-tree'], work)).stdout.trim();
        const sha = (
          await run('git', ['commit-tree', tree, ...(parent ? ['-p', parent] : []), '-m', message], {
            cwd: work,
            env: dated,
          })
        ).stdout.trim();
        await git(['push', '--quiet', repoPath(name), `${sha}:refs/heads/${branch}`], work);
        return sha;
      } finally {
        rmSync(work, { recursive: true, force: true });
      }
    },
    head: async (name, branch = 'main') => (await gitIn(name, ['rev-parse', `refs/heads/${branch}`])).stdout.trim(),
    show: async (name, path, ref = 'main') => (await gitIn(name, ['show', `${ref}:${path}`])).stdout,
    files: async (name, ref = 'main') => {
      const listed = (await gitIn(name, ['ls-tree', '-r', '-z', '--name-only', ref])).stdout
        .split('\0')
        .filter(Boolean);
      return Promise.all(
        listed.map(async (path) => ({ path, content: (await gitIn(name, ['show', `${ref}:${path}`])).stdout })),
      );
    },
    log: async (name, branch = 'main') => {
      // NUL between fields and commits: a message may hold anything else.
      const out = (await gitIn(name, ['log', '-z', '--format=%H%x00%an <%ae>%x00%B', `refs/heads/${branch}`])).stdout;
      const fields = out.split('\0');
      const commits: CommitInfo[] = [];
      for (let i = 0; i + 2 < fields.length; i += 3) {
        const message = fields[i + 2]!.replace(/\n+$/, '\n');
        commits.push({
          sha: fields[i]!.replace(/^\n/, ''),
          author: fields[i + 1]!,
          subject: message.split('\n')[0]!,
          message,
        });
      }
      return commits;
    },
    stop: () => closeServer(server),
  };
}

function closeServer(server: Server): Promise<void> {
  return new Promise((resolve) => {
    server.close(() => resolve());
    server.closeAllConnections();
  });
}

/** One request through `git http-backend` (CGI: request line and headers in the environment, body on stdin). */
function serveGit(root: string, options: GitServerOptions, req: IncomingMessage, res: ServerResponse): void {
  const { credentials } = options;
  if (credentials) {
    const expected = `Basic ${Buffer.from(`${credentials.username}:${credentials.password}`).toString('base64')}`;
    if (req.headers.authorization !== expected) {
      res.writeHead(401, { 'www-authenticate': 'Basic realm="sugarkube-live"' }).end();
      return;
    }
  }
  const url = new URL(req.url ?? '/', 'http://localhost');
  const header = (name: string) => {
    const value = req.headers[name];
    return Array.isArray(value) ? value.join(', ') : (value ?? '');
  };
  const cgi = spawn('git', ['http-backend'], {
    env: {
      ...gitEnv(),
      GIT_PROJECT_ROOT: root,
      GIT_HTTP_EXPORT_ALL: '1',
      PATH_INFO: decodeURIComponent(url.pathname),
      QUERY_STRING: url.search.slice(1),
      REQUEST_METHOD: req.method ?? 'GET',
      CONTENT_TYPE: header('content-type'),
      ...(req.headers['content-length'] ? { CONTENT_LENGTH: header('content-length') } : {}),
      HTTP_CONTENT_ENCODING: header('content-encoding'),
      GIT_PROTOCOL: header('git-protocol'),
      REMOTE_USER: credentials?.username ?? 'anonymous',
      REMOTE_ADDR: req.socket.remoteAddress ?? '127.0.0.1',
    },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  req.pipe(cgi.stdin);
  cgi.stdin.on('error', () => undefined);
  let stderr = '';
  cgi.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  let head = Buffer.alloc(0);
  let headersSent = false;
  cgi.stdout.on('data', (chunk: Buffer) => {
    if (headersSent) {
      res.write(chunk);
      return;
    }
    head = Buffer.concat([head, chunk]);
    const end = head.indexOf('\r\n\r\n');
    if (end < 0) return;
    let status = 200;
    const headers: Record<string, string> = {};
    for (const line of head.subarray(0, end).toString('latin1').split('\r\n')) {
      const colon = line.indexOf(':');
      const key = line.slice(0, colon).trim();
      const value = line.slice(colon + 1).trim();
      if (key.toLowerCase() === 'status') status = Number.parseInt(value, 10);
      else headers[key] = value;
    }
    res.writeHead(status, headers);
    headersSent = true;
    res.write(head.subarray(end + 4));
  });
  cgi.on('close', (code) => {
    if (!headersSent)
      res.writeHead(502, { 'content-type': 'text/plain' }).end(`git http-backend exited ${code}: ${stderr}`);
    else res.end();
  });
}

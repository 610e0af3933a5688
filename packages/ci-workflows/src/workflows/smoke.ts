import { actionPins } from '../pins/action-pins.js';
import { loginGhcrStep } from './common-steps.js';
import type { Workflow, WorkflowInput } from './workflow-model.js';

/** Options of the smoke workflow. */
export interface SmokeOptions {
  /**
   * The port the container listens on.
   * @default 8080
   */
  readonly port?: number;
  /**
   * Paths that must answer 2xx, in order (e.g. the readiness path).
   * @default ['/']
   */
  readonly healthPaths?: readonly string[];
  /**
   * Run the container as the cluster does: read-only root filesystem, all
   * capabilities dropped, no privilege escalation, a tmpfs for each writable path.
   * @default true
   */
  readonly restricted?: boolean;
  /**
   * Writable paths (tmpfs) when `restricted`.
   * @default ['/tmp']
   */
  readonly writablePaths?: readonly string[];
  /**
   * Seconds to wait for the first health path to answer.
   * @default 60
   */
  readonly startupSeconds?: number;
  /**
   * Playwright version for the preview smoke (npm `playwright`).
   * @default '1.65.1'
   * @see https://playwright.dev/docs/release-notes
   */
  readonly playwrightVersion?: string;
}

export interface ResolvedSmokeOptions {
  readonly port: number;
  readonly healthPaths: readonly string[];
  readonly restricted: boolean;
  readonly writablePaths: readonly string[];
  readonly startupSeconds: number;
  readonly playwrightVersion: string;
}

/** Resolves defaults and validates; throws one error listing every problem with its path. */
export function resolveSmokeOptions(options: SmokeOptions = {}): ResolvedSmokeOptions {
  const errors: string[] = [];
  const port = options.port ?? 8080;
  if (!Number.isInteger(port) || port < 1 || port > 65535) errors.push(`port: expected an integer 1-65535, received ${JSON.stringify(port)}`);
  const healthPaths = options.healthPaths ?? ['/'];
  if (healthPaths.length === 0) errors.push('healthPaths: expected at least one path like "/healthz", received []');
  healthPaths.forEach((p, i) => {
    if (!/^\/[A-Za-z0-9._~!&'()*+,;=:@/%-]*(\?[A-Za-z0-9._~!&'()*+,;=:@/%?-]*)?$/.test(p) || /['"\s$`\\]/.test(p)) {
      errors.push(`healthPaths[${i}]: expected a URL path starting with "/" without quotes or spaces, received ${JSON.stringify(p)}`);
    }
  });
  const writablePaths = options.writablePaths ?? ['/tmp'];
  writablePaths.forEach((p, i) => {
    if (!/^\/[A-Za-z0-9._/-]*$/.test(p)) errors.push(`writablePaths[${i}]: expected an absolute path like "/tmp", received ${JSON.stringify(p)}`);
  });
  const startupSeconds = options.startupSeconds ?? 60;
  if (!Number.isInteger(startupSeconds) || startupSeconds < 1 || startupSeconds > 600) errors.push(`startupSeconds: expected an integer 1-600, received ${JSON.stringify(startupSeconds)}`);
  const playwrightVersion = options.playwrightVersion ?? '1.65.1';
  if (!/^\d+\.\d+\.\d+$/.test(playwrightVersion)) errors.push(`playwrightVersion: expected an exact version like "1.65.1", received ${JSON.stringify(playwrightVersion)}`);
  if (errors.length > 0) throw new Error(`invalid smoke options:\n  ${errors.join('\n  ')}`);
  return { port, healthPaths, restricted: options.restricted ?? true, writablePaths, startupSeconds, playwrightVersion };
}

const inputs: Record<string, WorkflowInput> = {
  image: { description: 'The image to test, by digest (ghcr.io/owner/app@sha256:…) or tag.', type: 'string', required: true },
  'preview-url': { description: 'A deployed preview to test in a browser (Playwright); empty to skip.', type: 'string', required: false, default: '' },
};

/** The loopback port the container is published on. */
const hostPort = 18080;

/** Polls each health path (curl) until it answers 2xx, the deadline passes or the container stops. */
export const healthProbeScript = [
  'deadline=$((SECONDS + STARTUP_SECONDS))',
  'for path in $HEALTH_PATHS; do',
  '  until curl --fail --silent --show-error --max-time 5 --output /dev/null "http://127.0.0.1:$HOST_PORT$path"; do',
  '    if [ "$SECONDS" -ge "$deadline" ] || [ "$(docker inspect --format \'{{.State.Running}}\' app)" != true ]; then',
  '      echo "::error::$path did not answer 2xx"',
  '      exit 1',
  '    fi',
  '    sleep 2',
  '  done',
  '  echo "ok: $path"',
  'done',
].join('\n');

const previewScript = [
  'npm install --no-save --no-audit --no-fund "playwright@$PLAYWRIGHT_VERSION"',
  'npx playwright install --with-deps chromium',
  "node --input-type=module <<'EOF'",
  "import { chromium } from 'playwright';",
  "const base = process.env.PREVIEW_URL.replace(/\\/+$/, '');",
  'const browser = await chromium.launch();',
  'const page = await browser.newPage();',
  'const errors = [];',
  "page.on('pageerror', (error) => errors.push(String(error)));",
  "const response = await page.goto(`${base}/`, { waitUntil: 'load' });",
  'if (!response || response.status() >= 400) throw new Error(`GET ${base}/ answered ${response?.status()}`);',
  "for (const path of process.env.HEALTH_PATHS.split(' ')) {",
  '  const answer = await page.request.get(`${base}${path}`);',
  '  if (!answer.ok()) throw new Error(`GET ${base}${path} answered ${answer.status()}`);',
  '}',
  "if (errors.length > 0) throw new Error(`page errors: ${errors.join('; ')}`);",
  'await browser.close();',
  "console.log(`ok: ${base}`);",
  'EOF',
].join('\n');

/**
 * Plans the smoke workflow, callable from build-and-push (`workflow_call`) or by
 * hand (`workflow_dispatch`): run the image as the cluster would and probe its
 * health paths; with a preview URL, load it in Chromium through Playwright.
 */
export function planSmoke(options: SmokeOptions = {}): Workflow {
  const o = resolveSmokeOptions(options);
  const security = o.restricted
    ? ['--read-only', '--cap-drop ALL', '--security-opt no-new-privileges', ...o.writablePaths.map((p) => `--tmpfs ${p}`)].join(' ')
    : '';
  return {
    name: 'smoke',
    on: { workflowCall: { inputs }, workflowDispatch: { inputs } },
    jobs: {
      container: {
        kind: 'steps',
        name: 'run the image and probe its health paths',
        runsOn: 'ubuntu-24.04',
        timeoutMinutes: 15,
        permissions: [{ scope: 'packages', access: 'read', reason: 'Pull the image from GHCR.' }],
        steps: [
          loginGhcrStep(),
          {
            kind: 'run', name: 'Start the container', env: { IMAGE: '${{ inputs.image }}', PORT: o.port, HOST_PORT: hostPort },
            run: `docker run --detach --name app ${security ? `${security} ` : ''}--publish "127.0.0.1:$HOST_PORT:$PORT" "$IMAGE"`,
          },
          {
            kind: 'run', name: 'Probe the health paths',
            env: { HEALTH_PATHS: o.healthPaths.join(' '), STARTUP_SECONDS: o.startupSeconds, HOST_PORT: hostPort },
            run: healthProbeScript,
          },
          { kind: 'run', name: 'Container logs', if: 'always()', run: 'docker logs app || true' },
        ],
      },
      preview: {
        kind: 'steps',
        name: 'browser smoke of the preview (Playwright)',
        runsOn: 'ubuntu-24.04',
        timeoutMinutes: 15,
        if: "inputs.preview-url != ''",
        permissions: [],
        steps: [
          { kind: 'uses', name: 'Set up Node', uses: actionPins.setupNode, with: { 'node-version': 24 } },
          {
            kind: 'run', name: 'Load the preview in Chromium',
            env: { PREVIEW_URL: '${{ inputs.preview-url }}', HEALTH_PATHS: o.healthPaths.join(' '), PLAYWRIGHT_VERSION: o.playwrightVersion },
            run: previewScript,
          },
        ],
      },
    },
  };
}

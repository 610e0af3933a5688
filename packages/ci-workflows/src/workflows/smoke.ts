import { runtimes } from '@sugarkube/core';
import { actionPins } from '../pins/action-pins.js';
import { parseOptions } from '@sugarkube/core';
import { loginGhcrStep } from './common-steps.js';
import type { Workflow, WorkflowInput } from './workflow-model.js';
import { smokeOptionsSchema, type SmokeOptions } from './workflow-options.js';

/** The smoke options with every default resolved (from the runtime table). */
export interface ResolvedSmokeOptions {
  readonly user: { readonly uid: number; readonly gid: number };
  readonly port: number;
  readonly writablePaths: readonly string[];
  readonly probes: { readonly readiness: string; readonly liveness: string };
  readonly startupSeconds: number;
  readonly playwrightVersion: string;
  readonly name: string;
}

/** Checks the options (every problem at once) and fills what is not given from the runtime table. */
export function resolveSmokeOptions(options: SmokeOptions): ResolvedSmokeOptions {
  const o = parseOptions('smoke options', smokeOptionsSchema, options);
  const runtime = runtimes[o.runtime];
  return {
    user: o.user ?? runtime.user,
    port: o.port ?? runtime.port,
    writablePaths: o.writablePaths ?? runtime.writablePaths,
    probes: {
      readiness: o.probes?.readiness ?? runtime.probes.readiness,
      liveness: o.probes?.liveness ?? runtime.probes.liveness,
    },
    startupSeconds: o.startupSeconds ?? 60,
    playwrightVersion: o.playwrightVersion ?? '1.65.1',
    name: o.name ?? 'smoke',
  };
}

/**
 * The `docker run` of the smoke test: the container as the cluster runs it (the pod's
 * securityContext): the same uid and gid, a read-only root, every capability dropped, no
 * privilege escalation, and one tmpfs per writable path where the pod has an emptyDir
 * (world-writable and executable, as an emptyDir is; docker's --tmpfs default is noexec).
 * @see https://kubernetes.io/docs/concepts/security/pod-security-standards/#restricted
 */
export function smokeRunCommand(o: Pick<ResolvedSmokeOptions, 'user' | 'writablePaths'>): string {
  return [
    'docker run --detach --name app',
    `--user ${o.user.uid}:${o.user.gid}`,
    '--read-only --cap-drop ALL --security-opt no-new-privileges',
    ...o.writablePaths.map((p) => `--tmpfs ${p}:rw,exec,mode=1777`),
    '--publish "127.0.0.1:$HOST_PORT:$PORT" "$IMAGE"',
  ].join(' ');
}

const inputs: Record<string, WorkflowInput> = {
  image: {
    description: 'The image to test, by digest (ghcr.io/owner/app@sha256:…) or tag.',
    type: 'string',
    required: true,
  },
  'preview-url': {
    description: 'A deployed preview to test in a browser (Playwright); empty to skip.',
    type: 'string',
    required: false,
    default: '',
  },
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
  'console.log(`ok: ${base}`);',
  'EOF',
].join('\n');

/**
 * Plans the smoke workflow, callable from build-and-push (`workflow_call`) or by
 * hand (`workflow_dispatch`): run the image exactly as the cluster will (same uid and
 * gid, read-only root, no capabilities, one tmpfs per writable path) and curl its
 * readiness then its liveness path; with a preview URL, load it in Chromium through Playwright.
 */
export function planSmoke(options: SmokeOptions): Workflow {
  const o = resolveSmokeOptions(options);
  const healthPaths = [o.probes.readiness, o.probes.liveness].join(' ');
  return {
    name: o.name,
    on: { workflowCall: { inputs }, workflowDispatch: { inputs } },
    jobs: {
      container: {
        kind: 'steps',
        name: 'run the image as the cluster runs it, curl its probes',
        runsOn: 'ubuntu-24.04',
        timeoutMinutes: 15,
        permissions: [{ scope: 'packages', access: 'read', reason: 'Pull the image from GHCR.' }],
        steps: [
          loginGhcrStep(),
          {
            kind: 'run',
            name: 'Start the container as the pod runs it',
            env: { IMAGE: '${{ inputs.image }}', PORT: o.port, HOST_PORT: hostPort },
            run: smokeRunCommand(o),
          },
          {
            kind: 'run',
            name: 'Curl the readiness and liveness paths',
            env: { HEALTH_PATHS: healthPaths, STARTUP_SECONDS: o.startupSeconds, HOST_PORT: hostPort },
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
            kind: 'run',
            name: 'Load the preview in Chromium',
            env: {
              PREVIEW_URL: '${{ inputs.preview-url }}',
              HEALTH_PATHS: healthPaths,
              PLAYWRIGHT_VERSION: o.playwrightVersion,
            },
            run: previewScript,
          },
        ],
      },
    },
  };
}

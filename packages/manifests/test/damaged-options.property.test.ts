/**
 * Damaged arguments, fed to every public function and the projen component (the damage and the
 * judgement come from @sugarkube/verify's `checkDamagedOptions`): each call succeeds (the damage
 * was harmless) or throws a ValidationError (from @sugarkube/core) whose issues name the damaged
 * path; the functions that return issues (validateApp, loadAppYaml, findPlaintextSecrets) return
 * issues naming it. Never a TypeError, never any other error.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describeDamagedOptions, type DamageSubject } from '@sugarkube/verify';
import { ValidationError } from '@sugarkube/core';
import { Project } from 'projen';
import { stringify } from 'yaml';
import * as manifests from '../src/index.js';
import { SugarkubeApp } from '../src/projen/index.js';
import { exampleApps } from './support/example-apps.js';

const field = (x: unknown, key: string) => (x as Record<string, unknown> | null | undefined)?.[key];
const any = (f: (x: never) => unknown) => (x: unknown) => f(x as never);

/** A small app with most features: two services, a volume, sidecars, routes, environments, secrets, patches. */
const descriptor = {
  name: 'hello',
  defaultBranch: 'main',
  services: [
    {
      name: 'web',
      runtime: 'node',
      image: { repository: 'ghcr.io/acme/hello', tag: 'v1.0.0' },
      port: 8080,
      env: { MODE: 'prod', TOKEN: { secret: 'creds', key: 'token' } },
      writablePaths: ['/tmp'],
      probes: { readiness: '/healthz', liveness: { path: '/livez', periodSeconds: 20 } },
      sidecars: [{ name: 'cache', image: 'docker.io/library/redis:7', port: 6379 }],
      replicas: 2,
      metrics: { tokenSecret: { name: 'metrics-token' } },
    },
    {
      name: 'worker',
      runtime: 'python',
      image: { repository: 'ghcr.io/acme/worker' },
      port: 5000,
      volumes: [{ name: 'data', mountPath: '/data', size: '1Gi' }],
      initContainers: [{ name: 'migrate', mounts: [{ volume: 'data', mountPath: '/data' }] }],
      egress: [{ cidr: '10.0.0.0/8', ports: [{ port: 5432 }] }],
    },
  ],
  routes: [{ apex: 'hello.example.org', paths: [{ path: '/', service: 'web' }] }],
  configMaps: { settings: { LEVEL: 'info' } },
  environments: {
    staging: { replicas: 1, services: { worker: { image: { policy: true } } } },
    prod: {
      services: { web: { replicas: 3 } },
      patches: [{ target: { kind: 'Deployment', name: 'web' }, strategicMerge: { spec: { minReadySeconds: 5 } } }],
    },
  },
} as const;

const app = manifests.defineApp(descriptor);
/** A real app with build sections, for the functions that generate its image files too. */
const built = manifests.defineApp(exampleApps.tokenplace);
const plannedDeployment = manifests.planApp(app, 'staging').find((o) => o.kind === 'Deployment')!;
const projectDir = mkdtempSync(join(tmpdir(), 'sugarkube-damaged-'));
const yamlFile = join(projectDir, 'sugarkube.yaml');
writeFileSync(yamlFile, stringify(exampleApps.tokenplace));
const project = () => new Project({ name: 'damaged', outdir: projectDir });

/**
 * A patch that does not fit a damaged document is the function's answer about that pair (the
 * operation or the patch that cannot apply), not an argument error: for damage to the
 * document, that answer counts as a result.
 */
const answer = (at: string, call: () => unknown) => {
  try {
    return call();
  } catch (error) {
    if (ValidationError.is(error) && error.issues.every((i) => i.path.startsWith(at))) return error.issues;
    throw error;
  }
};
const operations = [
  { op: 'replace', path: '/spec/replicas', value: 3 },
  { op: 'add', path: '/metadata/labels/tier', value: 'web' },
];
const patch = { spec: { template: { spec: { containers: [{ name: 'web', image: 'ghcr.io/acme/hello:v2' }] } } } };

const subjects: DamageSubject[] = [
  { name: 'validateApp', valid: descriptor, call: (x) => manifests.validateApp(x).errors, returnsIssues: true },
  ...Object.entries(exampleApps).map(([name, valid]) => ({
    name: `validateApp (${name})`,
    valid,
    call: (x: unknown) => manifests.validateApp(x).errors,
    returnsIssues: true,
  })),
  { name: 'defineApp', valid: descriptor, call: any(manifests.defineApp) },
  {
    name: 'loadAppYaml',
    valid: stringify(descriptor),
    call: (x) => manifests.loadAppYaml(x as never).errors,
    returnsIssues: true,
  },
  { name: 'findPlaintextSecrets', valid: descriptor, call: any(manifests.findPlaintextSecrets), returnsIssues: true },
  { name: 'readAppYaml', valid: yamlFile, call: any(manifests.readAppYaml) },
  {
    name: 'planApp',
    valid: { app, environment: 'prod' },
    call: (x) => manifests.planApp(field(x, 'app') as never, field(x, 'environment') as never),
  },
  { name: 'planBase', valid: app, call: any(manifests.planBase) },
  { name: 'planImageAutomation', valid: app, call: any(manifests.planImageAutomation) },
  {
    name: 'resolveEnvironment',
    valid: { app: descriptor, environment: 'staging' },
    call: (x) => manifests.resolveEnvironment(field(x, 'app') as never, field(x, 'environment') as never),
  },
  { name: 'environmentsOf', valid: descriptor, call: any(manifests.environmentsOf) },
  {
    name: 'imagePolicyRef',
    valid: { app: { name: 'hello' }, service: { name: 'web' } },
    call: (x) => manifests.imagePolicyRef(field(x, 'app') as never, field(x, 'service') as never),
  },
  {
    name: 'planNamespace',
    valid: manifests.resolveEnvironment(app.descriptor, 'prod'),
    call: any(manifests.planNamespace),
  },
  { name: 'objectId', valid: plannedDeployment, call: any(manifests.objectId) },
  { name: 'objectFileName', valid: plannedDeployment, call: any(manifests.objectFileName) },
  {
    name: 'withScannerAllowances',
    valid: {
      apiVersion: 'bitnami.com/v1alpha1',
      kind: 'SealedSecret',
      metadata: { name: 's' },
      spec: { encryptedData: { a: 'AgB' } },
    },
    call: any(manifests.withScannerAllowances),
  },
  { name: 'tlsSecretName', valid: { name: 'web' }, call: any(manifests.tlsSecretName) },
  {
    name: 'appTreeHeader',
    valid: { regenerateCommand: 'npx projen', source: 'sugarkube.yaml' },
    call: any(manifests.appTreeHeader),
  },
  {
    name: 'renderAppTree',
    valid: {
      app,
      options: {
        directory: 'deploy',
        environments: ['staging', 'prod'],
        regenerateCommand: 'npx projen',
        source: 'sugarkube.yaml',
      },
    },
    call: (x) => manifests.renderAppTree(field(x, 'app') as never, field(x, 'options') as never),
  },
  {
    name: 'renderImageAutomation',
    valid: { app, options: { directory: 'deploy', source: 'sugarkube.yaml' } },
    call: (x) => manifests.renderImageAutomation(field(x, 'app') as never, field(x, 'options') as never),
  },
  {
    name: 'appRepoFiles',
    valid: { app: built, options: { deployDir: 'deploy', regenerateCommand: 'npx projen', source: 'sugarkube.yaml' } },
    call: (x) => manifests.appRepoFiles(field(x, 'app') as never, field(x, 'options') as never),
  },
  {
    name: 'applyJson6902 (operations)',
    valid: operations,
    call: (x) => manifests.applyJson6902(plannedDeployment, x as never),
    reportedUnder: ['operations'],
  },
  {
    name: 'applyJson6902 (document)',
    valid: plannedDeployment,
    call: (x) => answer('operations[', () => manifests.applyJson6902(x, operations as never)),
    reportedUnder: ['document'],
  },
  {
    name: 'strategicMerge (patch)',
    valid: patch,
    call: (x) => manifests.strategicMerge(plannedDeployment, x),
    reportedUnder: ['patch'],
  },
  {
    name: 'strategicMerge (target)',
    valid: plannedDeployment,
    call: (x) => answer('patch', () => manifests.strategicMerge(x, patch)),
    reportedUnder: ['target'],
  },
  {
    name: 'Testing.synth',
    valid: { app: descriptor, options: { environments: ['staging'] } },
    call: (x) => manifests.Testing.synth(field(x, 'app') as never, field(x, 'options') as never),
  },
  {
    name: 'Testing.find',
    valid: { app: descriptor, kind: 'Deployment', name: 'web', environment: 'prod' },
    call: (x) =>
      manifests.Testing.find(
        field(x, 'app') as never,
        field(x, 'kind') as never,
        field(x, 'name') as never,
        field(x, 'environment') as never,
      ),
  },
  {
    name: 'SugarkubeApp',
    valid: { app: exampleApps.tokenplace, deployDir: 'deploy' },
    call: (x) => new SugarkubeApp(project(), x as never),
  },
  {
    name: 'SugarkubeApp (file)',
    valid: { descriptor: 'sugarkube.yaml' },
    call: (x) => new SugarkubeApp(project(), x as never),
  },
];

// Runs per subject: raise DAMAGED_OPTIONS_RUNS for a deeper search (e.g. 5000).
describeDamagedOptions(subjects, { packageDir: join(import.meta.dirname, '..'), runs: 200, timeout: 300_000 });

/**
 * Damaged arguments, fed to every public function of the package (the damage and the judgement
 * come from @sugarkube/verify's `checkDamagedOptions`): each call succeeds (the damage was
 * harmless) or throws a ValidationError (from @sugarkube/core) whose issues name the damaged
 * path; parseClusterDefinition returns issues naming it. Never a TypeError, never any other error.
 */
import { join } from 'node:path';
import { describeDamagedOptions, type DamageSubject } from '@sugarkube/verify';
import * as cluster from '../src/index.js';
import { testCluster, testPins } from './fixture.js';

const field = (x: unknown, key: string) => (x as Record<string, unknown> | null | undefined)?.[key];
const any = (f: (x: never) => unknown) => (x: unknown) => f(x as never);

const definition = testCluster();
const resolved = cluster.defineCluster(definition, testPins);
const files = cluster.synthesizeClusterTree(resolved);
const summary = cluster.summarizeClusterTree(resolved, files);
const parsedDefinition = cluster.clusterDefinitionSchema.parse(definition);
const pins = { staging: { hello: { web: { tag: 'main-1700000000-abc1234' } } } };

const subjects: DamageSubject[] = [
  {
    name: 'parseClusterDefinition (definition)',
    valid: definition,
    call: (x) => cluster.parseClusterDefinition(x, testPins).errors,
    returnsIssues: true,
  },
  {
    name: 'parseClusterDefinition (pins)',
    valid: testPins,
    call: (x) => cluster.parseClusterDefinition(definition, x).errors,
    returnsIssues: true,
    reportedUnder: ['pins'],
  },
  { name: 'defineCluster', valid: definition, call: (x) => cluster.defineCluster(x as never, testPins) },
  { name: 'synthesizeCluster', valid: definition, call: (x) => cluster.synthesizeCluster(x as never, testPins) },
  { name: 'clusterModule', valid: { definition, pinsFile: './sugarkube.pins.json' }, call: any(cluster.clusterModule) },
  {
    name: 'resolveCluster',
    valid: { cluster: parsedDefinition, apps: resolved.apps.map((a) => a.app), pins: testPins },
    call: (x) =>
      cluster.resolveCluster(field(x, 'cluster') as never, field(x, 'apps') as never, field(x, 'pins') as never),
  },
  {
    name: 'pinOf',
    valid: { pins, environment: 'staging', app: 'hello', service: 'web' },
    call: (x) =>
      cluster.pinOf(
        field(x, 'pins') as never,
        field(x, 'environment') as never,
        field(x, 'app') as never,
        field(x, 'service') as never,
      ),
  },
  {
    name: 'withPin',
    valid: {
      pins,
      environment: 'prod',
      app: 'hello',
      service: 'web',
      pin: { tag: 'v1.2.3', digest: `sha256:${'b'.repeat(64)}` },
    },
    call: (x) =>
      cluster.withPin(
        field(x, 'pins') as never,
        field(x, 'environment') as never,
        field(x, 'app') as never,
        field(x, 'service') as never,
        field(x, 'pin') as never,
      ),
  },
  { name: 'renderPins', valid: testPins, call: any(cluster.renderPins) },
  { name: 'synthesizeClusterTree', valid: resolved, call: any(cluster.synthesizeClusterTree) },
  {
    name: 'summarizeClusterTree',
    valid: { cluster: resolved, files: files.slice(0, 12) },
    call: (x) => cluster.summarizeClusterTree(field(x, 'cluster') as never, field(x, 'files') as never),
  },
  {
    name: 'formatClusterSummary',
    valid: { summary, infraMemoryGoalBytes: 2 * 1024 ** 3 },
    call: (x) => cluster.formatClusterSummary(field(x, 'summary') as never, field(x, 'infraMemoryGoalBytes') as never),
  },
  { name: 'validateClusterTree', valid: files.slice(0, 12), call: any(cluster.validateClusterTree) },
  { name: 'componentPins', valid: cluster.infraComponents, call: any(cluster.componentPins) },
  { name: 'removedFluxApi', valid: 'helm.toolkit.fluxcd.io/v2beta2', call: any(cluster.removedFluxApi) },
];

// Runs per subject: raise DAMAGED_OPTIONS_RUNS for a deeper search (e.g. 5000).
describeDamagedOptions(subjects, { packageDir: join(import.meta.dirname, '..'), runs: 200, timeout: 600_000 });

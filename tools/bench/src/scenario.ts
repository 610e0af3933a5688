import type { Table } from './report/markdown-table.js';

/** One goal of the issue and what this run measured against it. */
export interface GoalCheck {
  /** The goal as the issue states it, e.g. "--help at most 0.15 s". */
  readonly goal: string;
  /** What was measured, e.g. "0.53 s". */
  readonly measured: string;
  /** Met or missed; undefined when this run could not tell (a skipped part). */
  readonly met: boolean | undefined;
}

/** A block of a scenario's section in docs/benchmarks.md: prose or a table. */
export type Block = { readonly text: string } | { readonly table: Table };

/** What a scenario reports: its tables, the command that reproduces them, goals, notes. */
export interface ScenarioResult {
  readonly id: ScenarioId;
  readonly title: string;
  /** The command that reproduces this section's tables. */
  readonly command: string;
  readonly blocks: readonly Block[];
  readonly goals: readonly GoalCheck[];
  /** Wall time of the whole scenario, for the run log. */
  readonly elapsedMs?: number;
}

/** The scenarios, in the order of the issue, plus import times. */
export const scenarioIds = ['imports', 'a', 'b', 'c', 'd', 'e', 'f', 'g'] as const;
export type ScenarioId = (typeof scenarioIds)[number];

/** The titles in docs/benchmarks.md. */
export const scenarioTitles: Readonly<Record<ScenarioId, string>> = {
  imports: 'Import time of each entry point, before and after',
  a: '(a) `sugarkube synth` of the embedded clusters, cold, against cdk8s',
  b: '(b) Scale: generated apps, in process and through the CLI',
  c: '(c) Equal output: Sugarkube, cdk8s + cdk8s-plus, helm template, kubectl kustomize',
  d: "(d) `npx projen` in an example app repo, against projen's default runner",
  e: '(e) buildah builds: linux/arm64 against linux/amd64, rebuild against cold, image sizes',
  f: '(f) Infrastructure requests per cluster against 3 × Raspberry Pi 5',
  g: '(g) nginx: the generated config against stock, directive by directive',
};

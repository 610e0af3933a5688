import type { BenchContext } from '../context.js';
import type { ScenarioId, ScenarioResult } from '../scenario.js';
import { cliCold } from './cli-cold.js';
import { equalOutput } from './equal-output.js';
import { imageBuilds } from './image-builds.js';
import { importTimes } from './imports.js';
import { infraRequests } from './infra-requests.js';
import { nginxBench } from './nginx.js';
import { projenSynth } from './projen-synth.js';
import { scale } from './scale.js';

/** Every scenario by id. */
export const scenarios: Readonly<Record<ScenarioId, (ctx: BenchContext) => Promise<ScenarioResult>>> = {
  imports: importTimes,
  a: cliCold,
  b: scale,
  c: equalOutput,
  d: projenSynth,
  e: imageBuilds,
  f: infraRequests,
  g: nginxBench,
};

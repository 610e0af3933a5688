export { runCommand, type RunResult } from './io/run-command.js';
export { startVerdaccio, type RunningRegistry } from './io/verdaccio.js';

import type { Command } from './command.js';
import { diffCommand } from './commands/diff.js';
import { doctorCommand } from './commands/doctor.js';
import { imageCommand } from './commands/image.js';
import { initCommand } from './commands/init.js';
import { completionCommand, schemaCommand } from './commands/meta-commands.js';
import { policyCommand } from './commands/policy.js';
import { promoteCommand } from './commands/promote.js';
import { secretCommand } from './commands/secret.js';
import { synthCommand } from './commands/synth.js';
import { validateCommand } from './commands/validate.js';

/** Every command, in the order `--help` lists them. */
export const commands: readonly Command[] = [
  initCommand,
  synthCommand,
  validateCommand,
  diffCommand,
  doctorCommand,
  policyCommand,
  imageCommand,
  promoteCommand,
  secretCommand,
  completionCommand(() => commands),
  schemaCommand(() => commands),
] as Command[];

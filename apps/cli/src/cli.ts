import { diffCommand } from './commands/diff.js';
import { doctorCommand } from './commands/doctor.js';
import { imageCommand } from './commands/image.js';
import { initCommand } from './commands/init.js';
import { policyCommand } from './commands/policy.js';
import { secretCommand } from './commands/secret.js';
import { synthCommand } from './commands/synth.js';
import { validateCommand } from './commands/validate.js';
import { UsageError, type Command, type CommandContext } from './context.js';

const commands: readonly Command[] = [
  initCommand,
  synthCommand,
  validateCommand,
  diffCommand,
  doctorCommand,
  policyCommand,
  imageCommand,
  secretCommand,
];

function help(): string {
  const width = Math.max(...commands.map((c) => c.name.length));
  return [
    'Usage: sugarkube <command> [options]',
    '',
    'Commands:',
    ...commands.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    '',
    'Run `sugarkube <command> --help` for a command\'s options.',
    '',
  ].join('\n');
}

/** Runs the CLI; returns the process exit code. */
export async function main(argv: readonly string[], context: CommandContext): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    context.stdout.write(help());
    return name === undefined ? 2 : 0;
  }
  const command = commands.find((c) => c.name === name);
  if (!command) {
    context.stderr.write(`sugarkube: unknown command "${name}". Available commands: ${commands.map((c) => c.name).join(', ')}\n`);
    return 2;
  }
  if (rest.includes('--help') || rest.includes('-h')) {
    context.stdout.write(`${command.usage}\n`);
    return 0;
  }
  try {
    return await command.run(rest, context);
  } catch (error) {
    if (error instanceof UsageError) {
      context.stderr.write(`sugarkube ${command.name}: ${error.message}\n\n${command.usage}\n`);
      return 2;
    }
    // Anything else is reported as one message, not a stack trace; SUGARKUBE_DEBUG=1 shows the stack.
    const debug = process.env.SUGARKUBE_DEBUG === '1';
    context.stderr.write(`sugarkube ${command.name}: ${debug && error instanceof Error ? error.stack : (error as Error).message}\n`);
    return 1;
  }
}

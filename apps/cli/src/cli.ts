import { loadCommand, type Command, type Printer, type RunInput } from './command.js';
import { commands } from './command-list.js';
import { isCliError, UsageError, type Problem } from './cli-error.js';
import type { CommandContext } from './context.js';
import { exitCodes } from './exit-codes.js';
import { packageVersion } from './io/package-version.js';
import { annotation } from './output/annotations.js';
import { renderEnvelope } from './output/render-envelope.js';
import { stylerFor } from './output/style.js';
import { commonOptions, renderCommandHelp, renderMainHelp } from './render-help.js';

function printerFor(context: CommandContext, env: RunInput['env']): Printer {
  return {
    out: (text) => void context.stdout.write(text),
    err: (text) => void context.stderr.write(text),
    style: stylerFor(context.stdout, env),
    errStyle: stylerFor(context.stderr, env),
  };
}

function progressFor(context: CommandContext, enabled: boolean): RunInput['progress'] {
  return async (name, run) => {
    if (!enabled) return run();
    context.stderr.write(`› ${name}… `);
    const started = performance.now();
    try {
      const value = await run();
      context.stderr.write(`done (${Math.round(performance.now() - started)} ms)\n`);
      return value;
    } catch (error) {
      context.stderr.write('failed\n');
      throw error;
    }
  };
}

/** The named command, its module imported now; undefined for an unknown name. */
async function findCommand(name: string): Promise<Command | undefined> {
  const entry = commands.find((c) => c.name === name);
  return entry && loadCommand(entry);
}

async function unknownCommand(context: CommandContext, name: string): Promise<number> {
  // Imported here: @sugarkube/core's entry loads zod, which --help and --version do not need.
  const { didYouMean } = await import('@sugarkube/core');
  const guess = didYouMean(
    name,
    commands.map((c) => c.name),
  );
  context.stderr.write(
    `sugarkube: unknown command "${name}"${guess ? `; did you mean "${guess}"?` : ''} Commands: ${commands.map((c) => c.name).join(', ')}\n`,
  );
  return exitCodes.usage;
}

/** Writes problems (one line each) and, under GitHub Actions, their annotations. */
function report(
  printer: Printer,
  context: CommandContext,
  env: RunInput['env'],
  name: string,
  level: 'error' | 'warning',
  problems: readonly Problem[],
  json: boolean,
): void {
  const prefix =
    level === 'error'
      ? printer.errStyle(['bold', 'red'], `sugarkube ${name}:`)
      : printer.errStyle('yellow', 'warning:');
  for (const problem of problems) printer.err(`${prefix} ${problem.message}\n`);
  // Workflow commands are read from stdout; with --json stdout is the report alone.
  if (env.GITHUB_ACTIONS === 'true' && !json) {
    for (const problem of problems) printer.out(annotation(level, problem, env.GITHUB_WORKSPACE ?? context.cwd));
  }
}

/** Runs the CLI; returns the process exit code. */
export async function main(argv: readonly string[], context: CommandContext): Promise<number> {
  const env = context.env ?? process.env;
  const [first, ...rest] = argv;
  if (first === undefined) {
    context.stderr.write(renderMainHelp(commands));
    return exitCodes.usage;
  }
  if (first === '--help' || first === '-h') {
    context.stdout.write(renderMainHelp(commands));
    return exitCodes.ok;
  }
  if (first === 'help') {
    if (rest[0] === undefined) {
      context.stdout.write(renderMainHelp(commands));
      return exitCodes.ok;
    }
    const command = await findCommand(rest[0]);
    if (!command) return unknownCommand(context, rest[0]);
    context.stdout.write(renderCommandHelp(command));
    return exitCodes.ok;
  }
  if (first === '--version' || first === '-V' || first === 'version') {
    const json = rest.includes('--json') || rest.join(' ').includes('-o json') || rest.includes('--output=json');
    const version = packageVersion();
    context.stdout.write(
      json ? renderEnvelope('version', 0, { version, node: process.version }, [], []) : `${version}\n`,
    );
    return exitCodes.ok;
  }
  const command = await findCommand(first);
  if (!command) return unknownCommand(context, first);

  const printer = printerFor(context, env);
  let json = rest.includes('--json') || /(^| )(-o|--output)( |=)json( |$)/.test(rest.join(' '));
  try {
    // With the command: it needs @sugarkube/core (and so zod), which --help does not.
    const { parseCommandArgs } = await import('./parse-command-args.js');
    const args = parseCommandArgs(
      rest,
      { ...command.options, ...commonOptions },
      command.positionals ?? command.subcommands !== undefined,
    );
    if (args.values.help) {
      context.stdout.write(renderCommandHelp(command));
      return exitCodes.ok;
    }
    const output = args.values.output;
    if (output !== undefined && output !== 'json' && output !== 'text') {
      json = false;
      throw new UsageError(`-o: expected json or text, received "${String(output)}"`);
    }
    json = args.values.json === true || output === 'json';
    const progress = progressFor(context, !json && (args.values.progress === true || context.stderr.isTTY === true));
    const result = await command.run({ args, context, env, progress });
    const problems = result.problems ?? [];
    const warnings = result.warnings ?? [];
    report(printer, context, env, command.name, 'warning', warnings, json);
    if (json) printer.out(renderEnvelope(command.name, result.exitCode, result.report, problems, warnings));
    else command.print(result.report, printer);
    report(printer, context, env, command.name, 'error', problems, json);
    if (env.GITHUB_ACTIONS === 'true' && !json) {
      for (const a of result.annotations ?? [])
        printer.out(annotation('error', a, env.GITHUB_WORKSPACE ?? context.cwd));
    }
    return result.exitCode;
  } catch (error) {
    if (isCliError(error)) {
      // A usage error says where the options are on the same line: one problem, one line.
      const problems =
        error.name === 'UsageError'
          ? error.problems.map((p, i, all) =>
              i === all.length - 1
                ? { ...p, message: `${p.message} (sugarkube help ${command.name} lists the options)` }
                : p,
            )
          : error.problems;
      report(printer, context, env, command.name, 'error', problems, json);
      if (json) printer.out(renderEnvelope(command.name, error.exitCode, null, problems, []));
      return error.exitCode;
    }
    // Not the user's doing: one line, and the stack only when asked for.
    const message = error instanceof Error ? error.message.split('\n')[0] : String(error);
    const problem = { message: `internal error: ${message} (a bug in sugarkube; SUGARKUBE_DEBUG=1 prints the stack)` };
    report(printer, context, env, command.name, 'error', [problem], json);
    if (env.SUGARKUBE_DEBUG === '1' && error instanceof Error) printer.err(`${error.stack}\n`);
    if (json) printer.out(renderEnvelope(command.name, exitCodes.internal, null, [problem], []));
    return exitCodes.internal;
  }
}

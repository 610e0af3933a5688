import type { z } from 'zod';
import type { Problem } from './cli-error.js';
import type { CommandContext } from './context.js';
import type { ExitCode } from './exit-codes.js';
import type { Styler } from './output/style.js';

/** One flag of a command: parsed by `util.parseArgs`, listed in help and shell completion. */
export interface OptionSpec {
  readonly type: 'string' | 'boolean';
  readonly multiple?: boolean;
  readonly short?: string;
  /** What the completion offers for the value (e.g. `raw`, `yaml`); `file`/`dir` complete paths. */
  readonly values?: readonly string[] | 'file' | 'dir';
}

/** The parsed command line of one command. */
export interface ParsedArgs {
  readonly values: Readonly<Record<string, string | boolean | string[] | undefined>>;
  readonly positionals: readonly string[];
}

/** A report as commands build it: readonly all the way down, so a pipeline's readonly data fits. */
export type DeepReadonly<T> = T extends (infer E)[]
  ? readonly DeepReadonly<E>[]
  : T extends object
    ? { readonly [K in keyof T]: DeepReadonly<T[K]> }
    : T;

/** What a command hands back: its exit code and its report; the CLI prints it (text or JSON). */
export interface CommandResult<R> {
  readonly exitCode: ExitCode;
  readonly report: R;
  /** Problems found (exit 1 findings, or refusals), one line each on stderr. */
  readonly problems?: readonly Problem[];
  readonly warnings?: readonly Problem[];
  /** Printed only under GitHub Actions, as `::error file=…` annotations (a stale file in diff). */
  readonly annotations?: readonly Problem[];
}

/** What a command may print to: the streams and a styler for each (colour on a TTY only). */
export interface Printer {
  readonly out: (text: string) => void;
  readonly err: (text: string) => void;
  readonly style: Styler;
  readonly errStyle: Styler;
}

/** Everything a command gets to run: the context, the parsed line, and progress for long steps. */
export interface RunInput {
  readonly args: ParsedArgs;
  readonly context: CommandContext;
  readonly env: Readonly<Record<string, string | undefined>>;
  /** Reports a step on stderr (a terminal only, or with --progress): `› name… done (12 ms)`. */
  readonly progress: <T>(name: string, run: () => T | Promise<T>) => Promise<T>;
}

/**
 * A command: parses nothing itself (its flags are declared), calls a pipeline that returns a
 * report, and says how to print that report as text. `--json` prints the report as it is,
 * in the envelope `{ command, exitCode, report, problems, warnings }` whose JSON Schema
 * `sugarkube schema COMMAND` prints.
 */
export interface Command<R = unknown> {
  readonly name: string;
  readonly summary: string;
  /** The usage and description, without the common options and exit codes (added by the CLI). */
  readonly usage: string;
  readonly options: Readonly<Record<string, OptionSpec>>;
  /** Subcommands (for help and completion); the first positional. */
  readonly subcommands?: readonly string[];
  /** Whether positionals are allowed. @default false */
  readonly positionals?: boolean;
  /** The exit codes this command uses, for its help. */
  readonly exitCodes: readonly ExitCode[];
  /** The shape of the report (`--json`). */
  readonly report: z.ZodType<R>;
  run(input: RunInput): Promise<CommandResult<DeepReadonly<R>>>;
  /** Prints the report for people. */
  print(report: DeepReadonly<R>, printer: Printer): void;
}

/** What a command module exports: the command without its name and summary (the list holds those). */
export type CommandBody<R = unknown> = Omit<Command<R>, 'name' | 'summary'>;

/**
 * One line of the command list: what `sugarkube --help` prints, and the implementation, imported
 * only when the command runs (or its help, completion or schema is asked for), so `--help` and
 * `--version` load no pipeline, no zod and no library.
 */
export interface CommandEntry {
  readonly name: string;
  readonly summary: string;
  load(): Promise<CommandBody>;
}

/** The whole command: the list's name and summary with the body its module exports. */
export async function loadCommand(entry: CommandEntry): Promise<Command> {
  return { name: entry.name, summary: entry.summary, ...(await entry.load()) };
}

/** Declares a command body with its report type inferred from its schema. */
export function defineCommand<S extends z.ZodType>(
  command: CommandBody<z.output<S>> & { readonly report: S },
): CommandBody<z.output<S>> {
  return command;
}

import type { Command, OptionSpec } from './command.js';
import { renderExitCodes } from './exit-codes.js';

/** The options every command takes. */
export const commonOptions: Readonly<Record<string, OptionSpec & { readonly help: string }>> = {
  json: { type: 'boolean', help: 'print the report as JSON on stdout (its schema: sugarkube schema COMMAND)' },
  output: { type: 'string', short: 'o', values: ['json', 'text'], help: '-o json is --json; -o text is the default' },
  progress: { type: 'boolean', help: 'report each step on stderr (default: only on a terminal)' },
  help: { type: 'boolean', short: 'h', help: 'show this help' },
};

/** `sugarkube <command> --help`: the command's usage, the common options and its exit codes. */
export function renderCommandHelp(command: Command): string {
  const common = Object.entries(commonOptions)
    .map(
      ([name, o]) =>
        `  ${`${o.short ? `-${o.short}, ` : ''}--${name}${o.type === 'string' ? ' FORMAT' : ''}`.padEnd(22)}${o.help}`,
    )
    .join('\n');
  return `${command.usage}\n\nCommon options:\n${common}\n\n${renderExitCodes(command.exitCodes)}\n`;
}

/** `sugarkube --help`. */
export function renderMainHelp(commands: readonly Pick<Command, 'name' | 'summary'>[]): string {
  const width = Math.max(...commands.map((c) => c.name.length));
  return [
    'Usage: sugarkube <command> [options]',
    '',
    'Commands:',
    ...commands.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    '',
    'Every command takes --json (or -o json), --progress and --help.',
    "`sugarkube help <command>` or `sugarkube <command> --help` shows a command's options;",
    '`sugarkube --version` prints the version; `sugarkube completion bash|zsh|fish` prints a completion script.',
    'Colour only on a terminal (NO_COLOR turns it off); under GitHub Actions problems are also',
    'printed as ::error annotations.',
    '',
    renderExitCodes(),
    '',
  ].join('\n');
}

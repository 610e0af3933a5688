import { z } from 'zod';
import { UsageError } from '../cli-error.js';
import { defineCommand, type Command } from '../command.js';
import { completionShells, renderCompletion, type CompletionShell } from '../completion/render-completion.js';
import { exitCodes } from '../exit-codes.js';
import { envelopeSchema } from '../output/json-envelope.js';

/** `sugarkube completion bash|zsh|fish`: the script, generated from every command's flags. */
export function completionCommand(all: () => Promise<readonly Command[]>) {
  return defineCommand({
    usage: `Usage: sugarkube completion bash|zsh|fish

Prints a completion script for commands, subcommands, flags and flag values.
  bash:  eval "$(sugarkube completion bash)"            (e.g. in ~/.bashrc)
  zsh:   sugarkube completion zsh > "\${fpath[1]}/_sugarkube"
  fish:  sugarkube completion fish > ~/.config/fish/completions/sugarkube.fish`,
    subcommands: completionShells,
    options: {},
    exitCodes: [exitCodes.ok, exitCodes.usage],
    report: z.object({ shell: z.enum(completionShells), script: z.string() }).strict(),
    async run({ args }) {
      const [shell, ...extra] = args.positionals;
      if (!(completionShells as readonly string[]).includes(shell ?? '') || extra.length > 0) {
        throw new UsageError(
          `expected one of ${completionShells.join(', ')}, received ${shell === undefined ? 'nothing' : `"${[shell, ...extra].join(' ')}"`}`,
        );
      }
      return {
        exitCode: exitCodes.ok,
        report: { shell: shell as CompletionShell, script: renderCompletion(shell as CompletionShell, await all()) },
      };
    },
    print(r, { out }) {
      out(r.script);
    },
  });
}

/** The JSON Schema (draft 2020-12) of a command's `--json` output. */
export function jsonSchemaOf(command: Command): Record<string, unknown> {
  return {
    ...z.toJSONSchema(envelopeSchema(command.name, command.report), { target: 'draft-2020-12', io: 'output' }),
    $id: `https://sugarkube.dev/schemas/cli/${command.name}.json`,
    title: `sugarkube ${command.name} --json`,
  };
}

/** `sugarkube schema COMMAND`: the JSON Schema of a command's `--json` output. */
export function schemaCommand(all: () => Promise<readonly Command[]>) {
  return defineCommand({
    usage: `Usage: sugarkube schema COMMAND

Prints the JSON Schema (draft 2020-12) of \`sugarkube COMMAND --json\`: the envelope
{ command, exitCode, report, problems, warnings } with the command's own report. The shape is
stable: fields are added, never renamed or removed, within a major version.`,
    positionals: true,
    options: {},
    exitCodes: [exitCodes.ok, exitCodes.usage],
    report: z.object({ command: z.string(), schema: z.record(z.string(), z.unknown()) }).strict(),
    async run({ args }) {
      const [name, ...extra] = args.positionals;
      const commands = await all();
      const command = commands.find((c) => c.name === name);
      if (!command || extra.length > 0)
        throw new UsageError(
          `expected one of ${commands
            .map((c) => c.name)
            .join(', ')}, received ${name === undefined ? 'nothing' : `"${[name, ...extra].join(' ')}"`}`,
        );
      return { exitCode: exitCodes.ok, report: { command: command.name, schema: jsonSchemaOf(command) } };
    },
    print(r, { out }) {
      out(`${JSON.stringify(r.schema, null, 2)}\n`);
    },
  });
}

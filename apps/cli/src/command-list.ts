import { loadCommand, type Command, type CommandEntry } from './command.js';

/**
 * Every command, in the order `--help` lists them: name and summary here, the implementation
 * imported when it is needed. Importing every command module up front cost `--help` the whole
 * pipeline (zod schemas, every library): 0.76 s against node's 0.1 s in docs/benchmarks.md (a).
 */
export const commands: readonly CommandEntry[] = [
  {
    name: 'init',
    summary: 'start an app repo (sugarkube.yaml) or a cluster repo',
    load: async () => (await import('./commands/init.js')).initCommand,
  },
  {
    name: 'synth',
    summary: 'synthesize and validate the cluster GitOps tree',
    load: async () => (await import('./commands/synth.js')).synthCommand,
  },
  {
    name: 'validate',
    summary: 'validate the cluster definition and its tree, or an app descriptor, without writing',
    load: async () => (await import('./commands/validate.js')).validateCommand,
  },
  {
    name: 'diff',
    summary: 'show what synth would change, without writing',
    load: async () => (await import('./commands/diff.js')).diffCommand,
  },
  {
    name: 'doctor',
    summary: 'check the machine and repository for what Sugarkube needs',
    load: async () => (await import('./commands/doctor.js')).doctorCommand,
  },
  {
    name: 'status',
    summary: 'show per environment the Flux objects, image policies against what runs, and nodes',
    load: async () => (await import('./commands/status.js')).statusCommand,
  },
  {
    name: 'policy',
    summary: 'preview which image tag each Flux ImagePolicy would pick now (policy preview [--diff])',
    load: async () => (await import('./commands/policy.js')).policyCommand,
  },
  {
    name: 'image',
    summary: 'check an image in its registry (image check IMAGE --platforms …)',
    load: async () => (await import('./commands/image.js')).imageCommand,
  },
  {
    name: 'promote',
    summary: 'pin an environment to the images another runs, by pull request (promote APP --from staging --to prod)',
    load: async () => (await import('./commands/promote.js')).promoteCommand,
  },
  {
    name: 'secret',
    summary: 'seal a value from stdin for the sealed-secrets controller (secret seal --cert FILE …)',
    load: async () => (await import('./commands/secret.js')).secretCommand,
  },
  {
    name: 'completion',
    summary: 'print a shell completion script (completion bash|zsh|fish)',
    load: async () => (await import('./commands/meta-commands.js')).completionCommand(loadCommands),
  },
  {
    name: 'schema',
    summary: "print the JSON Schema of a command's --json output (schema COMMAND)",
    load: async () => (await import('./commands/meta-commands.js')).schemaCommand(loadCommands),
  },
];

/** Every command, loaded (completion and schema need their flags and reports). */
export function loadCommands(): Promise<readonly Command[]> {
  return Promise.all(commands.map(loadCommand));
}

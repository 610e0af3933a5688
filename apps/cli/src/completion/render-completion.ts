import type { Command } from '../command.js';
import { commonOptions } from '../render-help.js';

export const completionShells = ['bash', 'zsh', 'fish'] as const;
export type CompletionShell = (typeof completionShells)[number];

interface Spec {
  readonly name: string;
  readonly subcommands: readonly string[];
  readonly flags: readonly {
    readonly name: string;
    readonly takesValue: boolean;
    readonly values: readonly string[] | 'file' | 'dir' | undefined;
  }[];
}

function specs(commands: readonly Command[]): Spec[] {
  return commands.map((c) => ({
    name: c.name,
    subcommands: c.subcommands ?? [],
    flags: Object.entries({ ...c.options, ...commonOptions }).map(([name, o]) => ({
      name,
      takesValue: o.type === 'string',
      values: o.values,
    })),
  }));
}

const words = (list: readonly string[]) => list.join(' ');

function bash(all: Spec[]): string {
  const cases = all
    .map((s) => {
      const valueCases = s.flags
        .filter((f) => f.takesValue)
        .map(
          (f) =>
            `        --${f.name}) ${f.values === 'file' ? 'COMPREPLY=($(compgen -f -- "$cur"))' : f.values === 'dir' ? 'COMPREPLY=($(compgen -d -- "$cur"))' : `COMPREPLY=($(compgen -W "${words(Array.isArray(f.values) ? f.values : [])}" -- "$cur"))`}; return ;;`,
        )
        .join('\n');
      return `    ${s.name})
      case "$prev" in
${valueCases}
      esac
      if [[ "$cur" == -* ]]; then COMPREPLY=($(compgen -W "${words(s.flags.map((f) => `--${f.name}`))}" -- "$cur")); return; fi
      if [[ $COMP_CWORD -eq 2 ]]; then COMPREPLY=($(compgen -W "${words(s.subcommands)}" -- "$cur")); fi
      ;;`;
    })
    .join('\n');
  return `# bash completion for sugarkube: eval "$(sugarkube completion bash)" (e.g. in ~/.bashrc)
_sugarkube() {
  local cur="\${COMP_WORDS[COMP_CWORD]}" prev="\${COMP_WORDS[COMP_CWORD-1]}"
  COMPREPLY=()
  if [[ $COMP_CWORD -eq 1 ]]; then
    COMPREPLY=($(compgen -W "${words([...all.map((s) => s.name), 'help', '--help', '--version'])}" -- "$cur"))
    return
  fi
  case "\${COMP_WORDS[1]}" in
    help) COMPREPLY=($(compgen -W "${words(all.map((s) => s.name))}" -- "$cur")) ;;
${cases}
  esac
}
complete -F _sugarkube sugarkube
`;
}

const zshEscape = (text: string) => text.replace(/'/g, "'\\''");

function zsh(all: Spec[]): string {
  const cases = all
    .map((s) => {
      const args = s.flags.map((f) => {
        const action = !f.takesValue
          ? ''
          : f.values === 'file'
            ? ':file:_files'
            : f.values === 'dir'
              ? ':dir:_files -/'
              : Array.isArray(f.values)
                ? `:value:(${f.values.join(' ')})`
                : ':value:';
        return `'--${zshEscape(f.name)}[${f.name}]${action}'`;
      });
      const sub = s.subcommands.length ? ` '1:subcommand:(${s.subcommands.join(' ')})'` : '';
      return `    ${s.name}) _arguments -s ${args.join(' ')}${sub} '*:file:_files' ;;`;
    })
    .join('\n');
  return `#compdef sugarkube
# zsh completion for sugarkube: sugarkube completion zsh > "\${fpath[1]}/_sugarkube" (or eval it after compinit)
_sugarkube() {
  if (( CURRENT == 2 )); then
    compadd -- ${words([...all.map((s) => s.name), 'help'])}
    return
  fi
  local command=\${words[2]}
  shift words; (( CURRENT-- ))
  case $command in
    help) compadd -- ${words(all.map((s) => s.name))} ;;
${cases}
  esac
}
if [[ $zsh_eval_context[-1] == loadautofunc ]]; then _sugarkube "$@"; else compdef _sugarkube sugarkube; fi
`;
}

function fish(all: Spec[]): string {
  const lines = [
    '# fish completion for sugarkube: sugarkube completion fish > ~/.config/fish/completions/sugarkube.fish',
    'complete -c sugarkube -f',
    ...[...all.map((s) => s.name), 'help'].map((n) => `complete -c sugarkube -n __fish_use_subcommand -a ${n}`),
    `complete -c sugarkube -n '__fish_seen_subcommand_from help' -a '${words(all.map((s) => s.name))}'`,
  ];
  for (const s of all) {
    const when = `__fish_seen_subcommand_from ${s.name}`;
    if (s.subcommands.length) lines.push(`complete -c sugarkube -n '${when}' -a '${words(s.subcommands)}'`);
    for (const f of s.flags) {
      const value = !f.takesValue
        ? ''
        : f.values === 'file'
          ? ' -r -F'
          : f.values === 'dir'
            ? " -r -a '(__fish_complete_directories)'"
            : Array.isArray(f.values)
              ? ` -x -a '${words(f.values)}'`
              : ' -x';
      lines.push(`complete -c sugarkube -n '${when}' -l ${f.name}${value}`);
    }
  }
  return `${lines.join('\n')}\n`;
}

/** The completion script for one shell, from the commands' declared flags and subcommands. */
export function renderCompletion(shell: CompletionShell, commands: readonly Command[]): string {
  const all = specs(commands);
  return shell === 'bash' ? bash(all) : shell === 'zsh' ? zsh(all) : fish(all);
}

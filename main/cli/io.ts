export interface CommandIo {
  stdout(s: string): void;
  stderr(s: string): void;
  isTTY?: boolean;
}

export interface Command {
  summary: string;
  run(args: string[], io: CommandIo): Promise<number>;
}

/** Reads `--name value` options and positional arguments; unknown options are refused by name. */
export function parseOptions(args: string[], spec: { values?: string[]; flags?: string[] }): { positional: string[]; values: Map<string, string>; flags: Set<string> } | { error: string } {
  const positional: string[] = [];
  const values = new Map<string, string>();
  const flags = new Set<string>();
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (!arg.startsWith('--')) {
      positional.push(arg);
      continue;
    }
    const [name, inline] = arg.slice(2).split(/=(.*)/s, 2) as [string, string | undefined];
    if (spec.flags?.includes(name)) {
      // `--full=false` must not mean --full: a flag takes no value, so one given is refused.
      if (inline !== undefined) return { error: `option --${name} takes no value (remove "=${inline}")` };
      flags.add(name);
    }
    else if (spec.values?.includes(name)) {
      const value = inline ?? args[++i];
      if (value === undefined) return { error: `option --${name} needs a value` };
      values.set(name, value);
    } else return { error: `unknown option --${name}` };
  }
  return { positional, values, flags };
}

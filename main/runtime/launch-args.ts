import { isAbsolute, resolve } from 'node:path';

/**
 * What a launch of Counter asks for. The desktop app and the command-line tool take the same
 * arguments, so `Counter --db X` and `counter start --db X` mean the same, and `Counter import ...`
 * is recognised as a command for the CLI (which the packaged app does not run yet).
 */
export type Launch =
  | { mode: 'window'; dbPath: string | null; seedDemo: boolean; ignoredSwitches: string[] }
  | { mode: 'command'; argv: string[] }
  | { mode: 'invalid'; message: string };

const HELP = new Set(['--help', '-h', 'help']);

/**
 * The arguments a person gave, without the executable and, in development (`electron . --db X`,
 * where Electron's default app runs our folder), without the app folder. Switches before the app
 * folder belong to Chromium or Node and are kept so they are reported as ignored, not lost.
 */
export function userArgsOf(argv: readonly string[], runsAppFolder: boolean): string[] {
  const args = argv.slice(1);
  if (!runsAppFolder) return args;
  const appFolderAt = args.findIndex((arg) => !arg.startsWith('-'));
  return appFolderAt === -1 ? args : [...args.slice(0, appFolderAt), ...args.slice(appFolderAt + 1)];
}

export function parseLaunchArgs(args: readonly string[]): Launch {
  const [first, ...rest] = args;
  if (first === 'start') return parseWindowArgs(rest);
  if (first !== undefined && (HELP.has(first) || !first.startsWith('-'))) return { mode: 'command', argv: [...args] };
  return parseWindowArgs(args);
}

/**
 * The options of the window: those of `counter serve` (`--db PATH`, `--no-demo`; `--port N` is
 * accepted and ignored, as only the browser host listens on a port). Anything else that looks like a
 * switch is ignored rather than refused: Chromium and Electron read their own switches
 * (`--enable-logging`, `--inspect=...`, `-psn_...` from old macOS Finder launches) from this same
 * command line.
 */
export function parseWindowArgs(args: readonly string[]): Launch {
  let dbPath: string | null = null;
  let seedDemo = true;
  const ignoredSwitches: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === '--no-demo') {
      seedDemo = false;
    } else if (arg === '--port') {
      ignoredSwitches.push(`${arg} ${args[++i] ?? ''}`.trim());
    } else if (arg === '--db' || arg.startsWith('--db=')) {
      const value = arg === '--db' ? args[++i] : arg.slice('--db='.length);
      if (value === undefined || value === '' || (arg === '--db' && value.startsWith('--'))) {
        return { mode: 'invalid', message: 'option --db needs the path of the database file, e.g. --db /srv/counter/till-1.sqlite' };
      }
      if (dbPath !== null) return { mode: 'invalid', message: `option --db was given twice ("${dbPath}" and "${value}"); give one database` };
      dbPath = value;
    } else if (arg.startsWith('-')) {
      ignoredSwitches.push(arg);
    } else {
      return { mode: 'invalid', message: `unexpected argument "${arg}" at position ${i + 1}; the window takes --db PATH and --no-demo` };
    }
  }
  return { mode: 'window', dbPath, seedDemo, ignoredSwitches };
}

/**
 * The database the window opens, chosen as the CLI chooses it: `--db` (relative to where Counter
 * was started), else $COUNTER_DB, else counter.sqlite in the user's data folder.
 */
export function databasePathFor(dbPath: string | null, where: { cwd: string; userDataDir: string; env: NodeJS.ProcessEnv }): string {
  const chosen = dbPath ?? (where.env.COUNTER_DB || null);
  if (chosen === null) return resolve(where.userDataDir, 'counter.sqlite');
  return isAbsolute(chosen) ? chosen : resolve(where.cwd, chosen);
}

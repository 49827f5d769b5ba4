import { homedir } from 'node:os';
import path from 'node:path';

/**
 * Where Counter keeps its files on each OS. Every function takes the environment, platform and
 * home folder as arguments (defaulting to this process's), so tests can ask for another OS.
 */
export interface PlatformContext {
  env?: NodeJS.ProcessEnv;
  platform?: NodeJS.Platform;
  home?: string;
}

function resolveContext(context: PlatformContext): Required<PlatformContext> {
  return { env: context.env ?? process.env, platform: context.platform ?? process.platform, home: context.home ?? homedir() };
}

/** The per-user data folder: %APPDATA%\Counter, ~/Library/Application Support/Counter, $XDG_CONFIG_HOME/Counter or ~/.config/Counter. */
export function userDataFolder(context: PlatformContext = {}): string {
  const { env, platform, home } = resolveContext(context);
  if (platform === 'win32') return path.win32.join(env.APPDATA || path.win32.join(home, 'AppData', 'Roaming'), 'Counter');
  if (platform === 'darwin') return path.posix.join(home, 'Library', 'Application Support', 'Counter');
  const configHome = env.XDG_CONFIG_HOME && path.posix.isAbsolute(env.XDG_CONFIG_HOME) ? env.XDG_CONFIG_HOME : path.posix.join(home, '.config');
  return path.posix.join(configHome, 'Counter');
}

/** The database the app and the CLI use when none is named: $COUNTER_DB, else counter.sqlite in the user data folder. */
export function defaultDatabasePath(context: PlatformContext = {}): string {
  const { env, platform } = resolveContext(context);
  if (env.COUNTER_DB) return env.COUNTER_DB;
  return (platform === 'win32' ? path.win32 : path.posix).join(userDataFolder(context), 'counter.sqlite');
}

/**
 * The machine-wide configuration file IT manages: %ProgramData%\Counter\config.json,
 * /Library/Application Support/Counter/config.json or /etc/counter/config.json.
 * $COUNTER_MANAGED_CONFIG names another file (for tests and unusual installs).
 */
export function managedConfigPath(context: PlatformContext = {}): string {
  const { env, platform } = resolveContext(context);
  if (env.COUNTER_MANAGED_CONFIG) return env.COUNTER_MANAGED_CONFIG;
  if (platform === 'win32') return path.win32.join(env.ProgramData || env.PROGRAMDATA || 'C:\\ProgramData', 'Counter', 'config.json');
  if (platform === 'darwin') return '/Library/Application Support/Counter/config.json';
  return '/etc/counter/config.json';
}

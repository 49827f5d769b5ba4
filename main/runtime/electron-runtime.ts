import { existsSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

export type ElectronRuntime = { found: true; binary: string } | { found: false; reason: string };

/**
 * Finds the Electron binary that the `electron` npm package would run, without loading that
 * package: its index.js tries to download the binary when it is missing, which on a machine
 * installed with ELECTRON_SKIP_BINARY_DOWNLOAD (or offline) fails slowly and noisily. This reads
 * the same facts it reads: `path.txt` names the executable inside `dist/`, and
 * ELECTRON_OVERRIDE_DIST_PATH points at a binary folder elsewhere.
 */
export function locateElectronRuntime(options: { from: string; env?: NodeJS.ProcessEnv }): ElectronRuntime {
  const env = options.env ?? process.env;
  let packageDir: string;
  try {
    packageDir = dirname(createRequire(join(options.from, 'noop.js')).resolve('electron/package.json'));
  } catch {
    return { found: false, reason: `the electron package is not installed under ${options.from}` };
  }
  const pathFile = join(packageDir, 'path.txt');
  const executable = existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : null;
  const override = env.ELECTRON_OVERRIDE_DIST_PATH;
  if (!override && !executable) {
    return { found: false, reason: `its binary was never downloaded: ${pathFile} is missing` };
  }
  const binary = override ? join(override, executable || 'electron') : join(packageDir, 'dist', executable!);
  if (!isFile(binary)) return { found: false, reason: `its binary ${binary} is missing` };
  return { found: true, binary };
}

/** Electron started with ELECTRON_RUN_AS_NODE would run our app folder as a Node script, not as the app. */
export function electronEnv(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const { ELECTRON_RUN_AS_NODE: _runAsNode, ...rest } = env;
  return rest;
}

/** The folder of the nearest package.json above `file`: the app folder Electron is started on. */
export function packageRootOf(file: string): string {
  for (let dir = dirname(file); ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'package.json'))) return dir;
    if (dirname(dir) === dir) throw new Error(`no package.json above ${file}`);
  }
}

function isFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

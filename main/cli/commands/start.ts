import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { CommandIo } from '../io';
import { electronEnv, locateElectronRuntime, packageRootOf } from '../../runtime/electron-runtime';
import { parseWindowArgs } from '../../runtime/launch-args';

/**
 * `counter start [--db PATH]` (what `npm start` runs): the desktop app when the Electron runtime is
 * installed, otherwise the same app served to a browser, so a checkout without Electron's binary
 * still runs Counter.
 */
export async function run(args: string[], io: Pick<CommandIo, 'stdout' | 'stderr'>): Promise<number> {
  const appRoot = packageRootOf(fileURLToPath(import.meta.url));
  const runtime = locateElectronRuntime({ from: appRoot });
  if (!runtime.found) {
    io.stdout(`Counter: the Electron runtime is missing (${runtime.reason}); Counter is serving the same app in your browser instead.`);
    // Loaded only here, so launching the desktop app does not load the web server.
    const serve = await import('./serve');
    return serve.run(args, io);
  }
  const launch = parseWindowArgs(args);
  if (launch.mode === 'invalid') {
    io.stderr(`counter start: ${launch.message}`);
    return 2;
  }
  return runElectron(runtime.binary, [appRoot, ...args], io);
}

function runElectron(binary: string, args: string[], io: Pick<CommandIo, 'stderr'>): Promise<number> {
  return new Promise((resolveExit) => {
    const child = spawn(binary, args, { stdio: 'inherit', env: electronEnv(process.env), windowsHide: false });
    // Ctrl-C reaches the whole process group; this keeps us alive until Electron has closed the database.
    const forward = (signal: NodeJS.Signals) => child.kill(signal);
    const signals: NodeJS.Signals[] = ['SIGINT', 'SIGTERM'];
    for (const signal of signals) process.on(signal, forward);
    const finish = (code: number) => {
      for (const signal of signals) process.off(signal, forward);
      resolveExit(code);
    };
    child.once('error', (error) => {
      io.stderr(`counter start: could not run Electron at ${binary}: ${error.message}`);
      finish(1);
    });
    child.once('exit', (code, signal) => {
      if (code === null) io.stderr(`counter start: Electron was stopped by ${signal}`);
      finish(code ?? 1);
    });
  });
}

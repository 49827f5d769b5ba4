import { fileURLToPath } from 'node:url';
import { existsSync } from 'node:fs';
import { openCounterApp } from '../../app/open-app';
import { startBrowserHost } from '../../host/browser-host';
import { defaultDatabasePath } from '../../config/paths';
import { parseOptions, type CommandIo } from '../io';

/** The built renderer, beside the bundle this command runs from (dist/main/cli.js → dist/renderer). */
export function rendererDir(): string {
  return fileURLToPath(new URL('../renderer', import.meta.url));
}

/** `counter serve [--db PATH] [--port N] [--no-demo]`: the app for a browser, on 127.0.0.1 only. */
export async function run(args: string[], io: CommandIo): Promise<number> {
  const options = parseOptions(args, { values: ['db', 'port'], flags: ['no-demo'] });
  if ('error' in options) {
    io.stderr(`counter serve: ${options.error}\nusage: counter serve [--db PATH] [--port N] [--no-demo]`);
    return 2;
  }
  const port = Number(options.values.get('port') ?? 5174);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    io.stderr(`counter serve: --port must be a port number, not "${options.values.get('port')}"`);
    return 2;
  }
  const dir = rendererDir();
  if (!existsSync(dir)) {
    io.stderr(`counter serve: the renderer is not built (${dir} is missing). Run "npm run build" first.`);
    return 1;
  }
  const dbPath = options.values.get('db') ?? defaultDatabasePath();
  const app = await openCounterApp({ dbPath, seedDemo: !options.flags.has('no-demo'), devices: true });
  let host;
  try {
    host = await startBrowserHost(app, { rendererDir: dir, port });
  } catch (error) {
    app.close();
    const inUse = (error as { code?: string }).code === 'EADDRINUSE';
    io.stderr(`counter serve: ${inUse ? `port ${port} on 127.0.0.1 is in use (another Counter?); choose another with --port` : String(error)}`);
    return 1;
  }
  io.stdout(`Counter is serving on ${host.url} (database ${dbPath})`);
  await new Promise<void>((resolve) => {
    const stop = () => resolve();
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  await host.close();
  app.close();
  return 0;
}

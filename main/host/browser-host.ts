import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { WebSocketServer, type WebSocket } from 'ws';
import type { AddressInfo } from 'node:net';
import { ContractError, type CounterApp } from '../app/counter-app';
import { RENDERER_CSP } from '../../shared/security';

export const CONTRACT_PATH = '/contract';

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.wav': 'audio/wav',
  '.map': 'application/json',
  '.json': 'application/json',
  '.woff2': 'font/woff2',
};

export interface BrowserHost {
  url: string;
  port: number;
  close(): Promise<void>;
}

/**
 * Serves the built renderer and the contract over a WebSocket, on 127.0.0.1 only. Requests go
 * through `app.handle`, the same path as Electron's IPC. The socket accepts only pages this host
 * served (Origin check), so another web page open in the same browser cannot drive the till.
 */
export async function startBrowserHost(app: CounterApp, options: { rendererDir: string; port?: number }): Promise<BrowserHost> {
  const root = resolve(options.rendererDir);
  let origin = '';
  const server = createServer((req, res) => {
    serveStatic(root, req, res).catch((error: unknown) => {
      res.writeHead(500, { 'content-type': 'text/plain' }).end(`Counter could not serve ${req.url}: ${String(error)}`);
    });
  });
  const sockets = new WebSocketServer({
    server,
    path: CONTRACT_PATH,
    maxPayload: 1 << 20,
    verifyClient: ({ origin: requestOrigin }: { origin: string }) => requestOrigin === origin,
  });
  sockets.on('connection', (socket) => connect(app, socket));
  // ws repeats the server's errors (a port in use, say); the listen below reports them to the caller.
  sockets.on('error', () => {});

  await new Promise<void>((resolvePromise, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolvePromise());
  });
  const port = (server.address() as AddressInfo).port;
  origin = `http://127.0.0.1:${port}`;
  return {
    url: `${origin}/`,
    port,
    close: () =>
      new Promise<void>((resolveClose) => {
        for (const client of sockets.clients) client.terminate();
        sockets.close();
        server.close(() => resolveClose());
        server.closeAllConnections();
      }),
  };
}

function connect(app: CounterApp, socket: WebSocket): void {
  const unsubscribe = app.subscribe((event, payload) => {
    if (socket.readyState === socket.OPEN) socket.send(JSON.stringify({ event, payload }));
  });
  socket.on('close', unsubscribe);
  // An oversized or broken frame fails this socket alone (ws closes it with 1009 or 1002); the till goes on.
  socket.on('error', () => socket.terminate());
  socket.on('message', async (raw) => {
    let id: unknown = null;
    try {
      let message: unknown;
      try {
        message = JSON.parse(String(raw));
      } catch {
        throw new ContractError('(none)', 'the message is not JSON');
      }
      if (message === null || typeof message !== 'object' || Array.isArray(message)) {
        throw new ContractError('(none)', 'the message must be an object {id, name, input}');
      }
      const { name, input } = message as { id?: unknown; name?: unknown; input?: unknown };
      id = (message as { id?: unknown }).id ?? null;
      if (typeof name !== 'string') throw new ContractError('(none)', 'the message names no request ("name" is missing)');
      const output = await app.handle(name, input);
      socket.send(JSON.stringify({ id, ok: true, output }));
    } catch (error) {
      const text = error instanceof ContractError ? error.message : `Counter failed: ${error instanceof Error ? error.message : String(error)}`;
      socket.send(JSON.stringify({ id, ok: false, error: text }));
    }
  });
}

async function serveStatic(root: string, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const url = new URL(req.url ?? '/', 'http://127.0.0.1');
  let pathname: string;
  try {
    pathname = decodeURIComponent(url.pathname);
  } catch {
    res.writeHead(400, { 'content-type': 'text/plain' }).end(`Bad request: ${url.pathname} is not a valid address.`);
    return;
  }
  const relative = normalize(pathname).replace(/^([/\\])+/, '');
  let file = join(root, relative === '' ? 'index.html' : relative);
  if (file !== root && !file.startsWith(root + sep)) {
    res.writeHead(403).end();
    return;
  }
  const info = await stat(file).catch(() => null);
  if (!info || info.isDirectory()) file = join(root, 'index.html');
  const body = await readFile(file).catch(() => null);
  if (!body) {
    res.writeHead(404, { 'content-type': 'text/plain' }).end(`Not found: ${url.pathname}. Run "npm run build" first.`);
    return;
  }
  res.writeHead(200, {
    'content-type': CONTENT_TYPES[extname(file)] ?? 'application/octet-stream',
    'content-security-policy': RENDERER_CSP,
    'x-content-type-options': 'nosniff',
    'cache-control': 'no-store',
  });
  res.end(body);
}

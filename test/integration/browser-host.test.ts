import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { openCounterApp } from '../../main/app/open-app';
import { startBrowserHost, type BrowserHost } from '../../main/host/browser-host';
import type { CounterApp } from '../../main/app/counter-app';
import { tempDbPath, tempDir } from '../support/temp';

let app: CounterApp;
let host: BrowserHost;

afterEach(async () => {
  await host?.close();
  app?.close();
});

async function start(): Promise<void> {
  const dbPath = tempDbPath();
  app = await openCounterApp({ dbPath, managedConfigPath: `${dbPath}.managed.json` });
  const rendererDir = tempDir();
  writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>Counter</title>');
  host = await startBrowserHost(app, { rendererDir, port: 0 });
}

function connect(origin = `http://127.0.0.1:${host.port}`): Promise<WebSocket> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(`ws://127.0.0.1:${host.port}/contract`, { headers: { Origin: origin } });
    socket.once('open', () => resolve(socket));
    socket.once('error', reject);
  });
}

function reply(socket: WebSocket, raw: string): Promise<{ id: unknown; ok: boolean; output?: unknown; error?: string }> {
  return new Promise((resolve) => {
    const onMessage = (data: WebSocket.RawData) => {
      const message = JSON.parse(String(data));
      if ('event' in message) return;
      socket.off('message', onMessage);
      resolve(message);
    };
    socket.on('message', onMessage);
    socket.send(raw);
  });
}

describe('the browser host', () => {
  it('answers requests through the contract, and names what is wrong with a bad message', async () => {
    await start();
    const socket = await connect();
    expect(await reply(socket, JSON.stringify({ id: 1, name: 'getState', input: {} }))).toMatchObject({ id: 1, ok: true });
    expect(await reply(socket, 'not json')).toMatchObject({ ok: false, error: expect.stringMatching(/not JSON/) });
    expect(await reply(socket, 'null')).toMatchObject({ ok: false, error: expect.stringMatching(/must be an object/) });
    expect(await reply(socket, JSON.stringify({ id: 2 }))).toMatchObject({ id: 2, ok: false, error: expect.stringMatching(/"name" is missing/) });
    expect(await reply(socket, JSON.stringify({ id: 3, name: 'setQuantity', input: { lineId: -1, quantity: 1 } }))).toMatchObject({
      id: 3,
      ok: false,
      error: expect.stringMatching(/setQuantity.*lineId/),
    });
    socket.close();
  });

  it('refuses a socket from another origin, so no other web page can drive the till', async () => {
    await start();
    await expect(connect('http://evil.example')).rejects.toThrow(/401/);
  });

  it('closes only the socket that sends an oversized message, and goes on serving', async () => {
    await start();
    const greedy = await connect();
    const closed = new Promise<number>((resolve) => greedy.once('close', (code) => resolve(code)));
    greedy.on('error', () => {});
    greedy.send('x'.repeat(1_100_000));
    expect(await closed).toBeGreaterThan(1000);
    const next = await connect();
    expect(await reply(next, JSON.stringify({ id: 1, name: 'getState', input: {} }))).toMatchObject({ ok: true });
    next.close();
  });

  it('serves only its own files: a broken address is a 400, a path outside its folder gets the app', async () => {
    await start();
    expect((await fetch(`${host.url}%`)).status).toBe(400);
    const outside = await fetch(`${host.url}..%2f..%2f..%2fetc%2fpasswd`);
    expect(await outside.text()).toContain('<title>Counter</title>');
  });

  it('reports a port in use to its caller instead of crashing', async () => {
    await start();
    const rendererDir = tempDir();
    await expect(startBrowserHost(app, { rendererDir, port: host.port })).rejects.toMatchObject({ code: 'EADDRINUSE' });
    const socket = await connect();
    expect(await reply(socket, JSON.stringify({ id: 1, name: 'getState', input: {} }))).toMatchObject({ ok: true });
    socket.close();
  });
});

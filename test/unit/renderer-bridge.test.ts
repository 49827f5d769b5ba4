import { afterEach, describe, expect, it } from 'vitest';
import { WebSocketServer, type WebSocket as PeerSocket } from 'ws';
import type { AddressInfo } from 'node:net';
import type { AppState } from '../../shared/contract';
import { WebSocketBridge, type ConnectionState } from '../../renderer/src/bridge';

/** A contract peer on a real socket that answers as the test tells it to. */
class Peer {
  readonly server: WebSocketServer;
  readonly received: { id: number; name: string; input: unknown }[] = [];
  sockets: PeerSocket[] = [];
  answer: (message: { id: number; name: string; input: unknown }, socket: PeerSocket) => void = () => {};

  constructor(port = 0) {
    this.server = new WebSocketServer({ host: '127.0.0.1', port, path: '/contract' });
    this.server.on('connection', (socket) => {
      this.sockets.push(socket);
      socket.on('message', (raw) => {
        const message = JSON.parse(String(raw));
        this.received.push(message);
        this.answer(message, socket);
      });
    });
  }

  async listening(): Promise<string> {
    if (!this.server.address()) await new Promise((resolve) => this.server.once('listening', resolve));
    return `ws://127.0.0.1:${(this.server.address() as AddressInfo).port}/contract`;
  }

  push(event: string, payload: unknown): void {
    for (const socket of this.sockets) socket.send(JSON.stringify({ event, payload }));
  }

  async close(): Promise<void> {
    for (const socket of this.sockets) socket.terminate();
    await new Promise((resolve) => this.server.close(resolve));
  }
}

const state: AppState = {
  sale: { saleId: 1, currency: 'USD', lines: [], awaitingSerialLineId: null, total: 0, parked: [], lastReceipt: null },
  feedback: { seq: 3, ok: false, message: 'No product has this barcode.', code: 'UNKNOWN_BARCODE' },
};

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function setUp(options: ConstructorParameters<typeof WebSocketBridge>[1] = {}) {
  const peer = new Peer();
  const url = await peer.listening();
  const bridge = new WebSocketBridge(url, { reconnectDelaysMs: [20], ...options });
  cleanups.push(() => peer.close(), () => bridge.dispose());
  return { peer, bridge, url };
}

function waitForConnection(bridge: WebSocketBridge, wanted: ConnectionState): Promise<void> {
  if (bridge.connection() === wanted) return Promise.resolve();
  return new Promise((resolve) => {
    const off = bridge.onConnection((next) => {
      if (next === wanted) {
        off();
        resolve();
      }
    });
  });
}

describe('WebSocketBridge', () => {
  it('sends {id, name, input} and resolves with the output the contract allows', async () => {
    const { peer, bridge } = await setUp();
    peer.answer = (message, socket) => socket.send(JSON.stringify({ id: message.id, ok: true, output: { ok: true, message: 'Added.' } }));

    // Sent before the socket is open: it waits for the connection instead of failing.
    const result = await bridge.api.request('scan', { data: '0614141000012' });

    expect(result).toEqual({ ok: true, message: 'Added.' });
    expect(peer.received).toEqual([{ id: 1, name: 'scan', input: { data: '0614141000012' } }]);
  });

  it('rejects with the error text the host gave', async () => {
    const { peer, bridge } = await setUp();
    peer.answer = (message, socket) => socket.send(JSON.stringify({ id: message.id, ok: false, error: 'Request "scan" was refused: data: Too small' }));
    await expect(bridge.api.request('scan', { data: 'x' })).rejects.toThrow('Request "scan" was refused: data: Too small');
  });

  it('rejects an answer that breaks the contract, naming the field', async () => {
    const { peer, bridge } = await setUp();
    peer.answer = (message, socket) => socket.send(JSON.stringify({ id: message.id, ok: true, output: { sale: { saleId: 'one' }, feedback: null } }));
    await expect(bridge.api.request('getState', {})).rejects.toThrow(/answered "getState" with data the contract does not allow: sale\.saleId/);
  });

  it('delivers pushed events that match the contract and drops the rest', async () => {
    const { peer, bridge } = await setUp();
    await waitForConnection(bridge, 'open');
    const seen: AppState[] = [];
    const off = bridge.api.on('state', (payload) => seen.push(payload));
    const typed: string[] = [];
    bridge.api.on('typed', ({ text }) => typed.push(text));
    peer.answer = (message, socket) => socket.send(JSON.stringify({ id: message.id, ok: true, output: {} }));

    peer.push('state', { sale: null });
    peer.push('state', state);
    peer.push('typed', { text: 'ab' });
    peer.push('no-such-event', {});
    // An answer after the pushes: when it arrives, the pushes before it have been handled.
    await bridge.api.request('keys', { events: [], focus: 'none' });
    off();
    peer.push('state', state);
    await bridge.api.request('keys', { events: [], focus: 'none' });

    expect(seen).toEqual([state]);
    expect(typed).toEqual(['ab']);
  });

  it('fails requests in flight when the connection drops, then reconnects', async () => {
    const { peer, bridge } = await setUp();
    await waitForConnection(bridge, 'open');
    const states: ConnectionState[] = [];
    bridge.onConnection((next) => states.push(next));
    peer.answer = (message, socket) => {
      if (message.name === 'complete') socket.terminate();
      else socket.send(JSON.stringify({ id: message.id, ok: true, output: state }));
    };

    await expect(bridge.api.request('complete', { tender: 'card' })).rejects.toThrow(
      'Counter could not finish "complete": the connection to the till service dropped. Check the screen before trying again.',
    );
    await waitForConnection(bridge, 'open');
    expect(states).toEqual(['closed', 'connecting', 'open']);
    await expect(bridge.api.request('getState', {})).resolves.toEqual(state);
    // Nothing was sent again behind the cashier's back.
    expect(peer.received.filter((message) => message.name === 'complete')).toHaveLength(1);
  });

  it('keeps trying while the host is down and connects once it is back', async () => {
    const { peer, bridge, url } = await setUp();
    await waitForConnection(bridge, 'open');
    const port = Number(new URL(url).port);
    await peer.close();
    await waitForConnection(bridge, 'closed');
    await expect(bridge.api.request('getState', {})).rejects.toThrow(/could not finish "getState"/);

    const revived = new Peer(port);
    cleanups.push(() => revived.close());
    revived.answer = (message, socket) => socket.send(JSON.stringify({ id: message.id, ok: true, output: state }));
    await waitForConnection(bridge, 'open');
    await expect(bridge.api.request('getState', {})).resolves.toEqual(state);
  });

  it('fails a request the host never answers after the timeout', async () => {
    const { bridge } = await setUp({ requestTimeoutMs: 50 });
    await expect(bridge.api.request('getState', {})).rejects.toThrow('Counter got no answer to "getState" from the till service within 0.05 s.');
  });

  it('refuses requests once disposed', async () => {
    const { bridge } = await setUp();
    bridge.dispose();
    await expect(bridge.api.request('getState', {})).rejects.toThrow('the connection to the till service is closed');
  });
});

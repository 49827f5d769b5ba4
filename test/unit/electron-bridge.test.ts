import { EventEmitter } from 'node:events';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { CounterApp, KeyReader } from '../../main/app/counter-app';
import { openCounterApp } from '../../main/app/open-app';
import { IPC_FOCUS_CHANNEL, type Focus } from '../../main/runtime/focus';
import { IPC_EVENT_CHANNEL, IPC_REQUEST_CHANNEL, type KeyInput } from '../../shared/contract';
import { tempDbPath } from '../support/temp';

/**
 * connectWindow against a real CounterApp on a real SQLite file. Electron's binary cannot run
 * here, so ipcMain and the window are stand-ins that record what the bridge does with them.
 */

type Listener = (...args: any[]) => any;
const ipc = vi.hoisted(() => ({ handlers: new Map<string, Listener>(), listeners: new Map<string, Listener[]>() }));
vi.mock('electron', () => ({
  ipcMain: {
    handle: (channel: string, handler: Listener) => {
      if (ipc.handlers.has(channel)) throw new Error(`a second handler for ${channel}`);
      ipc.handlers.set(channel, handler);
    },
    removeHandler: (channel: string) => ipc.handlers.delete(channel),
    on: (channel: string, listener: Listener) => ipc.listeners.set(channel, [...(ipc.listeners.get(channel) ?? []), listener]),
    off: (channel: string, listener: Listener) => ipc.listeners.set(channel, (ipc.listeners.get(channel) ?? []).filter((l) => l !== listener)),
  },
}));
const { connectWindow } = await import('../../main/electron/bridge');

class FakeContents extends EventEmitter {
  readonly id = 7;
  url = 'app://counter/index.html';
  readonly sent: unknown[][] = [];
  getURL() {
    return this.url;
  }
  send(...args: unknown[]) {
    this.sent.push(args);
  }
}

/** Blocks digits, as the wedge reader holds a scanner burst, and records the focus it was given. */
class RecordingReader implements KeyReader {
  readonly fed: { key: string; focus: Focus }[] = [];
  feed(event: KeyInput, focus: Focus) {
    this.fed.push({ key: event.key, focus });
    return { block: /^\d$/.test(event.key) };
  }
  // In Electron main reads the keys itself, so no page clock ever arrives.
  advanceTo() {
    throw new Error('Electron keys must not advance a page clock');
  }
  dispose() {}
}

let counter: CounterApp;
let contents: FakeContents;
let reader: RecordingReader;
let disconnect: () => void;
let destroyed = false;

const mainFrame = (url = contents.url) => ({ url, parent: null, isDestroyed: () => false });
const ourSender = () => ({ sender: { id: contents.id }, senderFrame: mainFrame() });
const request = (event: unknown, name: unknown, input?: unknown) => ipc.handlers.get(IPC_REQUEST_CHANNEL)!(event, name, input);
const reportFocus = (event: unknown, value: unknown) => {
  for (const listener of ipc.listeners.get(IPC_FOCUS_CHANNEL) ?? []) listener(event, value);
};
const key = (keyName: string) => {
  const event = { preventDefault: vi.fn() };
  contents.emit('before-input-event', event, { type: 'keyDown', key: keyName, code: '', shift: false, control: false, alt: false, meta: false, isAutoRepeat: false, isComposing: false, location: 0, modifiers: [] });
  return event.preventDefault.mock.calls.length > 0;
};

beforeEach(async () => {
  const dbPath = tempDbPath();
  counter = await openCounterApp({ dbPath, managedConfigPath: `${dbPath}.no-managed.json` });
  reader = new RecordingReader();
  counter.attachKeyReader(reader);
  contents = new FakeContents();
  destroyed = false;
  const window = { webContents: contents, isDestroyed: () => destroyed };
  disconnect = connectWindow(counter, window as never);
});

afterEach(() => {
  disconnect();
  counter.close();
});

describe('requests', () => {
  it("answers our page's requests through the contract", async () => {
    const reply = await request(ourSender(), 'getState', {});
    expect(reply).toMatchObject({ ok: true, output: { sale: { lines: [] }, feedback: null } });
  });

  it("passes the contract's refusal of bad input on as a message", async () => {
    expect(await request(ourSender(), 'scan', { data: 42 })).toEqual({ ok: false, error: expect.stringMatching(/^Request "scan" was refused: data: /) });
    expect(await request(ourSender(), 'formatDisk', {})).toEqual({ ok: false, error: 'Request "formatDisk" was refused: no such request' });
    expect(await request(ourSender(), { name: 'getState' }, {})).toEqual({ ok: false, error: 'Counter refused a request that names no request' });
  });

  it('refuses other senders before the app sees the request', async () => {
    const handle = vi.spyOn(counter, 'handle');
    const strangers = [
      { sender: { id: 8 }, senderFrame: mainFrame() },
      { sender: { id: contents.id }, senderFrame: { url: contents.url, parent: mainFrame(), isDestroyed: () => false } },
      { sender: { id: contents.id }, senderFrame: mainFrame('https://example.com/') },
      { sender: { id: contents.id }, senderFrame: null },
    ];
    for (const stranger of strangers) expect(await request(stranger, 'getState', {})).toEqual({ ok: false, error: expect.stringMatching(/^Counter refused a request: /) });
    destroyed = true;
    expect(await request(ourSender(), 'getState', {})).toEqual({ ok: false, error: "Counter refused a request: the sender is not Counter's window" });
    expect(handle).not.toHaveBeenCalled();
  });
});

describe('keys and focus', () => {
  it('blocks the keys the reader holds and lets the others through', () => {
    expect(key('4')).toBe(true);
    expect(key('a')).toBe(false);
    expect(reader.fed.map((f) => f.key)).toEqual(['4', 'a']);
  });

  it("gives the reader the focus our page last reported, and ignores anyone else's reports", () => {
    key('1');
    reportFocus(ourSender(), 'text');
    key('2');
    reportFocus({ sender: { id: 8 }, senderFrame: mainFrame() }, 'none');
    reportFocus(ourSender(), 'bogus');
    key('3');
    contents.emit('did-navigate');
    key('4');
    expect(reader.fed.map((f) => f.focus)).toEqual(['none', 'text', 'text', 'none']);
  });

  it('lets keys through when the reader fails', () => {
    vi.spyOn(reader, 'feed').mockImplementation(() => {
      throw new Error('reader bug');
    });
    vi.spyOn(console, 'error').mockImplementation(() => {});
    expect(key('5')).toBe(false);
  });
});

describe('events', () => {
  it('sends state and released typing to the page as contract events', async () => {
    await request(ourSender(), 'newSale', {});
    counter.emit('typed', { text: 'A1B2\n' });
    expect(contents.sent).toEqual([
      [IPC_EVENT_CHANNEL, 'state', expect.objectContaining({ feedback: expect.objectContaining({ ok: true }) })],
      [IPC_EVENT_CHANNEL, 'typed', { text: 'A1B2\n' }],
    ]);
  });

  it('sends nothing to a page that is not ours, or after disconnecting', async () => {
    const sender = ourSender();
    contents.url = 'https://example.com/';
    counter.emit('typed', { text: 'x' });
    expect(await request(sender, 'newSale', {})).toMatchObject({ ok: true });
    contents.url = 'app://counter/index.html';
    disconnect();
    counter.emit('typed', { text: 'y' });
    expect(contents.sent).toEqual([]);
    expect(ipc.handlers.has(IPC_REQUEST_CHANNEL)).toBe(false);
    expect(ipc.listeners.get(IPC_FOCUS_CHANNEL)).toEqual([]);
    disconnect = () => {};
  });
});

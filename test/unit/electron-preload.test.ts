import { build } from 'esbuild';
import { join } from 'node:path';
import { runInNewContext } from 'node:vm';
import { beforeAll, describe, expect, it } from 'vitest';
import { IPC_EVENT_CHANNEL, IPC_REQUEST_CHANNEL } from '../../shared/contract';
import { IPC_FOCUS_CHANNEL } from '../../main/runtime/focus';
import { repoRoot } from '../support/temp';

/**
 * The preload exactly as it ships: bundled as scripts/build.mjs bundles it, then run the way a
 * sandboxed preload runs, with a `require` that knows nothing but 'electron'. Electron itself
 * cannot run here, so a stand-in records what the preload asks of contextBridge and ipcRenderer.
 */

let bundle = '';
beforeAll(async () => {
  const result = await build({
    entryPoints: [join(repoRoot, 'main/electron/preload.ts')],
    bundle: true,
    platform: 'node',
    target: 'node24',
    format: 'cjs',
    external: ['electron'],
    write: false,
    logLevel: 'silent',
  });
  bundle = result.outputFiles[0]!.text;
});

type Handler = (...args: any[]) => void;

class FakeElement {
  constructor(
    readonly tagName: string,
    readonly props: { type?: string; readOnly?: boolean; disabled?: boolean; isContentEditable?: boolean } = {},
  ) {
    Object.assign(this, { isContentEditable: false, ...props });
  }
}

function loadPreload(reply: (channel: string, ...args: unknown[]) => unknown = () => ({ ok: true, output: null })) {
  const exposed = new Map<string, any>();
  const invoked: unknown[][] = [];
  const sent: unknown[][] = [];
  const ipcListeners = new Map<string, Handler[]>();
  const windowListeners = new Map<string, Handler[]>();
  const electron = {
    contextBridge: { exposeInMainWorld: (key: string, api: unknown) => exposed.set(key, api) },
    ipcRenderer: {
      invoke: async (channel: string, ...args: unknown[]) => {
        invoked.push([channel, ...args]);
        return reply(channel, ...args);
      },
      send: (channel: string, ...args: unknown[]) => sent.push([channel, ...args]),
      on: (channel: string, listener: Handler) => ipcListeners.set(channel, [...(ipcListeners.get(channel) ?? []), listener]),
    },
  };
  const document = { activeElement: null as FakeElement | null };
  const window = { addEventListener: (type: string, listener: Handler) => windowListeners.set(type, [...(windowListeners.get(type) ?? []), listener]) };
  const required: string[] = [];
  const sandbox = {
    require: (id: string) => {
      required.push(id);
      if (id === 'electron') return electron;
      throw new Error(`a sandboxed preload cannot require "${id}"`);
    },
    module: { exports: {} },
    exports: {},
    window,
    document,
    HTMLElement: FakeElement,
    console,
  };
  runInNewContext(bundle, sandbox);
  const fire = (type: string, event: unknown) => {
    for (const listener of windowListeners.get(type) ?? []) listener(event);
  };
  const emit = (...args: unknown[]) => {
    for (const listener of ipcListeners.get(IPC_EVENT_CHANNEL) ?? []) listener({ sender: 'the IPC event object' }, ...args);
  };
  return { exposed, invoked, sent, ipcListeners, fire, emit, document, required };
}

describe('preload bundle', () => {
  it('requires nothing but electron', () => {
    const requires = new Set([...bundle.matchAll(/\brequire\(\s*["'`]([^"'`]+)["'`]\s*\)/g)].map((m) => m[1]));
    expect(requires).toEqual(new Set(['electron']));
    expect(loadPreload().required).toEqual(['electron']);
  });

  it('exposes window.counter with exactly request and on, and nothing of ipcRenderer', () => {
    const { exposed } = loadPreload();
    expect([...exposed.keys()]).toEqual(['counter']);
    const api = exposed.get('counter');
    expect(Object.keys(api).sort()).toEqual(['on', 'request']);
    expect(Object.values(api).every((value) => typeof value === 'function')).toBe(true);
  });
});

describe('window.counter.request', () => {
  it('invokes the request channel with the name and input and gives back the output', async () => {
    const { exposed, invoked } = loadPreload(() => ({ ok: true, output: { sale: 'view' } }));
    await expect(exposed.get('counter').request('scan', { data: '0614141000012' })).resolves.toEqual({ sale: 'view' });
    expect(invoked).toEqual([[IPC_REQUEST_CHANNEL, 'scan', { data: '0614141000012' }]]);
  });

  it('refuses a name outside the contract without sending anything', async () => {
    const { exposed, invoked } = loadPreload();
    await expect(exposed.get('counter').request('dropTables', {})).rejects.toThrow('Counter has no request named "dropTables"');
    await expect(exposed.get('counter').request('hasOwnProperty', {})).rejects.toThrow('no request named');
    expect(invoked).toEqual([]);
  });

  it("rejects with main's message when main refuses", async () => {
    const { exposed } = loadPreload(() => ({ ok: false, error: 'Request "scan" was refused: data: Too small' }));
    await expect(exposed.get('counter').request('scan', { data: '' })).rejects.toThrow('Request "scan" was refused: data: Too small');
  });
});

describe('window.counter.on', () => {
  it('calls the listener with the payload of its own event only, until unsubscribed', () => {
    const { exposed, emit } = loadPreload();
    const states: unknown[][] = [];
    const unsubscribe = exposed.get('counter').on('state', (...args: unknown[]) => states.push(args));
    emit('state', { n: 1 });
    emit('typed', { text: 'abc' });
    emit('state', { n: 2 });
    unsubscribe();
    emit('state', { n: 3 });
    expect(states).toEqual([[{ n: 1 }], [{ n: 2 }]]);
  });

  it('adds one IPC listener however many subscriptions there are', () => {
    const { exposed, ipcListeners } = loadPreload();
    for (let i = 0; i < 20; i++) exposed.get('counter').on('state', () => {});
    expect(ipcListeners.get(IPC_EVENT_CHANNEL)).toHaveLength(1);
  });

  it('refuses unknown events and non-function listeners', () => {
    const { exposed } = loadPreload();
    expect(() => exposed.get('counter').on('everything', () => {})).toThrow('Counter has no event named "everything"');
    expect(() => exposed.get('counter').on('state', 'not a function')).toThrow('needs a function');
  });
});

describe('focus reports', () => {
  it('tells main when a text field gains or loses focus, once per change', () => {
    const { fire, sent, document } = loadPreload();
    const field = new FakeElement('INPUT', { type: 'text' });
    const button = new FakeElement('BUTTON', { type: 'button' });
    fire('focusin', { target: field });
    fire('focusin', { target: field });
    fire('focusout', { target: field, relatedTarget: button });
    fire('focusin', { target: button });
    fire('focusin', { target: new FakeElement('TEXTAREA') });
    fire('focusout', { target: field, relatedTarget: null });
    document.activeElement = field;
    fire('keydown', {});
    expect(sent).toEqual([
      [IPC_FOCUS_CHANNEL, 'text'],
      [IPC_FOCUS_CHANNEL, 'none'],
      [IPC_FOCUS_CHANNEL, 'text'],
      [IPC_FOCUS_CHANNEL, 'none'],
      [IPC_FOCUS_CHANNEL, 'text'],
    ]);
  });

  it('reports the focus of a fresh page once it has loaded', () => {
    const { fire, sent } = loadPreload();
    fire('DOMContentLoaded', {});
    expect(sent).toEqual([[IPC_FOCUS_CHANNEL, 'none']]);
  });
});

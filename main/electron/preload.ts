import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { events, IPC_EVENT_CHANNEL, IPC_REQUEST_CHANNEL, requests, type CounterApi } from '../../shared/contract';
import { focusOf, IPC_FOCUS_CHANNEL, type Focus } from '../runtime/focus';
import { unwrapReply } from '../runtime/request-reply';

/**
 * The page's only way to main: `window.counter`, exactly the contract's CounterApi. Neither
 * ipcRenderer nor an IPC event object ever reaches the page, and names outside the contract are
 * refused here before anything is sent (main validates the inputs again in any case).
 */

type Listener = (payload: unknown) => void;
const listeners = new Map<string, Set<Listener>>();

// One IPC listener for all subscriptions, so many `on` calls add no ipcRenderer listeners.
ipcRenderer.on(IPC_EVENT_CHANNEL, (_event: IpcRendererEvent, name: unknown, payload: unknown) => {
  if (typeof name !== 'string') return;
  for (const listener of listeners.get(name) ?? []) {
    try {
      listener(payload);
    } catch (error) {
      console.error(`Counter: a listener of "${name}" failed`, error);
    }
  }
});

const api: CounterApi = {
  async request(name, input) {
    if (typeof name !== 'string' || !Object.hasOwn(requests, name)) throw new Error(`Counter has no request named "${String(name)}"`);
    return unwrapReply(name, await ipcRenderer.invoke(IPC_REQUEST_CHANNEL, name, input)) as never;
  },
  on(name, listener) {
    if (typeof name !== 'string' || !Object.hasOwn(events, name)) throw new Error(`Counter has no event named "${String(name)}"`);
    if (typeof listener !== 'function') throw new Error(`Counter needs a function to call on "${name}"`);
    const forName = listeners.get(name) ?? new Set<Listener>();
    listeners.set(name, forName);
    const entry = listener as Listener;
    forName.add(entry);
    return () => {
      forName.delete(entry);
    };
  },
};

contextBridge.exposeInMainWorld('counter', api);

// Focus reports for the keyboard-wedge reader (see connectWindow in bridge.ts for why here).
let reportedFocus: Focus | null = null;
function reportFocus(target: EventTarget | null): void {
  const focus = focusOf(target instanceof HTMLElement ? describe(target) : null);
  if (focus === reportedFocus) return;
  reportedFocus = focus;
  ipcRenderer.send(IPC_FOCUS_CHANNEL, focus);
}

function describe(element: HTMLElement) {
  const field = element as Partial<HTMLInputElement>;
  return { tagName: element.tagName, type: field.type, readOnly: field.readOnly, disabled: field.disabled, isContentEditable: element.isContentEditable };
}

window.addEventListener('focusin', (event) => reportFocus(event.target), true);
window.addEventListener('focusout', (event) => reportFocus(event.relatedTarget), true);
window.addEventListener('keydown', () => reportFocus(document.activeElement), true);
window.addEventListener('DOMContentLoaded', () => reportFocus(document.activeElement));

import { ipcMain, type BrowserWindow, type IpcMainEvent, type IpcMainInvokeEvent } from 'electron';
import { IPC_EVENT_CHANNEL, IPC_REQUEST_CHANNEL } from '../../shared/contract';
import { ContractError, type CounterApp } from '../app/counter-app';
import { isAppUrl } from '../runtime/app-protocol';
import { IPC_FOCUS_CHANNEL, parseFocusReport, type Focus } from '../runtime/focus';
import { toKeyInput } from '../runtime/key-input';
import { replyTo, type RequestReply } from '../runtime/request-reply';
import { checkSender, type SenderVerdict } from '../runtime/sender-check';

/**
 * Connects one window to the app: the contract's requests over IPC, the app's events back to the
 * page, and the window's keys to the keyboard-wedge reader. Returns the disconnect.
 *
 * Focus: the wedge reader must know, at each key, whether a text field has focus, and main cannot
 * ask the page synchronously from before-input-event. So the preload reports every focus change
 * (focusin/focusout, and again at each keydown in case a focused field vanished without a
 * focusout) on IPC_FOCUS_CHANNEL, and main keeps the last report. IPC messages from one page keep
 * their order, and a focus change is a click or a Tab that comes well before the next scanner
 * burst, so the report is in place when the keys arrive. Until the first report, and after every
 * page load or renderer crash, focus is 'none': the safe side, where held keys are never typed.
 */
export function connectWindow(counter: CounterApp, window: BrowserWindow): () => void {
  const contents = window.webContents;
  let focus: Focus = 'none';

  const verdictFor = (event: IpcMainInvokeEvent | IpcMainEvent): SenderVerdict => {
    const frame = event.senderFrame;
    return checkSender({
      senderId: event.sender.id,
      windowId: window.isDestroyed() ? null : contents.id,
      frameUrl: frame && !frame.isDestroyed() ? frame.url : null,
      isMainFrame: frame !== null && frame.parent === null,
    });
  };

  ipcMain.handle(IPC_REQUEST_CHANNEL, (event, name: unknown, input: unknown): Promise<RequestReply> | RequestReply => {
    const verdict = verdictFor(event);
    if (!verdict.ok) return { ok: false, error: `Counter refused a request: ${verdict.reason}` };
    if (typeof name !== 'string') return { ok: false, error: 'Counter refused a request that names no request' };
    return replyTo(name, () => counter.handle(name, input), (error) => error instanceof ContractError);
  });

  const onFocusReport = (event: IpcMainEvent, value: unknown) => {
    const reported = parseFocusReport(value);
    if (reported !== null && verdictFor(event).ok) focus = reported;
  };
  ipcMain.on(IPC_FOCUS_CHANNEL, onFocusReport);
  const resetFocus = () => {
    focus = 'none';
  };
  contents.on('did-navigate', resetFocus);
  contents.on('render-process-gone', resetFocus);

  contents.on('before-input-event', (event, input) => {
    const key = toKeyInput(input, performance.now());
    if (!key) return;
    try {
      if (counter.feedKey(key, focus).block) event.preventDefault();
    } catch (error) {
      // A fault in the reader must not swallow the keyboard: the key goes through as typed.
      console.error('Counter: the keyboard-wedge reader failed on a key', error);
    }
  });

  // Every event goes to the page, `typed` included: the page puts released typing into the focused
  // field as it does under the browser host. webContents.insertText cannot: the text carries held
  // Enter and Tab keys as "\n" and "\t", which must act as keys (submit a form), not be inserted;
  // and replaying them with sendInputEvent would feed them to the wedge reader once more.
  const showsOurPage = () => !window.isDestroyed() && isAppUrl(contents.getURL());
  const unsubscribe = counter.subscribe((name, payload) => {
    if (showsOurPage()) contents.send(IPC_EVENT_CHANNEL, name, payload);
  });

  return () => {
    unsubscribe();
    ipcMain.removeHandler(IPC_REQUEST_CHANNEL);
    ipcMain.off(IPC_FOCUS_CHANNEL, onFocusReport);
  };
}

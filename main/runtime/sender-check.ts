import { isAppUrl } from './app-protocol';

/** What Electron tells about who sent an IPC message, reduced to plain values. */
export interface SenderFacts {
  /** The webContents the message came from. */
  senderId: number;
  /** Our window's webContents, or null once it is gone. */
  windowId: number | null;
  /** The sending frame's URL, or null when the frame was already navigated away or destroyed. */
  frameUrl: string | null;
  /** Whether the sending frame is the top frame of its page (not an iframe). */
  isMainFrame: boolean;
}

export type SenderVerdict = { ok: true } | { ok: false; reason: string };

/**
 * Only the main frame of our own window, showing our own page, may drive the till. An iframe, a
 * page that somehow navigated elsewhere, or any other webContents is refused.
 */
export function checkSender(facts: SenderFacts): SenderVerdict {
  if (facts.windowId === null || facts.senderId !== facts.windowId) return { ok: false, reason: "the sender is not Counter's window" };
  if (facts.frameUrl === null) return { ok: false, reason: 'the sending frame is gone' };
  if (!facts.isMainFrame) return { ok: false, reason: `the sender is a subframe (${facts.frameUrl})` };
  if (!isAppUrl(facts.frameUrl)) return { ok: false, reason: `the sending page ${facts.frameUrl} is not Counter's own` };
  return { ok: true };
}

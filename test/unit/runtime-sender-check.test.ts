import { describe, expect, it } from 'vitest';
import { checkSender, type SenderFacts } from '../../main/runtime/sender-check';

const ours: SenderFacts = { senderId: 3, windowId: 3, frameUrl: 'app://counter/index.html', isMainFrame: true };

describe('checkSender', () => {
  it("accepts the main frame of Counter's window on Counter's page", () => {
    expect(checkSender(ours)).toEqual({ ok: true });
  });
  it.each<[string, Partial<SenderFacts>, RegExp]>([
    ['another webContents', { senderId: 4 }, /not Counter's window/],
    ['a closed window', { windowId: null }, /not Counter's window/],
    ['a destroyed frame', { frameUrl: null }, /frame is gone/],
    ['an iframe', { isMainFrame: false }, /subframe/],
    ['a foreign page', { frameUrl: 'https://example.com/' }, /not Counter's own/],
    ['a look-alike host', { frameUrl: 'app://counterfeit/index.html' }, /not Counter's own/],
  ])('refuses %s, saying why', (_what, change, reason) => {
    const verdict = checkSender({ ...ours, ...change });
    expect(verdict.ok).toBe(false);
    expect(!verdict.ok && verdict.reason).toMatch(reason);
  });
});

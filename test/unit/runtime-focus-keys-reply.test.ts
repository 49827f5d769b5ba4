import { describe, expect, it } from 'vitest';
import { focusOf, parseFocusReport } from '../../main/runtime/focus';
import { toKeyInput, type RawKeyInput } from '../../main/runtime/key-input';
import { replyTo, unwrapReply } from '../../main/runtime/request-reply';

describe('focus', () => {
  it('counts editable text fields as text', () => {
    expect(focusOf({ tagName: 'INPUT', type: 'text' })).toBe('text');
    expect(focusOf({ tagName: 'input', type: 'Search' })).toBe('text');
    expect(focusOf({ tagName: 'TEXTAREA' })).toBe('text');
    expect(focusOf({ tagName: 'DIV', isContentEditable: true })).toBe('text');
  });
  it('counts everything that takes no typing as none', () => {
    expect(focusOf(null)).toBe('none');
    expect(focusOf({ tagName: 'BUTTON', type: 'submit' })).toBe('none');
    expect(focusOf({ tagName: 'INPUT', type: 'checkbox' })).toBe('none');
    expect(focusOf({ tagName: 'INPUT', type: 'text', readOnly: true })).toBe('none');
    expect(focusOf({ tagName: 'TEXTAREA', disabled: true })).toBe('none');
    expect(focusOf({ tagName: 'SELECT', type: 'select-one' })).toBe('none');
    expect(focusOf({ tagName: 'BODY' })).toBe('none');
  });
  it('accepts only the two focus words as a report', () => {
    expect(parseFocusReport('text')).toBe('text');
    expect(parseFocusReport('none')).toBe('none');
    for (const bad of ['TEXT', '', null, undefined, 1, { focus: 'text' }]) expect(parseFocusReport(bad)).toBeNull();
  });
});

describe('toKeyInput', () => {
  const electronInput: RawKeyInput & { location: number; modifiers: string[] } = {
    type: 'keyDown',
    key: 'A',
    code: 'KeyA',
    shift: true,
    control: false,
    alt: false,
    meta: false,
    isAutoRepeat: false,
    isComposing: false,
    location: 0,
    modifiers: ['shift'],
  };
  it("keeps the contract's fields of Electron's Input and stamps the time", () => {
    expect(toKeyInput(electronInput, 1234.5)).toEqual({
      type: 'keyDown',
      key: 'A',
      code: 'KeyA',
      shift: true,
      control: false,
      alt: false,
      meta: false,
      isAutoRepeat: false,
      isComposing: false,
      t: 1234.5,
    });
  });
  it('gives null for events the contract does not describe', () => {
    expect(toKeyInput({ ...electronInput, type: 'mouseDown' }, 1)).toBeNull();
    expect(toKeyInput({ ...electronInput, key: 'x'.repeat(65) }, 1)).toBeNull();
  });
});

describe('request replies', () => {
  const isRefusal = (error: unknown) => error instanceof RangeError;
  it('carries the output', async () => {
    const reply = await replyTo('getState', async () => ({ sale: 1 }), isRefusal);
    expect(reply).toEqual({ ok: true, output: { sale: 1 } });
    expect(unwrapReply('getState', reply)).toEqual({ sale: 1 });
  });
  it('passes a refusal on word for word and names the request in any other failure', async () => {
    const refused = await replyTo('scan', () => { throw new RangeError('Request "scan" was refused: data: too short'); }, isRefusal);
    expect(refused).toEqual({ ok: false, error: 'Request "scan" was refused: data: too short' });
    const broken = await replyTo('park', async () => { throw new Error('database is locked'); }, isRefusal);
    expect(broken).toEqual({ ok: false, error: 'Counter could not complete "park": database is locked' });
    expect(() => unwrapReply('park', broken)).toThrow('Counter could not complete "park": database is locked');
  });
  it('refuses a reply of the wrong shape', () => {
    for (const bad of [undefined, null, 'ok', { ok: true }, { ok: false, error: 3 }]) {
      expect(() => unwrapReply('getState', bad)).toThrow('Counter sent a malformed reply to "getState"');
    }
  });
});

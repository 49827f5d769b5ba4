import { describe, expect, it } from 'vitest';
import { parseRoute } from '../../renderer/src/app/routes';
import { parseRecentProducts, RECENT_LIMIT, withRecent } from '../../renderer/src/checkout/recent-products';
import { shortcutFor } from '../../renderer/src/checkout/shortcuts';
import { formatConfig, parseConfigText } from '../../renderer/src/settings/json-text';

describe('parseConfigText', () => {
  it('accepts one JSON object and round-trips what formatConfig writes', () => {
    const document = { capabilities: { serialized_inventory: { serial_number_regex: '^[A-Z0-9]{14}$' } } };
    expect(parseConfigText(formatConfig(document))).toEqual({ ok: true, document });
  });

  it('names the line and column where the JSON breaks', () => {
    const result = parseConfigText('{\n  "capabilities": {\n    "a": 1,\n  }\n}');
    expect(result.ok).toBe(false);
    expect(!result.ok && result.reason).toMatch(/^The configuration is not valid JSON.*line 4,? column 3/);
  });

  it('refuses JSON that is not an object', () => {
    for (const text of ['[1, 2]', '"text"', 'null', '42']) {
      expect(parseConfigText(text)).toEqual({ ok: false, reason: 'The configuration must be one JSON object, starting with “{”.' });
    }
  });
});

describe('recent products', () => {
  const product = (productId: string) => ({ productId, title: `Title ${productId}`, serialized: false });

  it('puts the products just used first, the latest first, without duplicates', () => {
    const current = [product('A'), product('B'), product('C')];
    expect(withRecent(current, [product('C'), product('D')]).map((p) => p.productId)).toEqual(['D', 'C', 'A', 'B']);
  });

  it('keeps at most the limit', () => {
    const many = Array.from({ length: RECENT_LIMIT + 5 }, (_, i) => product(`P${i}`));
    expect(withRecent([], many)).toHaveLength(RECENT_LIMIT);
    expect(withRecent([], many)[0]!.productId).toBe(`P${RECENT_LIMIT + 4}`);
  });

  it('reads stored entries, dropping damaged ones instead of failing', () => {
    expect(parseRecentProducts(null)).toEqual([]);
    expect(parseRecentProducts('{not json')).toEqual([]);
    expect(parseRecentProducts('{"productId":"A"}')).toEqual([]);
    expect(parseRecentProducts(JSON.stringify([product('A'), { productId: 7 }, null, product('B')]))).toEqual([product('A'), product('B')]);
  });
});

describe('shortcutFor', () => {
  const key = (k: string, modifiers: Partial<Record<'altKey' | 'ctrlKey' | 'metaKey' | 'shiftKey', boolean>> = {}) => ({
    key: k,
    altKey: false,
    ctrlKey: false,
    metaKey: false,
    shiftKey: false,
    ...modifiers,
  });

  it('maps the function keys shown on screen', () => {
    expect(shortcutFor(key('F2'))).toBe('focusBarcode');
    expect(shortcutFor(key('F4'))).toBe('focusCash');
    expect(shortcutFor(key('F8'))).toBe('park');
    expect(shortcutFor(key('F10'))).toBe('void');
  });

  it('leaves alone keys the browser needs and modified keys', () => {
    expect(shortcutFor(key('F5'))).toBeNull();
    expect(shortcutFor(key('F12'))).toBeNull();
    expect(shortcutFor(key('a'))).toBeNull();
    expect(shortcutFor(key('F8', { ctrlKey: true }))).toBeNull();
    expect(shortcutFor(key('F2', { shiftKey: true }))).toBeNull();
  });
});

describe('parseRoute', () => {
  it('reads the screen from the hash, the checkout when it names none it knows', () => {
    expect(parseRoute('#/picking')).toEqual({ screen: 'picking' });
    expect(parseRoute('#/settings/import')).toEqual({ screen: 'settings' });
    expect(parseRoute('#/checkout')).toEqual({ screen: 'checkout' });
    expect(parseRoute('')).toEqual({ screen: 'checkout' });
    expect(parseRoute('#/nowhere')).toEqual({ screen: 'checkout' });
  });
});

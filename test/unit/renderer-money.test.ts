import { describe, expect, it } from 'vitest';
import { currencyDigits, formatMoney, formatRoundMoney, likelyCashAmounts, minorToInput, parseMoney } from '../../renderer/src/money';

describe('formatMoney', () => {
  it('uses the fraction digits of the currency', () => {
    expect(currencyDigits('USD')).toBe(2);
    expect(currencyDigits('JPY')).toBe(0);
    expect(currencyDigits('BHD')).toBe(3);
    expect(formatMoney(124999, 'USD', 'en-US')).toBe('$1,249.99');
    expect(formatMoney(124999, 'JPY', 'en-US')).toBe('¥124,999');
    expect(formatMoney(124999, 'BHD', 'en-US')).toBe('BHD\u00a0124.999');
  });

  it('formats in the given locale', () => {
    expect(formatMoney(79900, 'EUR', 'de-DE')).toBe('799,00\u00a0€');
  });

  it('still shows an amount whose currency code Intl does not know', () => {
    expect(formatMoney(1250, 'XX1', 'en-US')).toBe('12.50 XX1');
  });
});

describe('formatRoundMoney', () => {
  it('drops zero cents of a round amount and keeps the cents of any other', () => {
    expect(formatRoundMoney(125000, 'USD', 'en-US')).toBe('$1,250');
    expect(formatRoundMoney(125050, 'USD', 'en-US')).toBe('$1,250.50');
    expect(formatRoundMoney(5000, 'JPY', 'en-US')).toBe('¥5,000');
    expect(formatRoundMoney(1000, 'XX1', 'en-US')).toBe('10.00 XX1');
  });
});

describe('parseMoney', () => {
  it('reads whole amounts, decimals and grouping into minor units', () => {
    expect(parseMoney('800', 'USD', 'en-US')).toEqual({ ok: true, minor: 80000 });
    expect(parseMoney('800.5', 'USD', 'en-US')).toEqual({ ok: true, minor: 80050 });
    expect(parseMoney(' 1,250.05 ', 'USD', 'en-US')).toEqual({ ok: true, minor: 125005 });
    expect(parseMoney('1.250,05', 'EUR', 'de-DE')).toEqual({ ok: true, minor: 125005 });
    expect(parseMoney('5000', 'JPY', 'en-US')).toEqual({ ok: true, minor: 5000 });
    expect(parseMoney('0.1', 'USD', 'en-US')).toEqual({ ok: true, minor: 10 });
  });

  it('says what is wrong with text that is not an amount', () => {
    expect(parseMoney('', 'USD', 'en-US')).toEqual({ ok: false, reason: 'Enter the amount the customer gave.' });
    expect(parseMoney('12.999', 'USD', 'en-US')).toEqual({ ok: false, reason: 'USD amounts have at most 2 decimals.' });
    expect(parseMoney('50.5', 'JPY', 'en-US')).toEqual({ ok: false, reason: 'JPY amounts have no decimals.' });
    const letters = parseMoney('ten', 'USD', 'en-US');
    expect(letters.ok).toBe(false);
    expect(!letters.ok && letters.reason).toContain('"ten" is not an amount');
    expect(parseMoney('-5', 'USD', 'en-US').ok).toBe(false);
    expect(parseMoney('9'.repeat(20), 'USD', 'en-US')).toEqual({ ok: false, reason: `"${'9'.repeat(20)}" is too large an amount.` });
  });

  it('reads back what minorToInput writes', () => {
    for (const [minor, currency, locale] of [
      [79900, 'USD', 'en-US'],
      [5, 'USD', 'en-US'],
      [125005, 'EUR', 'de-DE'],
      [7, 'JPY', 'en-US'],
      [1001, 'BHD', 'en-US'],
    ] as const) {
      expect(parseMoney(minorToInput(minor, currency, locale), currency, locale)).toEqual({ ok: true, minor });
    }
  });
});

describe('likelyCashAmounts', () => {
  it('offers round amounts above the total, smallest first, never the total itself', () => {
    expect(likelyCashAmounts(82498, 'USD')).toEqual([82500, 83000, 85000]);
    expect(likelyCashAmounts(79900, 'USD')).toEqual([80000, 100000]);
    expect(likelyCashAmounts(1299, 'USD')).toEqual([1300, 1500, 2000]);
    expect(likelyCashAmounts(10000, 'USD')).toEqual([50000, 100000]);
    expect(likelyCashAmounts(1250, 'JPY')).toEqual([1300, 1500, 2000]);
  });
});

/**
 * Amounts travel as integer minor units (cents); how many minor units make one major unit is the
 * currency's own fraction digits (USD 2, JPY 0, BHD 3), which Intl knows.
 */

const formatters = new Map<string, Intl.NumberFormat>();

function currencyFormatter(currency: string, locale: string | undefined): Intl.NumberFormat | null {
  const key = `${locale ?? ''}|${currency}`;
  let formatter = formatters.get(key);
  if (!formatter) {
    try {
      formatter = new Intl.NumberFormat(locale, { style: 'currency', currency });
    } catch {
      return null;
    }
    formatters.set(key, formatter);
  }
  return formatter;
}

export function currencyDigits(currency: string): number {
  return currencyFormatter(currency, 'en')?.resolvedOptions().maximumFractionDigits ?? 2;
}

export function formatMoney(minor: number, currency: string, locale?: string): string {
  const digits = currencyDigits(currency);
  const formatter = currencyFormatter(currency, locale);
  const major = minor / 10 ** digits;
  // A currency code Intl does not know still shows the amount, with the code beside it.
  return formatter ? formatter.format(major) : `${major.toFixed(digits)} ${currency}`;
}

/** A round amount without its zero cents ("$1,250"), for buttons where width is short; others as formatMoney. */
export function formatRoundMoney(minor: number, currency: string, locale?: string): string {
  const unit = 10 ** currencyDigits(currency);
  if (minor % unit !== 0) return formatMoney(minor, currency, locale);
  try {
    return new Intl.NumberFormat(locale, { style: 'currency', currency, minimumFractionDigits: 0, maximumFractionDigits: 0 }).format(minor / unit);
  } catch {
    return formatMoney(minor, currency, locale);
  }
}

export type ParsedMoney = { ok: true; minor: number } | { ok: false; reason: string };

/** Reads an amount a cashier typed ("800", "800.5", "1,250.00") into minor units of the currency. */
export function parseMoney(text: string, currency: string, locale?: string): ParsedMoney {
  const digits = currencyDigits(currency);
  const decimal = decimalSeparator(locale);
  const group = decimal === ',' ? '.' : ',';
  const compact = text.replace(/\s/g, '').split(group).join('').replace(decimal, '.');
  if (compact === '') return { ok: false, reason: 'Enter the amount the customer gave.' };
  const match = /^(\d+)(?:\.(\d*))?$/.exec(compact);
  if (!match) return { ok: false, reason: `"${text}" is not an amount. Use digits${digits > 0 ? ` and "${decimal}" for ${digits === 1 ? 'the fraction' : 'cents'}` : ''}.` };
  const [, whole = '', fraction = ''] = match;
  if (fraction.length > digits) {
    return { ok: false, reason: digits === 0 ? `${currency} amounts have no decimals.` : `${currency} amounts have at most ${digits} decimals.` };
  }
  const minor = Number(whole) * 10 ** digits + Number(fraction.padEnd(digits, '0') || '0');
  if (!Number.isSafeInteger(minor)) return { ok: false, reason: `"${text}" is too large an amount.` };
  return { ok: true, minor };
}

/** The plain number a cash field shows for an amount, without currency symbol or grouping. */
export function minorToInput(minor: number, currency: string, locale?: string): string {
  const digits = currencyDigits(currency);
  const text = (minor / 10 ** digits).toFixed(digits);
  return decimalSeparator(locale) === ',' ? text.replace('.', ',') : text;
}

/** Round amounts a customer is likely to hand over for a total, smallest first, excluding the exact total. */
export function likelyCashAmounts(totalMinor: number, currency: string, count = 3): number[] {
  const unit = 10 ** currencyDigits(currency);
  const steps = [1, 5, 10, 50, 100, 500, 1000].map((step) => step * unit);
  const amounts = new Set<number>();
  for (const step of steps) {
    const rounded = Math.ceil(totalMinor / step) * step;
    if (rounded > totalMinor) amounts.add(rounded);
  }
  return [...amounts].sort((a, b) => a - b).slice(0, count);
}

function decimalSeparator(locale: string | undefined): string {
  return new Intl.NumberFormat(locale).formatToParts(1.5).find((part) => part.type === 'decimal')?.value ?? '.';
}

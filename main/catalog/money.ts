/** Currency rules for price imports: which codes exist and how many decimals each allows (ISO 4217, via Intl). */

let knownCurrencies: Set<string> | null = null;

export function isKnownCurrency(code: string): boolean {
  knownCurrencies ??= new Set(Intl.supportedValuesOf('currency'));
  return knownCurrencies.has(code);
}

const digitsCache = new Map<string, number>();

/** Decimals a currency allows: 2 for USD, 0 for JPY, 3 for BHD. */
export function currencyDigits(code: string): number {
  let digits = digitsCache.get(code);
  if (digits === undefined) {
    digits = new Intl.NumberFormat('en', { style: 'currency', currency: code }).resolvedOptions().maximumFractionDigits ?? 2;
    digitsCache.set(code, digits);
  }
  return digits;
}

/**
 * Converts a price as written in the file (major units, e.g. 1249.99) into integer minor units,
 * or null when it has more decimals than the currency allows. Works on the number's shortest
 * decimal spelling, so 1249.99 gives exactly 124999 and never 124998.99999.
 */
export function toMinorUnits(value: number, digits: number): number | null {
  const [mantissa = '', exponentText] = String(value).split('e');
  const exponent = exponentText === undefined ? 0 : Number(exponentText);
  const [whole = '', fraction = ''] = mantissa.split('.');
  // value = whole.fraction × 10^exponent; move the decimal point by the exponent.
  let digitsAll = whole + fraction;
  let pointAt = whole.length + exponent;
  if (pointAt < 0) {
    digitsAll = '0'.repeat(-pointAt) + digitsAll;
    pointAt = 0;
  }
  if (/[1-9]/.test(digitsAll.slice(pointAt + digits))) return null;
  const scaled = pointAt + digits;
  const integerDigits = scaled <= 0 ? '0' : digitsAll.slice(0, scaled).padEnd(scaled, '0');
  const minor = Number(integerDigits);
  return Number.isSafeInteger(minor) ? minor : null;
}

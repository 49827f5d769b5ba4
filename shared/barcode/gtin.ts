/** GS1 mod-10 check digit of the digits before it. */
export function gs1CheckDigit(body: string): number {
  let sum = 0;
  for (let i = 0; i < body.length; i++) {
    const digit = body.charCodeAt(body.length - 1 - i) - 48;
    sum += i % 2 === 0 ? digit * 3 : digit;
  }
  return (10 - (sum % 10)) % 10;
}

export function hasValidCheckDigit(digits: string): boolean {
  if (!/^\d{2,}$/.test(digits)) return false;
  return gs1CheckDigit(digits.slice(0, -1)) === Number(digits[digits.length - 1]);
}

/**
 * The GTIN-14 form of a GTIN-8, -12, -13 or -14, so that a UPC-A scanned as EAN-13 (or printed as
 * ITF-14 with indicator 0) finds the same product. Null when the text is not such a GTIN.
 */
export function toGtin14(text: string): string | null {
  if (!/^(\d{8}|\d{12}|\d{13}|\d{14})$/.test(text)) return null;
  if (!hasValidCheckDigit(text)) return null;
  return text.padStart(14, '0');
}

/**
 * The UPC-A that an 8-digit UPC-E (number system, six digits, check digit) stands for, or null
 * when the text is no UPC-E or its check digit does not match the expanded number.
 */
export function expandUpcE(text: string): string | null {
  if (!/^[01]\d{7}$/.test(text)) return null;
  const [system, d1, d2, d3, d4, d5, d6, check] = [...text] as [string, string, string, string, string, string, string, string];
  let body: string;
  if (d6 === '0' || d6 === '1' || d6 === '2') body = `${d1}${d2}${d6}0000${d3}${d4}${d5}`;
  else if (d6 === '3') body = `${d1}${d2}${d3}00000${d4}${d5}`;
  else if (d6 === '4') body = `${d1}${d2}${d3}${d4}00000${d5}`;
  else body = `${d1}${d2}${d3}${d4}${d5}0000${d6}`;
  const upcA = `${system}${body}${check}`;
  return hasValidCheckDigit(upcA) ? upcA : null;
}

import { readAimIdentifier, type AimIdentifier } from './aim';
import { GS, parseGs1ElementString } from './gs1';
import { expandUpcE, gs1CheckDigit, toGtin14 } from './gtin';

/** What a scanned text means: its symbology, the GTIN it carries and its GS1 elements. */
export interface BarcodeReading {
  /** False for a bad check digit or broken GS1 structure; `problem` then says why. */
  valid: boolean;
  /** A name such as "GS1 DataMatrix" when an AIM identifier told it; null otherwise. */
  symbology: string | null;
  /** The AIM identifier the data started with, such as "]d2", or null. */
  aim: string | null;
  /** The data without its AIM identifier. */
  data: string;
  /** The 14-digit GTIN, from (01) of GS1 data or from an EAN/UPC/ITF-14 number. */
  gtin: string | null;
  /** Each GS1 Application Identifier and its raw value (dates stay YYMMDD); null when not GS1. */
  ai: Record<string, string> | null;
  /** Why the data is not valid, in words for the person at the till; null when valid. */
  problem: string | null;
}

const GTIN_LENGTHS = new Set([8, 12, 13, 14]);

/**
 * Reads scanned data. It is GS1 when it carries a GS1 AIM identifier, a GS, or starts with an
 * SSCC (00) or a GTIN (01) and its full length of digits; otherwise 8, 12, 13 or 14 digits are a
 * GTIN whose check digit must hold. Any other text is valid data with no GTIN (a serial, a URL…).
 */
export function interpretBarcode(data: string): BarcodeReading {
  const aim = readAimIdentifier(data);
  const body = aim ? data.slice(3) : data;
  const base = { symbology: aim?.symbology ?? null, aim: aim?.code ?? null, data: body };
  if (body.length === 0) return { ...base, valid: false, gtin: null, ai: null, problem: 'The scan holds no data.' };

  if (isGs1(aim, body)) {
    const parsed = parseGs1ElementString(body);
    const ai = Object.fromEntries(parsed.elements.map((element) => [element.ai, element.value]));
    return parsed.ok
      ? { ...base, valid: true, gtin: ai['01'] ?? null, ai, problem: null }
      : { ...base, valid: false, gtin: null, ai, problem: parsed.problem };
  }
  const number = readNumber(aim, body);
  return { ...base, ai: null, ...number };
}

function isGs1(aim: AimIdentifier | null, body: string): boolean {
  if (aim) return aim.gs1;
  return body.includes(GS) || /^01\d{14}/.test(body) || /^00\d{18}/.test(body);
}

type NumberReading = Pick<BarcodeReading, 'valid' | 'gtin' | 'problem'>;

/** EAN/UPC and ITF-14 data must be a GTIN; untagged digits of a GTIN length are taken as one. */
function readNumber(aim: AimIdentifier | null, body: string): NumberReading {
  const plain: NumberReading = { valid: true, gtin: null, problem: null };
  switch (aim?.code) {
    case ']E0':
      if (/^\d{8}$/.test(body)) return upcE(body);
      return /^\d{12,13}$/.test(body) ? gtin(body) : notDigits(body, 'An EAN-13 or UPC-A', '12 or 13');
    case ']E3':
      return /^\d{15}$|^\d{18}$/.test(body) ? gtin(body.slice(0, 13)) : notDigits(body, 'An EAN-13 with add-on', '15 or 18');
    case ']E4':
      return /^\d{8}$/.test(body) ? gtin(body) : notDigits(body, 'An EAN-8', '8');
    case ']E1':
    case ']E2':
      return /^\d{2}$|^\d{5}$/.test(body) ? plain : notDigits(body, 'An EAN/UPC add-on', '2 or 5');
    case ']I1':
      return /^\d{14}$/.test(body) ? gtin(body) : /^\d+$/.test(body) ? plain : notDigits(body, 'An ITF barcode', 'an even number of');
    case undefined:
      return /^\d+$/.test(body) && GTIN_LENGTHS.has(body.length) ? gtin(body) : plain;
    default: {
      // Another symbology may carry digits that are no GTIN (an order or serial number).
      const asGtin = /^\d+$/.test(body) ? toGtin14(body) : null;
      return { ...plain, gtin: asGtin };
    }
  }
}

function gtin(digits: string): NumberReading {
  const gtin14 = toGtin14(digits);
  if (gtin14) return { valid: true, gtin: gtin14, problem: null };
  const expected = gs1CheckDigit(digits.slice(0, -1));
  return { valid: false, gtin: null, problem: `The check digit of ${digits} should be ${expected}, not ${digits.at(-1)}. The label may be misprinted or misread.` };
}

function upcE(digits: string): NumberReading {
  const upcA = expandUpcE(digits);
  return upcA
    ? { valid: true, gtin: toGtin14(upcA), problem: null }
    : { valid: false, gtin: null, problem: `${digits} is no valid UPC-E: a number system of 0 or 1 and a check digit that matches are needed.` };
}

function notDigits(body: string, what: string, lengths: string): NumberReading {
  return { valid: false, gtin: null, problem: `${what} holds ${lengths} digits; this scan holds "${body}".` };
}

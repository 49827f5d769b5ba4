import { interpretBarcode } from '../barcode/interpret';
import type { ScanReading } from './rules';

/** What a scanned label offers the sale: product codes to try and an embedded serial. */
export function readScan(data: string): ScanReading {
  const barcode = interpretBarcode(data);
  const codes: string[] = [];
  const add = (code: string | null | undefined) => {
    if (code && !codes.includes(code)) codes.push(code);
  };
  add(barcode.ai?.['01']);
  add(barcode.gtin);
  add(barcode.data);
  // Untagged digits that fail a check digit may still be a numeric serial; a label that named its
  // symbology or has GS1 structure and fails is a misread.
  const unreadable = !barcode.valid && (barcode.aim !== null || barcode.ai !== null) ? (barcode.problem ?? 'The label could not be read.') : null;
  return {
    text: barcode.data,
    productCodes: unreadable ? [] : codes,
    embeddedSerial: unreadable ? null : (barcode.ai?.['21'] ?? null),
    labelGtin: unreadable ? null : (barcode.ai?.['01'] ?? null),
    unreadable,
  };
}

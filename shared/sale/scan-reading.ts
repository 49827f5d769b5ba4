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
  return { text: barcode.data, productCodes: codes, embeddedSerial: barcode.ai?.['21'] ?? null };
}

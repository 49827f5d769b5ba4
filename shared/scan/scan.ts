import { describeAim, splitAim } from '../barcode/aim';

/** One read of a barcode, from whichever reader it came. */
export interface Scan {
  /** The data without its AIM identifier. */
  data: string;
  /** The AIM identifier (`]E0`, `]d2`…) the scanner sent, or null. */
  aim: string | null;
  /** The symbology the AIM identifier names, or null. */
  symbology: string | null;
  source: 'wedge' | 'hid';
  /** Set when part of the read could not be decoded; says what and where, for people. */
  corrupt?: string;
}

/** A scan from text as the scanner sent it, with any AIM identifier split off. */
export function scanFromText(text: string, source: Scan['source'], corrupt?: string): Scan {
  const { aim, rest } = splitAim(text);
  return scanOf(rest, aim, source, corrupt);
}

export function scanOf(data: string, aim: string | null, source: Scan['source'], corrupt?: string): Scan {
  const scan: Scan = { data, aim, symbology: aim ? describeAim(aim).symbology : null, source };
  if (corrupt !== undefined) scan.corrupt = corrupt;
  return scan;
}

/** The scan as one text, AIM identifier first: what `interpretBarcode` and the sale's `scan` take. */
export function scanText(scan: Scan): string {
  return (scan.aim ?? '') + scan.data;
}

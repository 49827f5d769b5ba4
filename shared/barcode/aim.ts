/**
 * AIM symbology identifiers (ISO/IEC 15424): a scanner may put `]` + a symbology letter + a
 * modifier before the data, which tells what kind of barcode was read.
 */
export interface AimIdentifier {
  /** The three characters, e.g. `]C1`. */
  code: string;
  /** A name for people, or null when the identifier is well formed but not one we know. */
  symbology: string | null;
  /** The data is a GS1 element string (FNC1 in first position). */
  gs1: boolean;
}

const KNOWN: Record<string, { symbology: string; gs1?: true }> = {
  ']A0': { symbology: 'Code 39' },
  ']A1': { symbology: 'Code 39' },
  ']A3': { symbology: 'Code 39' },
  ']A4': { symbology: 'Code 39 Full ASCII' },
  ']A5': { symbology: 'Code 39 Full ASCII' },
  ']A7': { symbology: 'Code 39 Full ASCII' },
  ']C0': { symbology: 'Code 128' },
  ']C1': { symbology: 'GS1-128', gs1: true },
  ']C2': { symbology: 'Code 128' },
  ']C4': { symbology: 'Code 128' },
  ']E0': { symbology: 'EAN-13' },
  ']E1': { symbology: 'EAN/UPC add-on' },
  ']E2': { symbology: 'EAN/UPC add-on' },
  ']E3': { symbology: 'EAN-13 with add-on' },
  ']E4': { symbology: 'EAN-8' },
  ']e0': { symbology: 'GS1 DataBar', gs1: true },
  ']e1': { symbology: 'GS1 Composite', gs1: true },
  ']e2': { symbology: 'GS1 Composite', gs1: true },
  ']e3': { symbology: 'GS1 Composite', gs1: true },
  ']d0': { symbology: 'DataMatrix ECC 000-140' },
  ']d1': { symbology: 'DataMatrix' },
  ']d2': { symbology: 'GS1 DataMatrix', gs1: true },
  ']d3': { symbology: 'DataMatrix' },
  ']d4': { symbology: 'DataMatrix' },
  ']d5': { symbology: 'GS1 DataMatrix', gs1: true },
  ']d6': { symbology: 'DataMatrix' },
  ']Q0': { symbology: 'QR Code' },
  ']Q1': { symbology: 'QR Code' },
  ']Q2': { symbology: 'QR Code' },
  ']Q3': { symbology: 'GS1 QR Code', gs1: true },
  ']Q4': { symbology: 'GS1 QR Code', gs1: true },
  ']Q5': { symbology: 'QR Code' },
  ']Q6': { symbology: 'QR Code' },
  ']I0': { symbology: 'Interleaved 2 of 5' },
  ']I1': { symbology: 'ITF-14' },
  ']I3': { symbology: 'Interleaved 2 of 5' },
  ']F0': { symbology: 'Codabar' },
  ']F1': { symbology: 'Codabar' },
  ']G0': { symbology: 'Code 93' },
  ']L0': { symbology: 'PDF417' },
  ']L1': { symbology: 'PDF417' },
  ']L2': { symbology: 'PDF417' },
  ']z0': { symbology: 'Aztec' },
  ']z1': { symbology: 'GS1 Aztec', gs1: true },
  ']J0': { symbology: 'DotCode' },
  ']J1': { symbology: 'GS1 DotCode', gs1: true },
  ']H0': { symbology: 'Code 11' },
  ']M0': { symbology: 'MSI' },
  ']S0': { symbology: 'Industrial 2 of 5' },
  ']R0': { symbology: 'Straight 2 of 5' },
  ']X0': { symbology: 'Other barcode' },
  ']Z0': { symbology: 'Keyboard or non-barcode input' },
};

const AIM_SHAPE = /^\][A-Za-z][0-9A-Za-z]/;

/** The AIM identifier at the start of the data, or null when the data does not start with one. */
export function readAimIdentifier(data: string): AimIdentifier | null {
  if (!AIM_SHAPE.test(data)) return null;
  return describeAim(data.slice(0, 3));
}

export function describeAim(code: string): AimIdentifier {
  const known = KNOWN[code];
  return { code, symbology: known?.symbology ?? null, gs1: known?.gs1 ?? false };
}

/** Splits an AIM identifier off the front of the data. */
export function splitAim(data: string): { aim: string | null; rest: string } {
  const aim = readAimIdentifier(data);
  return aim ? { aim: aim.code, rest: data.slice(3) } : { aim: null, rest: data };
}

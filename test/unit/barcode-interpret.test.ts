import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { interpretBarcode } from '../../shared/barcode/interpret';
import { expandUpcE, toGtin14 } from '../../shared/barcode/gtin';

const repoRoot = path.resolve(__dirname, '..', '..');
const vectorsFile = path.resolve(repoRoot, '..', 'shared', 'cases', 'barcodes', 'gs1-vectors.json');
const vectors = JSON.parse(readFileSync(vectorsFile, 'utf8')) as {
  input: string;
  expect: { valid: boolean; symbology?: string; gtin?: string; ai?: Record<string, string> };
}[];

describe('interpretBarcode on the shared GS1 vectors', () => {
  it.each(vectors.map((vector) => [JSON.stringify(vector.input), vector] as const))('%s', (_name, vector) => {
    const reading = interpretBarcode(vector.input);
    expect(reading.valid).toBe(vector.expect.valid);
    if (vector.expect.symbology !== undefined) expect(reading.symbology).toBe(vector.expect.symbology);
    if (vector.expect.gtin !== undefined) expect(reading.gtin).toBe(vector.expect.gtin);
    if (vector.expect.ai !== undefined) expect(reading.ai).toEqual(vector.expect.ai);
    expect(reading.problem === null).toBe(vector.expect.valid);
  });
});

describe('AIM identifiers', () => {
  it.each([
    [']E00614141000029', 'EAN-13', ']E0'],
    [']E496385074', 'EAN-8', ']E4'],
    [']C1010590123412345715210526', 'GS1-128', ']C1'],
    [']e0010590123412345715210526', 'GS1 DataBar', ']e0'],
    [']d2010590123412345721ABC', 'GS1 DataMatrix', ']d2'],
    [']Q3010590123412345721ABC', 'GS1 QR Code', ']Q3'],
    [']I110614141000026', 'ITF-14', ']I1'],
    [']Q0https://example.com', 'QR Code', ']Q0'],
    [']Q1https://example.com', 'QR Code', ']Q1'],
    [']A0ABC-123', 'Code 39', ']A0'],
    [']C0ABC-123', 'Code 128', ']C0'],
    [']d1HELLO', 'DataMatrix', ']d1'],
  ])('%s is %s', (input, symbology, aim) => {
    const reading = interpretBarcode(input);
    expect(reading).toMatchObject({ valid: true, symbology, aim, data: input.slice(3) });
  });

  it('strips a well-formed but unknown identifier and names no symbology', () => {
    expect(interpretBarcode(']Y9XYZ')).toMatchObject({ aim: ']Y9', symbology: null, data: 'XYZ', valid: true });
  });

  it('leaves data without an identifier whole', () => {
    expect(interpretBarcode('R58M41ZK8QJ7TX')).toEqual({
      valid: true, symbology: null, aim: null, data: 'R58M41ZK8QJ7TX', gtin: null, ai: null, problem: null,
    });
  });
});

describe('GTINs', () => {
  it('normalises GTIN-8, -12, -13 and -14 to 14 digits', () => {
    expect(interpretBarcode('96385074').gtin).toBe('00000096385074');
    expect(interpretBarcode('036000291452').gtin).toBe('00036000291452');
    expect(interpretBarcode('4006381333931').gtin).toBe('04006381333931');
    expect(interpretBarcode('10614141000026').gtin).toBe('10614141000026');
  });

  it('refuses a bad check digit and says what it should be', () => {
    const reading = interpretBarcode('4006381333932');
    expect(reading.valid).toBe(false);
    expect(reading.problem).toContain('should be 1, not 2');
  });

  it('expands a UPC-E read as EAN/UPC into its UPC-A GTIN', () => {
    expect(expandUpcE('04252614')).toBe('042100005264');
    expect(interpretBarcode(']E004252614').gtin).toBe(toGtin14('042100005264'));
    expect(interpretBarcode(']E004252615').valid).toBe(false);
  });

  it('requires digits of the right length under EAN/UPC identifiers', () => {
    expect(interpretBarcode(']E0ABC').valid).toBe(false);
    expect(interpretBarcode(']E40614141000029').valid).toBe(false);
  });

  it('takes digits in other symbologies as a GTIN only when the check digit holds', () => {
    expect(interpretBarcode(']C04006381333931')).toMatchObject({ valid: true, gtin: '04006381333931' });
    expect(interpretBarcode(']C04006381333932')).toMatchObject({ valid: true, gtin: null });
  });

  it('refuses empty data', () => {
    expect(interpretBarcode('').valid).toBe(false);
    expect(interpretBarcode(']C1').valid).toBe(false);
  });
});

describe('GS1 element strings', () => {
  const GS = '\u001d';

  it('reads (01) and (21) for the sale', () => {
    const reading = interpretBarcode(`]d20100614141000012211234567890ABCD${GS}17270131`);
    expect(reading).toMatchObject({ valid: true, gtin: '00614141000012', ai: { '01': '00614141000012', '21': '1234567890ABCD', '17': '270131' } });
  });

  it('reads untagged data as GS1 when it starts with (01) and 14 digits', () => {
    expect(interpretBarcode('01006141410000122112345').ai).toEqual({ '01': '00614141000012', '21': '12345' });
  });

  it('skips a leading GS standing for FNC1 and a trailing GS', () => {
    expect(interpretBarcode(`]C1${GS}0100614141000012${GS}`).ai).toEqual({ '01': '00614141000012' });
  });

  it.each([
    [`010061414100001221${'A'.repeat(21)}`, 'at most 20'],
    ['0100614141000013', 'check digit should be 2'],
    ['010061414100001215211301', 'month 13'],
    ['010061414100001215210230', 'day 30 does not exist in month 2'],
    [`]C10100614141000012${GS}99`, 'too short'],
    [']C1010614141000', 'must be 14 characters'],
    [`]C10100614141000019${GS}10A`, 'check digit should be 2'],
    [']C1ABC', 'No GS1 Application Identifier starts at character 1'],
    [`]C10100614141000012${GS}10ÄBC`, 'may hold letters'],
    [`]C10100614141000012${GS}10A${GS}10B`, 'appears twice'],
    [']C14100614141000006', 'check digit should be 5'],
    [']C1800600614141000012030200', 'piece number'],
  ])('refuses %j (%s)', (input, problem) => {
    const reading = interpretBarcode(input);
    expect(reading.valid).toBe(false);
    expect(reading.gtin).toBeNull();
    expect(reading.problem).toContain(problem);
  });

  it('accepts day 00 where GS1 allows it and checks check digits of GLNs and SSCCs', () => {
    expect(interpretBarcode('010061414100001217270100').valid).toBe(true);
    expect(interpretBarcode('010061414100001211270100').valid).toBe(false);
    expect(interpretBarcode(']C14100614141000005').ai).toEqual({ '410': '0614141000005' });
    expect(interpretBarcode(']C100000061414100000005').valid).toBe(true);
    expect(interpretBarcode(']C100000061414100000006').valid).toBe(false);
  });

  it('reads trade measures, variable and multi-part values', () => {
    const reading = interpretBarcode(`]C1010061414100001231030012503922799${GS}8006006141410000120102${GS}25306141410000051234`);
    expect(reading.valid).toBe(true);
    expect(reading.ai).toEqual({ '01': '00614141000012', '3103': '001250', '3922': '799', '8006': '006141410000120102', '253': '06141410000051234' });
  });
});

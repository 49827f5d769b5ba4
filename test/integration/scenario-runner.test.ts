import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { matches, runScenarioFile } from '../../main/scenario/runner';
import { casesDir, tempDir } from '../support/temp';

function caseFile(steps: unknown[], setup: unknown = { import: [join(casesDir, 'catalog', 'basic')], config: {} }): string {
  const path = join(tempDir(), 'case.json');
  writeFileSync(path, JSON.stringify({ name: 'probe', setup, steps }));
  return path;
}

describe('the scenario runner', () => {
  it('reports each step whose expectation does not hold, with expected and actual values', async () => {
    const result = await runScenarioFile(
      caseFile([{ scan: '0614141000104' }, { expect: { ok: false, error: 'UNKNOWN_BARCODE', lines: [] } }]),
    );
    expect(result.error).toBeNull();
    expect(result.failures).toEqual([
      { step: 2, key: 'ok', expected: false, actual: true },
      { step: 2, key: 'error', expected: 'UNKNOWN_BARCODE', actual: null },
      { step: 2, key: 'lines', expected: [], actual: [{ product_id: 'AC-USBC-1M', serial: null, fulfillment: 'take', quantity: 1 }] },
    ]);
  });

  it('keeps the sale across a restart step', async () => {
    const result = await runScenarioFile(
      caseFile([{ scan: '0614141000043' }, { restart: true }, { expect: { awaiting_serial_for: 'SW-TEMPO-40', lines: [{ product_id: 'SW-TEMPO-40' }] } }]),
    );
    expect(result.failures).toEqual([]);
  });

  it('parks, resumes the K-th parked sale and voids', async () => {
    const result = await runScenarioFile(
      caseFile([
        { scan: '0614141000104' },
        { park: true },
        { scan: '0614141000128' },
        { park: true },
        { resume: 1 },
        { expect: { ok: true, lines: [{ product_id: 'AC-USBC-1M' }] } },
        { void: true },
        { resume: 1 },
        { expect: { ok: true, lines: [{ product_id: 'AC-HELMET-M' }] } },
        { resume: 5 },
        { expect: { ok: false, error: 'NO_SUCH_PARKED_SALE' } },
      ]),
    );
    expect(result.failures).toEqual([]);
  });

  it('names an unknown step and a broken file instead of passing them', async () => {
    expect((await runScenarioFile(caseFile([{ dance: true }]))).error).toMatch(/unknown step "dance"/);
    const broken = join(tempDir(), 'broken.json');
    writeFileSync(broken, '{"name": "x", "steps": [');
    expect((await runScenarioFile(broken)).error).toMatch(/cannot read/);
    expect((await runScenarioFile(caseFile([{ scan: 'x' }], { import: ['/nonexistent/folder'] }))).error).toMatch(/setup.import refused/);
    expect((await runScenarioFile(caseFile([{ scan: 614141000012 }]))).error).toMatch(/^step 1 \(scan\): Request "scan" was refused: data/);
    expect((await runScenarioFile(caseFile([{ scan: '0614141000104', add: 'AC-USBC-1M' }]))).error).toMatch(/step 1: a step has exactly one action, not 2/);
  });

  it('compares only the keys an expectation names, and arrays by length too', () => {
    expect(matches({ a: 1 }, { a: 1, b: 2 })).toBe(true);
    expect(matches([{ a: 1 }], [{ a: 1 }, { a: 2 }])).toBe(false);
    expect(matches({ a: null }, { a: undefined })).toBe(false);
    expect(matches({ a: [1] }, { a: [2] })).toBe(false);
  });
});

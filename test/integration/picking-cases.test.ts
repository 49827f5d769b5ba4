import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runScenarioFile } from '../../main/scenario/runner';
import { casesDir, tempDir } from '../support/temp';

const dir = join(casesDir, 'picking');
const files = readdirSync(dir).filter((f) => f.endsWith('.json')).sort();

describe('shared picking cases, through the scenario runner', () => {
  it('finds the cases beside the checkout', () => {
    expect(files.length).toBeGreaterThan(0);
  });

  it('fails a case whose expectation is wrong, so a passing case means something', async () => {
    const original = JSON.parse(readFileSync(join(dir, '01-pick-and-ship.json'), 'utf8'));
    original.setup.import = original.setup.import.map((p: string) => join(dir, p));
    const steps = original.steps as Record<string, unknown>[];
    steps.push({ scan: '0614141000104' }, { expect: { ok: false, status: 'picking', pick_lines: [] } });
    const file = join(tempDir(), 'wrong.json');
    writeFileSync(file, JSON.stringify(original));
    const result = await runScenarioFile(file);
    expect(result.error).toBeNull();
    expect(result.failures.map((f) => [f.key, f.actual])).toEqual([
      // Once the request is shipped no pick is open, so the scan went to the sale and was accepted there.
      ['ok', true],
      ['status', 'shipped'],
      ['pick_lines', expect.any(Array)],
    ]);
  });

  it.each(files)('%s', async (file) => {
    const result = await runScenarioFile(join(dir, file));
    expect(result.error).toBeNull();
    expect(result.failures).toEqual([]);
  });
});

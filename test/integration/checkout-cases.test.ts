import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runScenarioFile } from '../../main/scenario/runner';
import { casesDir } from '../support/temp';

const dir = join(casesDir, 'checkout');
const files = readdirSync(dir).filter((f) => f.endsWith('.json')).sort();

describe('shared checkout cases, through the scenario runner', () => {
  it('finds the cases beside the checkout', () => {
    expect(files.length).toBeGreaterThan(0);
  });

  it.each(files)('%s', async (file) => {
    const result = await runScenarioFile(join(dir, file));
    expect(result.error).toBeNull();
    expect(result.failures).toEqual([]);
  });
});

import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { replayWedgeTrace, WedgeTrace } from '../../shared/scan/wedge-replay';

const repoRoot = path.resolve(__dirname, '..', '..');
const casesDir = path.resolve(repoRoot, '..', 'shared', 'cases', 'wedge');
const files = readdirSync(casesDir).filter((name) => name.endsWith('.json')).sort();

describe('wedge traces from shared/cases/wedge', () => {
  it('finds the traces', () => expect(files.length).toBeGreaterThan(0));

  it.each(files)('%s', (file) => {
    const raw = JSON.parse(readFileSync(path.join(casesDir, file), 'utf8')) as { expect: { scans: string[]; typed?: string } };
    const trace = WedgeTrace.parse(raw);
    const result = replayWedgeTrace(trace);
    if (!result.ok) throw new Error(result.problem);
    expect(result.replay.scans).toEqual(raw.expect.scans);
    expect(result.replay.corrupt).toEqual([]);
    if (raw.expect.typed !== undefined) expect(result.replay.typed).toBe(raw.expect.typed);
  });
});

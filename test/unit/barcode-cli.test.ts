import { describe, expect, it } from 'vitest';
import { run } from '../../main/cli/commands/barcode';

async function cli(...args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await run(args, { stdout: (s) => out.push(s), stderr: (s) => err.push(s) });
  return { code, out: out.join(''), err: err.join('') };
}

describe('counter barcode parse', () => {
  it.each(['<GS>', '\\u001d', '\\x1d', '\u001d'])('reads GS written as %j', async (gs) => {
    const { code, out } = await cli('parse', `]d20107032069804988100329${gs}15210526`);
    expect(code).toBe(0);
    expect(JSON.parse(out)).toEqual({ valid: true, symbology: 'GS1 DataMatrix', gtin: '07032069804988', ai: { '01': '07032069804988', '10': '0329', '15': '210526' } });
  });

  it('exits 1 for an invalid barcode and says why on stderr', async () => {
    const { code, out, err } = await cli('parse', '4006381333932');
    expect(code).toBe(1);
    expect(JSON.parse(out)).toEqual({ valid: false, symbology: null, gtin: null, ai: null });
    expect(err).toContain('should be 1');
  });

  it('exits 2 with usage for wrong arguments', async () => {
    expect((await cli()).code).toBe(2);
    expect((await cli('parse')).err).toContain('usage: counter barcode parse DATA');
    expect((await cli('parse', 'a', 'b')).err).toContain('exactly one DATA');
  });
});

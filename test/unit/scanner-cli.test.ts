import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { run } from '../../main/cli/commands/scanner';

const repoRoot = path.resolve(__dirname, '..', '..');
const cases = path.resolve(repoRoot, '..', 'shared', 'cases');
const dir = mkdtempSync(path.join(tmpdir(), 'counter-scanner-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function cli(...args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await run(args, { stdout: (s) => out.push(s), stderr: (s) => err.push(s) });
  return { code, out: out.join(''), err: err.join('') };
}

function caseFiles(kind: string) {
  return readdirSync(path.join(cases, kind)).filter((f) => f.endsWith('.json')).sort().map((f) => path.join(cases, kind, f));
}

function temp(name: string, content: string) {
  const file = path.join(dir, name);
  writeFileSync(file, content);
  return file;
}

describe('counter scanner replay', () => {
  it.each(caseFiles('wedge'))('replays the wedge trace %s', async (file) => {
    const expected = JSON.parse(readFileSync(file, 'utf8')).expect;
    const { code, out } = await cli('replay', file);
    expect(code).toBe(0);
    const printed = JSON.parse(out);
    expect(printed.scans).toEqual(expected.scans);
    if (expected.typed !== undefined) expect(printed.typed).toBe(expected.typed);
  });

  it.each(caseFiles('hid'))('replays the HID report file %s', async (file) => {
    const expected = JSON.parse(readFileSync(file, 'utf8')).expect;
    const { code, out } = await cli('replay', file);
    expect(code).toBe(0);
    expect(JSON.parse(out)).toEqual({ scans: expected.scans });
  });

  it('applies the trace\'s settings', async () => {
    const trace = JSON.parse(readFileSync(path.join(cases, 'wedge', '01-ean13-us.json'), 'utf8'));
    const file = temp('long-min.json', JSON.stringify({ ...trace, settings: { layout: 'us', minLength: 20 } }));
    expect(JSON.parse((await cli('replay', file)).out).scans).toEqual([]);
  });

  it('reports a recording that ends mid-label', async () => {
    const file = temp('cut.json', JSON.stringify({ reports: [{ t: 0, hex: '02 02 5d 51 30 41 42 00 01' }] }));
    expect(JSON.parse((await cli('replay', file)).out)).toEqual({ scans: [], dropped: [{ reason: expect.stringContaining('ends in the middle'), partial: ']Q0AB' }] });
  });

  it.each([
    ['missing.json', null, 'cannot be read (ENOENT)'],
    ['broken.json', '{"events": [', 'is not valid JSON'],
    ['neither.json', '{"scans": []}', 'neither a wedge key trace'],
    ['both.json', '{"events": [], "reports": []}', 'neither a wedge key trace'],
    ['bad-event.json', '{"focus": "none", "events": [{"type": "keyDown", "key": "1", "code": "Digit1", "shift": false, "control": false, "alt": false, "meta": false, "isAutoRepeat": false, "t": "soon"}]}', 'events[0].t'],
    ['bad-setting.json', '{"focus": "none", "settings": {"layout": "dvorak"}, "events": []}', 'settings: layout'],
    ['bad-hex.json', '{"reports": [{"t": 0, "hex": "02 zz"}]}', 'reports[0].hex: "zz"'],
    ['backwards.json', JSON.stringify({ focus: 'none', events: [5, 1].map((t) => ({ type: 'keyDown', key: '1', code: 'Digit1', shift: false, control: false, alt: false, meta: false, isAutoRepeat: false, t })) }), 'events[1]: its time 1 is before'],
  ])('refuses %s, naming the file and the fault', async (name, content, problem) => {
    const file = content === null ? path.join(dir, name) : temp(name, content);
    const { code, err } = await cli('replay', file);
    expect(code).toBe(1);
    expect(err).toContain(file);
    expect(err).toContain(problem);
  });

  it('prints usage for unknown subcommands', async () => {
    expect((await cli('rewind')).code).toBe(2);
  });
});

describe('counter scanner list', () => {
  it('lists HID POS interfaces through the real node-hid binding (none on this machine)', async () => {
    const { code, out } = await cli('list');
    expect(code).toBe(0);
    expect(Array.isArray(JSON.parse(out))).toBe(true);
  });
});

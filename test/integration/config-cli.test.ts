import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseValue, run } from '../../main/cli/commands/config';
import { tempDbPath, tempDir } from '../support/temp';

function captured() {
  const out: string[] = [];
  const err: string[] = [];
  return { io: { stdout: (s: string) => out.push(s), stderr: (s: string) => err.push(s) }, out, err };
}

const KEY = 'capabilities.serialized_inventory.serial_number_regex';

describe('counter config', () => {
  let savedManaged: string | undefined;
  beforeEach(() => {
    savedManaged = process.env.COUNTER_MANAGED_CONFIG;
    process.env.COUNTER_MANAGED_CONFIG = join(tempDir(), 'absent.json');
  });
  afterEach(() => {
    if (savedManaged === undefined) delete process.env.COUNTER_MANAGED_CONFIG;
    else process.env.COUNTER_MANAGED_CONFIG = savedManaged;
  });

  it('sets a key, gets it back with its source, and records the change', async () => {
    const db = tempDbPath();
    expect(await run(['set', KEY, '^[A-Z0-9]{14}$', '--db', db], captured().io)).toBe(0);
    expect(await run(['set', 'till.copies', '2', '--db', db], captured().io)).toBe(0);
    const got = captured();
    expect(await run(['get', '--json', '--db', db], got.io)).toBe(0);
    const effective = JSON.parse(got.out.join(''));
    expect(effective.document.capabilities.serialized_inventory.serial_number_regex).toBe('^[A-Z0-9]{14}$');
    expect(effective.document.till.copies).toBe(2);
    expect(effective.sources).toMatchObject({ [KEY]: 'local', 'till.copies': 'local' });
    const history = captured();
    expect(await run(['history', '--json', '--db', db], history.io)).toBe(0);
    expect(JSON.parse(history.out.join('')).map((change: { origin: string }) => change.origin.startsWith('cli'))).toEqual([true, true]);
  });

  it('replaces the document from a file, and refuses an invalid pattern with the reason', async () => {
    const db = tempDbPath();
    const file = join(tempDir(), 'config.json');
    writeFileSync(file, JSON.stringify({ capabilities: { serialized_inventory: { serial_number_regex: '^SN' } }, extra: true }));
    expect(await run(['replace', file, '--db', db], captured().io)).toBe(0);
    const refused = captured();
    expect(await run(['set', KEY, '(?<=x)', '--db', db], refused.io)).toBe(1);
    expect(refused.err.join('\n')).toMatch(/refused: .*serial_number_regex/);
    const got = captured();
    await run(['get', '--json', '--db', db], got.io);
    expect(JSON.parse(got.out.join('')).document).toEqual({ capabilities: { serialized_inventory: { serial_number_regex: '^SN' } }, extra: true });

    writeFileSync(file, '{ not json');
    const broken = captured();
    expect(await run(['replace', file, '--db', db], broken.io)).toBe(1);
    expect(broken.err.join('\n')).toContain('cannot read');
  });

  it('refuses invalid wedge settings by name, as the settings screen does, and keeps the last good configuration', async () => {
    const db = tempDbPath();
    const tooSmall = captured();
    expect(await run(['set', 'counter.scanner.wedge.maxGapMs', '1', '--db', db], tooSmall.io)).toBe(1);
    expect(tooSmall.err.join('\n')).toBe('counter config: refused: counter.scanner.wedge: maxGapMs: Too small: expected number to be >=5. The configuration in force was kept.');
    // A gap longer than the default endTimeoutMs (100) needs a longer endTimeoutMs first.
    const tooLong = captured();
    expect(await run(['set', 'counter.scanner.wedge.maxGapMs', '150', '--db', db], tooLong.io)).toBe(1);
    expect(tooLong.err.join('\n')).toContain('endTimeoutMs (100) must be at least maxGapMs (150)');
    expect(await run(['set', 'counter.scanner.wedge.endTimeoutMs', '160', '--db', db], captured().io)).toBe(0);
    expect(await run(['set', 'counter.scanner.wedge.maxGapMs', '150', '--db', db], captured().io)).toBe(0);

    const file = join(tempDir(), 'config.json');
    writeFileSync(file, JSON.stringify({ counter: { scanner: { wedge: { layout: 'dvorak' } } } }));
    const replaced = captured();
    expect(await run(['replace', file, '--db', db], replaced.io)).toBe(1);
    expect(replaced.err.join('\n')).toMatch(/^counter config: refused: counter\.scanner\.wedge: layout: .*The configuration in force was kept\.$/);

    const got = captured();
    await run(['get', '--json', '--db', db], got.io);
    expect(JSON.parse(got.out.join('')).document.counter).toEqual({ scanner: { wedge: { endTimeoutMs: 160, maxGapMs: 150 } } });
  });

  it('reads VALUE as JSON when it parses, else as text', () => {
    expect(parseValue('42')).toBe(42);
    expect(parseValue('true')).toBe(true);
    expect(parseValue('"quoted"')).toBe('quoted');
    expect(parseValue('{"a":1}')).toEqual({ a: 1 });
    expect(parseValue('^[A-Z]{3}\\d+$')).toBe('^[A-Z]{3}\\d+$');
  });

  it('explains its usage', async () => {
    const usage = captured();
    expect(await run(['set', 'only-key'], usage.io)).toBe(2);
    expect(await run([], usage.io)).toBe(2);
    expect(usage.err[0]).toContain('counter config get');
  });
});

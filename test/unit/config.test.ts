import { describe, expect, it } from 'vitest';
import { AppConfigDocument } from '../../shared/config-schema';
import { DEFAULT_WEDGE_SETTINGS } from '../../shared/scan/wedge-settings';
import { WEDGE_SETTINGS_KEY } from '../../shared/scanner-contract';
import { compileSerialPattern } from '../../shared/serial';
import { checkConfigDocument, layer, leafKeys, wedgeSettingsOf, withKey } from '../../main/config/document';
import { defaultDatabasePath, managedConfigPath } from '../../main/config/paths';

const withPattern = (pattern: unknown) => ({ capabilities: { serialized_inventory: { serial_number_regex: pattern } } });

describe('configuration document', () => {
  it('keeps unknown keys at every level', () => {
    const document = { capabilities: { serialized_inventory: { serial_number_regex: '^a$', future: 1 }, other: true }, top: [1] };
    expect(AppConfigDocument.parse(document)).toEqual(document);
    expect(checkConfigDocument(document)).toEqual({ ok: true, document });
  });

  it('names the key of a value of the wrong type', () => {
    const result = checkConfigDocument(withPattern(['^a$']));
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.reason).toContain('capabilities.serialized_inventory.serial_number_regex');
    expect(checkConfigDocument({ capabilities: 'all' }).ok).toBe(false);
    expect(checkConfigDocument(null).ok).toBe(false);
  });

  it('layers documents key by key, later ones winning, arrays replaced whole', () => {
    expect(layer({ a: { b: 1, c: [1, 2] } }, { a: { c: [3] } }, { a: { d: 4 } })).toEqual({ a: { b: 1, c: [3], d: 4 } });
    expect(leafKeys({ a: { b: 1, c: {} }, d: [1] })).toEqual(['a.b', 'a.c', 'd']);
    expect(withKey({ a: 1 }, 'b.c', 2)).toEqual({ a: 1, b: { c: 2 } });
  });
});

const withWedge = (wedge: unknown) => ({ counter: { scanner: { wedge } } });

describe(`${WEDGE_SETTINGS_KEY} in a document`, () => {
  it('are the defaults when the document sets none', () => {
    expect(wedgeSettingsOf({})).toEqual({ ok: true, settings: DEFAULT_WEDGE_SETTINGS });
    expect(wedgeSettingsOf({ counter: 'other' })).toEqual({ ok: true, settings: DEFAULT_WEDGE_SETTINGS });
    expect(checkConfigDocument({ capabilities: {} }).ok).toBe(true);
  });

  it('are read with the defaults filled in', () => {
    const result = wedgeSettingsOf(withWedge({ maxGapMs: 80, endTimeoutMs: 120, groupSeparatorKey: 'F8' }));
    expect(result).toEqual({ ok: true, settings: { ...DEFAULT_WEDGE_SETTINGS, maxGapMs: 80, endTimeoutMs: 120, groupSeparatorKey: 'F8' } });
  });

  it('refuse a document with an unknown setting or a value out of range, naming the key and the setting', () => {
    const reasonOf = (wedge: unknown) => {
      const checked = checkConfigDocument(withWedge(wedge));
      return checked.ok ? null : checked.reason;
    };
    expect(reasonOf({ maxGapMs: 1 })).toMatch(/^counter\.scanner\.wedge: maxGapMs: Too small: expected number to be >=5$/);
    expect(reasonOf({ maxGap: 60 })).toMatch(/^counter\.scanner\.wedge: .*maxGap/);
    expect(reasonOf({ layout: 'dvorak' })).toMatch(/^counter\.scanner\.wedge: layout: /);
    expect(reasonOf('fast')).toMatch(/^counter\.scanner\.wedge: /);
    expect(reasonOf({ maxGapMs: 80, endTimeoutMs: 120 })).toBeNull();
  });

  it('leave the rules between settings to the settings in force: one document may be one layer of several', () => {
    // maxGapMs 200 needs an endTimeoutMs of 200 or more, which another layer (the managed file, say) may give.
    expect(checkConfigDocument(withWedge({ maxGapMs: 200 })).ok).toBe(true);
    expect(wedgeSettingsOf(withWedge({ maxGapMs: 200 }))).toEqual({ ok: false, problem: 'counter.scanner.wedge: endTimeoutMs (100) must be at least maxGapMs (200)' });
    expect(wedgeSettingsOf(layer(withWedge({ maxGapMs: 200 }), withWedge({ endTimeoutMs: 250 })))).toMatchObject({ ok: true, settings: { maxGapMs: 200, endTimeoutMs: 250 } });
  });

  it('are left unchecked only when asked, for a document saved before they were checked', () => {
    expect(checkConfigDocument(withWedge({ layout: 'dvorak' }), { wedgeSettings: false }).ok).toBe(true);
    expect(checkConfigDocument({ ...withWedge({ layout: 'dvorak' }), ...withPattern('(a') }, { wedgeSettings: false }).ok).toBe(false);
  });
});

describe('serial_number_regex: RE2 dialect', () => {
  it('refuses what RE2 cannot run in linear time, with the reason', () => {
    for (const pattern of ['(?=A)', '(?<=A)B', '(a)\\1', '(unclosed', 'a{2,1}', '*']) {
      const result = checkConfigDocument(withPattern(pattern));
      expect(result.ok, pattern).toBe(false);
      if (!result.ok) expect(result.reason.length).toBeGreaterThan(30);
    }
  });

  it('runs a catastrophic-backtracking pattern on a long input in linear time', () => {
    const compiled = compileSerialPattern('(a+)+$');
    expect(compiled.ok).toBe(true);
    if (!compiled.ok) return;
    const input = `${'a'.repeat(50_000)}!`;
    const started = performance.now();
    expect(compiled.matches(input)).toBe(false);
    expect(performance.now() - started).toBeLessThan(1000);
  });

  it('searches anywhere unless anchored, and is case-sensitive unless (?i)', () => {
    const find = (pattern: string, serial: string) => {
      const compiled = compileSerialPattern(pattern);
      if (!compiled.ok) throw new Error(compiled.reason);
      return compiled.matches(serial);
    };
    expect(find('[0-9]{4}', 'SN-1234-X')).toBe(true);
    expect(find('^[0-9]{4}$', 'SN-1234-X')).toBe(false);
    expect(find('^[0-9]{4}$', '1234')).toBe(true);
    expect(find('^[A-Z]+$', 'abc')).toBe(false);
    expect(find('(?i)^[A-Z]+$', 'abc')).toBe(true);
    // $ is the end of the text, not of a line: a serial with a trailing line break does not match.
    expect(find('^[0-9]{4}$', '1234\n')).toBe(false);
    expect(find('^\\x{1D}?[0-9]+$', '\u001d42')).toBe(true);
  });
});

describe('paths', () => {
  it('puts the database in the user data folder of each OS, unless COUNTER_DB says otherwise', () => {
    expect(defaultDatabasePath({ platform: 'win32', env: { APPDATA: 'C:\\Users\\ann\\AppData\\Roaming' }, home: 'C:\\Users\\ann' })).toBe(
      'C:\\Users\\ann\\AppData\\Roaming\\Counter\\counter.sqlite',
    );
    expect(defaultDatabasePath({ platform: 'darwin', env: {}, home: '/Users/ann' })).toBe('/Users/ann/Library/Application Support/Counter/counter.sqlite');
    expect(defaultDatabasePath({ platform: 'linux', env: { XDG_CONFIG_HOME: '/xdg' }, home: '/home/ann' })).toBe('/xdg/Counter/counter.sqlite');
    expect(defaultDatabasePath({ platform: 'linux', env: { XDG_CONFIG_HOME: 'relative' }, home: '/home/ann' })).toBe('/home/ann/.config/Counter/counter.sqlite');
    expect(defaultDatabasePath({ platform: 'linux', env: {}, home: '/home/ann' })).toBe('/home/ann/.config/Counter/counter.sqlite');
    expect(defaultDatabasePath({ platform: 'linux', env: { COUNTER_DB: '/data/till.sqlite' }, home: '/home/ann' })).toBe('/data/till.sqlite');
  });

  it('reads the managed file from the machine-wide folder of each OS', () => {
    expect(managedConfigPath({ platform: 'win32', env: { ProgramData: 'D:\\ProgramData' } })).toBe('D:\\ProgramData\\Counter\\config.json');
    expect(managedConfigPath({ platform: 'win32', env: {} })).toBe('C:\\ProgramData\\Counter\\config.json');
    expect(managedConfigPath({ platform: 'darwin', env: {} })).toBe('/Library/Application Support/Counter/config.json');
    expect(managedConfigPath({ platform: 'linux', env: {} })).toBe('/etc/counter/config.json');
    expect(managedConfigPath({ platform: 'linux', env: { COUNTER_MANAGED_CONFIG: '/tmp/x.json' } })).toBe('/tmp/x.json');
  });
});

import { chmodSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SERIAL_REGEX_KEY } from '../../shared/config-schema';
import { ConfigStore, type EffectiveConfig } from '../../main/config/config-store';
import { openDatabase, type Db } from '../../main/db/open';
import { tempDbPath, tempDir } from '../support/temp';

const withPattern = (pattern: string, extra: Record<string, unknown> = {}) => ({ capabilities: { serialized_inventory: { serial_number_regex: pattern } }, ...extra });

function managedFile(content: unknown, mode = 0o644): string {
  const path = join(tempDir(), 'config.json');
  writeFileSync(path, typeof content === 'string' ? content : JSON.stringify(content));
  chmodSync(path, mode);
  return path;
}

function open(managedPath = join(tempDir(), 'none.json')): { db: Db; store: ConfigStore } {
  const db = openDatabase(tempDbPath());
  return { db, store: new ConfigStore(db, { managedPath, platform: 'linux' }) };
}

describe('ConfigStore: the local document', () => {
  it('starts from defaults, replaces the document whole and keeps unknown keys', () => {
    const { db, store } = open();
    expect(store.effective().sources).toEqual({ [SERIAL_REGEX_KEY]: 'default' });
    const document = withPattern('^[A-Z0-9]{14}$', { other_app: { colour: 'blue', list: [1, 2] } });
    expect(store.replace(document, 'test')).toEqual({ ok: true, warnings: [] });
    expect(store.effective().document).toEqual(document);
    expect(store.effective().sources).toEqual({ [SERIAL_REGEX_KEY]: 'local', 'other_app.colour': 'local', 'other_app.list': 'local' });
    // Replaced whole: a key left out is gone, not merged.
    store.replace({ other_app: { colour: 'red' } }, 'test');
    expect(store.local()).toEqual({ other_app: { colour: 'red' } });
    expect(store.effective().sources[SERIAL_REGEX_KEY]).toBe('default');
    db.close();
  });

  it('refuses an invalid pattern with the reason and keeps the last good configuration', () => {
    const { db, store } = open();
    store.replace(withPattern('^SN\\d+$'), 'test');
    for (const bad of ['(unclosed', '^(?=lookahead)', '(a)\\1', '[z-a]']) {
      const result = store.replace(withPattern(bad), 'test');
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.reason).toContain('serial_number_regex');
      expect(store.effective().document).toEqual(withPattern('^SN\\d+$'));
    }
    const wrongType = store.replace({ capabilities: { serialized_inventory: { serial_number_regex: 42 } } }, 'test');
    expect(wrongType.ok).toBe(false);
    expect(store.replace([] as unknown, 'test').ok).toBe(false);
    expect(store.history()).toHaveLength(1);
    db.close();
  });

  it('sets one key, parsing nothing itself, and records every change with old and new values', () => {
    let now = 0;
    const db = openDatabase(tempDbPath());
    const store = new ConfigStore(db, { managedPath: join(tempDir(), 'none.json'), now: () => new Date(Date.UTC(2026, 0, 1) + now++ * 1000) });
    expect(store.set(SERIAL_REGEX_KEY, '^[0-9]{10}$', 'cli').ok).toBe(true);
    expect(store.set('till.name', 'Front desk', 'settings screen').ok).toBe(true);
    expect(store.set('a..b', 1, 'cli').ok).toBe(false);
    expect(store.set('__proto__.x', 1, 'cli').ok).toBe(false);
    const history = store.history();
    expect(history.map((change) => [change.origin, change.scope, change.changedAt])).toEqual([
      ['settings screen', 'local', '2026-01-01T00:00:01.000Z'],
      ['cli', 'local', '2026-01-01T00:00:00.000Z'],
    ]);
    expect(history[0]!.oldDocument).toEqual(withPattern('^[0-9]{10}$'));
    expect(history[0]!.newDocument).toEqual(withPattern('^[0-9]{10}$', { till: { name: 'Front desk' } }));
    expect(history[1]!.oldDocument).toBeNull();
    db.close();
  });

  it('tells listeners when the configuration in force changes, and only then', () => {
    const { db, store } = open();
    const seen: EffectiveConfig[] = [];
    const stop = store.onChange((effective) => seen.push(effective));
    store.replace(withPattern('^A'), 'test');
    store.replace(withPattern('^A'), 'test');
    store.replace(withPattern('(bad'), 'test');
    expect(seen.map((e) => e.document)).toEqual([withPattern('^A')]);
    stop();
    store.replace(withPattern('^B'), 'test');
    expect(seen).toHaveLength(1);
    db.close();
  });
});

describe('ConfigStore: the managed file', () => {
  it('wins over local values, key by key, and its keys cannot be set here', () => {
    const path = managedFile(withPattern('^[A-Z0-9]{14}$'));
    const { db, store } = open(path);
    store.replace(withPattern('^local$', { till: { name: 'Front' } }), 'test');
    const effective = store.effective();
    expect(effective.document).toEqual(withPattern('^[A-Z0-9]{14}$', { till: { name: 'Front' } }));
    expect(effective.sources).toEqual({ [SERIAL_REGEX_KEY]: 'managed', 'till.name': 'local' });
    expect(effective.warnings.join(' ')).toContain(`${SERIAL_REGEX_KEY} is set by the managed configuration`);
    const refused = store.set(SERIAL_REGEX_KEY, '^x$', 'test');
    expect(refused.ok).toBe(false);
    if (!refused.ok) expect(refused.reason).toContain(path);
    expect(store.history().find((change) => change.scope === 'managed')?.origin).toBe(path);
    db.close();
  });

  it('refuses a group- or world-writable file with a visible warning, keeping the last good managed values', () => {
    const path = managedFile(withPattern('^GOOD$'));
    const dbPath = tempDbPath();
    const db = openDatabase(dbPath);
    new ConfigStore(db, { managedPath: path, platform: 'linux' });
    for (const [mode, who] of [
      [0o664, 'group'],
      [0o646, 'others'],
    ] as const) {
      writeFileSync(path, JSON.stringify(withPattern('^EVIL$')));
      chmodSync(path, mode);
      const store = new ConfigStore(db, { managedPath: path, platform: 'linux' });
      const effective = store.effective();
      expect(effective.document).toEqual(withPattern('^GOOD$'));
      expect(effective.sources[SERIAL_REGEX_KEY]).toBe('managed');
      expect(effective.warnings[0]).toContain(`writable by ${who}`);
      expect(effective.warnings[0]).toContain('last good');
    }
    db.close();
  });

  it('refuses a symbolic link, and a file with an invalid pattern, without inventing values', () => {
    const target = managedFile(withPattern('^LINKED$'));
    const link = join(tempDir(), 'config.json');
    symlinkSync(target, link);
    const linked = open(link);
    expect(linked.store.effective().document).toEqual(withPattern(''));
    expect(linked.store.effective().warnings[0]).toMatch(/symbolic link.*No managed values are in force/);
    linked.db.close();

    const invalid = open(managedFile(withPattern('(a')));
    expect(invalid.store.effective().warnings[0]).toContain('not a valid RE2 pattern');
    expect(invalid.store.effective().sources[SERIAL_REGEX_KEY]).toBe('default');
    invalid.db.close();

    const notJson = open(managedFile('{ "capabilities": '));
    expect(notJson.store.effective().warnings[0]).toContain('not valid JSON');
    notJson.db.close();
  });

  it('follows the file when IT changes or removes it', () => {
    const path = managedFile(withPattern('^ONE$'));
    const { db, store } = open(path);
    const seen: string[] = [];
    store.onChange((effective) => seen.push(String((effective.document as any).capabilities.serialized_inventory.serial_number_regex)));
    writeFileSync(path, JSON.stringify(withPattern('^TWO$')));
    store.reloadManaged();
    writeFileSync(path, JSON.stringify({}));
    store.reloadManaged();
    expect(seen).toEqual(['^TWO$', '']);
    expect(store.history().filter((change) => change.scope === 'managed')).toHaveLength(3);
    db.close();
  });

  it('is not checked for POSIX modes on Windows, where ProgramData ACLs protect it', () => {
    const path = managedFile(withPattern('^WIN$'), 0o666);
    const db = openDatabase(tempDbPath());
    const store = new ConfigStore(db, { managedPath: path, platform: 'win32' });
    expect(store.effective().sources[SERIAL_REGEX_KEY]).toBe('managed');
    expect(store.effective().warnings).toEqual([]);
    db.close();
  });
});

describe('ConfigStore: more than one connection', () => {
  it('sees a change another connection saved (the CLI while the app runs)', () => {
    const path = tempDbPath();
    const managedPath = join(tempDir(), 'none.json');
    const app = openDatabase(path);
    const cli = openDatabase(path);
    const appStore = new ConfigStore(app, { managedPath });
    expect(appStore.effective().sources[SERIAL_REGEX_KEY]).toBe('default');
    new ConfigStore(cli, { managedPath }).set(SERIAL_REGEX_KEY, '^CLI$', 'cli');
    expect(appStore.effectiveDocument()).toEqual(withPattern('^CLI$'));
    cli.close();
    app.close();
  });
});

describe('ConfigStore: counter.scanner.wedge', () => {
  const withWedge = (wedge: Record<string, unknown>, extra: Record<string, unknown> = {}) => ({ counter: { scanner: { wedge } }, ...extra });

  it('refuses a document with invalid wedge settings, naming the setting, and keeps the last good configuration', () => {
    const { db, store } = open();
    const good = withPattern('^SN\\d+$', withWedge({ maxGapMs: 70, endTimeoutMs: 140 }));
    expect(store.replace(good, 'test').ok).toBe(true);
    const cases: [unknown, RegExp][] = [
      [withWedge({ maxGapMs: 2 }), /^counter\.scanner\.wedge: maxGapMs: Too small: expected number to be >=5\. The configuration in force was kept\.$/],
      [withWedge({ speed: 3 }), /^counter\.scanner\.wedge: .*speed/],
      [withWedge({ maxGapMs: 200 }), /^counter\.scanner\.wedge: endTimeoutMs \(100\) must be at least maxGapMs \(200\)\. The configuration in force was kept\.$/],
    ];
    for (const [document, reason] of cases) {
      const result = store.replace(document, 'test');
      expect(result).toEqual({ ok: false, reason: expect.stringMatching(reason) });
    }
    const set = store.set('counter.scanner.wedge.layout', 'dvorak', 'cli');
    expect(set).toEqual({ ok: false, reason: expect.stringMatching(/^counter\.scanner\.wedge: layout: /) });
    expect(store.local()).toEqual(good);
    expect(store.history()).toHaveLength(1);
    db.close();
  });

  it('checks the wedge settings a save changes together with the managed ones, and does not blame a save that leaves them alone', () => {
    // IT raised maxGapMs without endTimeoutMs: the file is taken, and works once the till sets an endTimeoutMs to match.
    const path = managedFile(withWedge({ maxGapMs: 200 }));
    const { db, store } = open(path);
    expect(store.effective().warnings).toEqual([]);
    expect(store.set(SERIAL_REGEX_KEY, '^SN$', 'cli').ok).toBe(true);
    expect(store.set('counter.scanner.wedge.endTimeoutMs', 150, 'cli')).toEqual({
      ok: false,
      reason: `counter.scanner.wedge: endTimeoutMs (150) must be at least maxGapMs (200), with the values of the managed configuration ${path}. The configuration in force was kept.`,
    });
    expect(store.set('counter.scanner.wedge.endTimeoutMs', 240, 'cli').ok).toBe(true);
    expect(store.effective().document).toMatchObject(withPattern('^SN$', withWedge({ maxGapMs: 200, endTimeoutMs: 240 })));
    db.close();
  });

  it('refuses a managed file with an invalid wedge setting, keeping the last good managed values', () => {
    const path = managedFile(withPattern('^GOOD$', withWedge({ maxGapMs: 60, endTimeoutMs: 120 })));
    const { db, store } = open(path);
    writeFileSync(path, JSON.stringify(withPattern('^NEW$', withWedge({ maxGapMs: 6000 }))));
    store.reloadManaged();
    const effective = store.effective();
    expect(effective.document).toMatchObject(withPattern('^GOOD$', withWedge({ maxGapMs: 60 })));
    expect(effective.warnings[0]).toMatch(/^The managed configuration was refused: .*counter\.scanner\.wedge: maxGapMs: Too big.*last good/);
    db.close();
  });

  it('keeps a local document saved before wedge settings were checked in force, and asks for them to be fixed on the next save', () => {
    const { db, store } = open();
    const saved = withPattern('^SN$', withWedge({ layout: 'dvorak' }));
    db.prepare("INSERT INTO app_config (id, document, updated_at) VALUES (1, ?, '2025-01-01T00:00:00.000Z')").run(JSON.stringify(saved));
    expect(store.effective().document).toEqual(saved);
    expect(store.effective().warnings).toEqual([]);
    expect(store.set('till.name', 'Front', 'cli')).toEqual({ ok: false, reason: expect.stringMatching(/^counter\.scanner\.wedge: layout: /) });
    expect(store.set('counter.scanner.wedge.layout', 'os', 'cli').ok).toBe(true);
    expect(store.local()).toEqual(withPattern('^SN$', withWedge({ layout: 'os' })));
    db.close();
  });
});

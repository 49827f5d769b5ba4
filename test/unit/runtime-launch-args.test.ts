import { describe, expect, it } from 'vitest';
import { databasePathFor, parseLaunchArgs, parseWindowArgs, userArgsOf } from '../../main/runtime/launch-args';

describe('userArgsOf', () => {
  it('drops only the executable in the packaged app', () => {
    expect(userArgsOf(['/opt/Counter/counter', '--db', 'x.sqlite'], false)).toEqual(['--db', 'x.sqlite']);
  });
  it('drops the executable and the app folder under `electron .`, keeping switches around it', () => {
    expect(userArgsOf(['/usr/bin/electron', '.', '--db', 'x.sqlite'], true)).toEqual(['--db', 'x.sqlite']);
    expect(userArgsOf(['/usr/bin/electron', '--inspect=9229', '/work/app', '--no-demo'], true)).toEqual(['--inspect=9229', '--no-demo']);
  });
});

describe('parseLaunchArgs', () => {
  it('opens the window on the default database without arguments', () => {
    expect(parseLaunchArgs([])).toEqual({ mode: 'window', dbPath: null, seedDemo: true, ignoredSwitches: [] });
  });
  it('takes --db PATH and --db=PATH', () => {
    expect(parseLaunchArgs(['--db', '/srv/till.sqlite'])).toMatchObject({ mode: 'window', dbPath: '/srv/till.sqlite' });
    expect(parseLaunchArgs(['--db=/srv/till.sqlite'])).toMatchObject({ mode: 'window', dbPath: '/srv/till.sqlite' });
  });
  it('takes the same arguments as `counter start`, with the word start or without it', () => {
    expect(parseLaunchArgs(['start', '--db', 'a.sqlite', '--no-demo'])).toEqual(parseLaunchArgs(['--db', 'a.sqlite', '--no-demo']));
    expect(parseLaunchArgs(['start', '--no-demo'])).toMatchObject({ mode: 'window', seedDemo: false });
  });
  it('routes other commands to the CLI whole, with their arguments untouched', () => {
    expect(parseLaunchArgs(['scenario', 'run', 'a.json', '--db', 'x'])).toEqual({ mode: 'command', argv: ['scenario', 'run', 'a.json', '--db', 'x'] });
    expect(parseLaunchArgs(['--help'])).toEqual({ mode: 'command', argv: ['--help'] });
  });
  it('leaves Chromium and Electron switches alone and says which', () => {
    const launch = parseLaunchArgs(['--enable-logging', '--db', 'a.sqlite', '-psn_0_12345', '--port', '5174']);
    expect(launch).toEqual({ mode: 'window', dbPath: 'a.sqlite', seedDemo: true, ignoredSwitches: ['--enable-logging', '-psn_0_12345', '--port 5174'] });
  });
  it('refuses --db without a path, naming the option', () => {
    for (const args of [['--db'], ['--db='], ['--db', '--no-demo']]) {
      const launch = parseLaunchArgs(args);
      expect(launch.mode).toBe('invalid');
      expect(launch.mode === 'invalid' && launch.message).toMatch(/--db needs the path/);
    }
  });
  it('refuses two databases and stray words, saying which', () => {
    expect(parseWindowArgs(['--db', 'a', '--db=b'])).toEqual({ mode: 'invalid', message: expect.stringContaining('"a" and "b"') });
    expect(parseWindowArgs(['--db', 'a', 'oops'])).toEqual({ mode: 'invalid', message: expect.stringContaining('"oops" at position 3') });
  });
});

describe('databasePathFor', () => {
  const where = { cwd: '/home/till', userDataDir: '/home/till/.config/Counter', env: {} };
  it('puts the database in the user data folder by default', () => {
    expect(databasePathFor(null, where)).toBe('/home/till/.config/Counter/counter.sqlite');
  });
  it('resolves a relative --db against where Counter was started', () => {
    expect(databasePathFor('data/x.sqlite', where)).toBe('/home/till/data/x.sqlite');
    expect(databasePathFor('/srv/x.sqlite', where)).toBe('/srv/x.sqlite');
  });
  it('takes $COUNTER_DB when no --db is given, as the CLI does', () => {
    expect(databasePathFor(null, { ...where, env: { COUNTER_DB: '/srv/env.sqlite' } })).toBe('/srv/env.sqlite');
    expect(databasePathFor('/srv/flag.sqlite', { ...where, env: { COUNTER_DB: '/srv/env.sqlite' } })).toBe('/srv/flag.sqlite');
    expect(databasePathFor(null, { ...where, env: { COUNTER_DB: '' } })).toBe('/home/till/.config/Counter/counter.sqlite');
  });
});

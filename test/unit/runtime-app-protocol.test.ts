import fc from 'fast-check';
import { sep } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isAppUrl, RENDERER_ENTRY_URL, resolveAppRequest } from '../../main/runtime/app-protocol';

const root = '/opt/Counter/resources/app.asar/dist/renderer';

describe('resolveAppRequest', () => {
  it('serves the entry page for the root and for index.html', () => {
    for (const url of ['app://counter/', 'app://counter', RENDERER_ENTRY_URL]) {
      expect(resolveAppRequest(root, url)).toEqual({ ok: true, file: `${root}/index.html`, contentType: 'text/html; charset=utf-8' });
    }
  });
  it('maps nested files and ignores query and hash', () => {
    expect(resolveAppRequest(root, 'app://counter/assets/index-a1b2.js?v=3#x')).toEqual({
      ok: true,
      file: `${root}/assets/index-a1b2.js`,
      contentType: 'text/javascript; charset=utf-8',
    });
    expect(resolveAppRequest(root, 'app://counter/sounds/beep%20ok.wav')).toMatchObject({ ok: true, file: `${root}/sounds/beep ok.wav`, contentType: 'audio/wav' });
  });
  it('refuses other origins', () => {
    expect(resolveAppRequest(root, 'app://evil/index.html')).toMatchObject({ ok: false, status: 403 });
    expect(resolveAppRequest(root, 'https://counter/index.html')).toMatchObject({ ok: false, status: 403 });
  });
  it('refuses every way of climbing out of the renderer folder', () => {
    const attempts = [
      'app://counter/..%2f..%2fconfig.json',
      'app://counter/assets/..%2F..%2F..%2Fetc%2Fpasswd',
      'app://counter/%2e%2e%2fsecret',
      'app://counter/a%5c..%5c..%5csecret',
      'app://counter/C:%5cWindows%5cwin.ini',
      'app://counter/index.html%00.png',
      'app://counter/bad%zzescape',
    ];
    for (const url of attempts) {
      const resolution = resolveAppRequest(root, url);
      expect(resolution.ok, url).toBe(false);
      expect(!resolution.ok && resolution.reason, url).toMatch(/climbs out|backslash|not valid percent/);
    }
  });
  it('keeps literal dot segments inside the folder, as URL parsing already resolved them', () => {
    expect(resolveAppRequest(root, 'app://counter/assets/../../../etc/passwd')).toMatchObject({ ok: true, file: `${root}/etc/passwd` });
  });
  it('never names a file outside the folder, whatever the path', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.constantFrom('..', '.', '%2e%2e', '%2f', '%5c', '%00', 'a', '/', '%'), fc.string()), { maxLength: 12 }), (parts) => {
        const resolution = resolveAppRequest(root, `app://counter/${parts.join('')}`);
        if (resolution.ok) expect(resolution.file.startsWith(root + sep)).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });
});

describe('isAppUrl', () => {
  it('accepts only app://counter pages', () => {
    expect(isAppUrl('app://counter/index.html')).toBe(true);
    expect(isAppUrl('app://counter.evil/index.html')).toBe(false);
    expect(isAppUrl('http://127.0.0.1:5174/')).toBe(false);
    expect(isAppUrl('file:///opt/Counter/index.html')).toBe(false);
    expect(isAppUrl('not a url')).toBe(false);
  });
});

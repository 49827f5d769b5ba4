import { extname, resolve, sep } from 'node:path';

/**
 * The renderer is served from the app's own files on `app://counter/`, never from a remote URL
 * or file:// (which would give the page the whole disk). The scheme is registered as standard and
 * secure, so the page has a real origin and web security applies to it.
 */
export const APP_SCHEME = 'app';
export const APP_HOST = 'counter';
export const RENDERER_ENTRY_URL = `${APP_SCHEME}://${APP_HOST}/index.html`;

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.map': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.wav': 'audio/wav',
  '.woff2': 'font/woff2',
};

export type AppFileResolution =
  | { ok: true; file: string; contentType: string }
  | { ok: false; status: 400 | 403 | 404; reason: string };

/** Whether a URL is a page of ours: our scheme and our host, whatever the path. */
export function isAppUrl(url: string): boolean {
  try {
    const parsed = new URL(url);
    return parsed.protocol === `${APP_SCHEME}:` && parsed.host === APP_HOST;
  } catch {
    return false;
  }
}

/**
 * Maps a request on our scheme to a file under `rootDir`. Anything that could name a file outside
 * it is refused outright rather than normalised: `..` segments (also percent-encoded, also after
 * `%2f` decodes to a slash), backslashes, NUL and drive or stream colons.
 */
export function resolveAppRequest(rootDir: string, requestUrl: string): AppFileResolution {
  let url: URL;
  try {
    url = new URL(requestUrl);
  } catch {
    return { ok: false, status: 400, reason: `"${requestUrl}" is not a URL` };
  }
  if (url.protocol !== `${APP_SCHEME}:` || url.host !== APP_HOST) {
    return { ok: false, status: 403, reason: `${url.protocol}//${url.host} is not Counter's own origin` };
  }
  let path: string;
  try {
    path = decodeURIComponent(url.pathname);
  } catch {
    return { ok: false, status: 400, reason: `the path "${url.pathname}" is not valid percent-encoding` };
  }
  if (/[\\\0:]/.test(path)) return { ok: false, status: 400, reason: `the path "${path}" holds a backslash, NUL or colon` };
  const segments = path.split('/').filter((segment) => segment !== '' && segment !== '.');
  if (segments.includes('..')) return { ok: false, status: 403, reason: `the path "${path}" climbs out of the app's files` };
  if (segments.length === 0) segments.push('index.html');

  const root = resolve(rootDir);
  const file = resolve(root, ...segments);
  if (!file.startsWith(root + sep)) return { ok: false, status: 403, reason: `the path "${path}" is outside the app's files` };
  return { ok: true, file, contentType: CONTENT_TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream' };
}

import { protocol, type Session } from 'electron';
import { readFile } from 'node:fs/promises';
import { RENDERER_CSP } from '../../shared/security';
import { APP_SCHEME, resolveAppRequest } from '../runtime/app-protocol';

/**
 * Must run before the app is ready: Chromium fixes its scheme table at start-up. Vite's page loads
 * its module script with `crossorigin`, a CORS-mode fetch, which Chromium makes only on schemes
 * marked CORS-enabled; we send no Access-Control headers, so no other origin may read our files.
 */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, corsEnabled: true, codeCache: true } },
  ]);
}

/** Serves the built renderer on app://counter/, with the renderer's CSP on every page. */
export function serveAppFiles(session: Session, rendererDir: string): void {
  session.protocol.handle(APP_SCHEME, async (request) => {
    if (request.method !== 'GET') return plainResponse(405, `Counter serves its files to GET only, not ${request.method}`);
    const resolution = resolveAppRequest(rendererDir, request.url);
    if (!resolution.ok) return plainResponse(resolution.status, `Counter refused ${request.url}: ${resolution.reason}`);
    const body = await readFile(resolution.file).catch(() => null);
    if (!body) return plainResponse(404, `Counter has no file for ${request.url} (looked for ${resolution.file})`);
    return new Response(body, {
      status: 200,
      headers: {
        'content-type': resolution.contentType,
        'content-security-policy': RENDERER_CSP,
        'x-content-type-options': 'nosniff',
        'cache-control': 'no-store',
      },
    });
  });
}

function plainResponse(status: number, text: string): Response {
  return new Response(text, { status, headers: { 'content-type': 'text/plain; charset=utf-8', 'content-security-policy': RENDERER_CSP } });
}

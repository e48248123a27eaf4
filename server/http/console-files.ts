import { readFile, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';

const TYPES: Record<string, string> = {
  html: 'text/html; charset=utf-8',
  js: 'text/javascript; charset=utf-8',
  css: 'text/css; charset=utf-8',
  map: 'application/json; charset=utf-8',
};
const SAFE_NAME = /^[A-Za-z0-9_.-]+$/;
// Same origin as the API: scripts and calls only to 'self'; styles are constructable sheets (no inline style);
// no frame may embed it (clickjacking of destructive actions).
const CSP =
  "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; img-src 'self' data:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

/**
 * Serves the built operator console (dist/console) at `/console/`: the page, and its hashed assets under
 * `/console/assets/`. Returns null for any other path, so the API answers it.
 */
export function createConsoleFiles(dir: string | undefined): (request: Request) => Promise<Response | null> {
  const root = dir ? resolve(dir) : undefined;
  return async (request) => {
    if (!root || (request.method !== 'GET' && request.method !== 'HEAD')) return null;
    const { pathname, search } = new URL(request.url);
    if (pathname === '/console')
      return new Response(null, { status: 308, headers: { location: `/console/${search}` } });
    if (!pathname.startsWith('/console/')) return null;
    const rest = pathname.slice('/console/'.length);
    const name = rest === '' || rest === 'index.html' ? 'index.html' : rest.startsWith('assets/') ? rest.slice(7) : '';
    if (!SAFE_NAME.test(name)) return null;
    const file = name === 'index.html' ? join(root, name) : join(root, 'assets', name);
    const info = await stat(file).catch(() => null);
    if (!info?.isFile()) return null;
    const headers = new Headers({
      'content-type': TYPES[name.split('.').pop() ?? ''] ?? 'application/octet-stream',
      'content-security-policy': CSP,
      'x-content-type-options': 'nosniff',
      'referrer-policy': 'no-referrer',
      'x-frame-options': 'DENY',
      'cache-control': name === 'index.html' ? 'no-cache' : 'public, max-age=31536000, immutable',
    });
    return new Response(request.method === 'HEAD' ? null : await readFile(file), { status: 200, headers });
  };
}

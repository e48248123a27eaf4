import { readFile, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { FRAME_PATH } from '../../shared/contract/frame-messages.ts';

const TYPES: Record<string, string> = {
  html: 'text/html; charset=utf-8',
  js: 'text/javascript; charset=utf-8',
  css: 'text/css; charset=utf-8',
  map: 'application/json; charset=utf-8',
};
const SAFE_NAME = /^[A-Za-z0-9_.-]+$/;

/**
 * The frame's policy: scripts, styles and calls only from this origin (the page's scripts are files, its styles
 * constructable sheets), no HTML written from strings (Trusted Types, with no policy allowed), and only the one
 * host page origin it was asked for may embed it (R68).
 */
export const frameCsp = (ancestor: string): string =>
  [
    "default-src 'none'",
    "script-src 'self'",
    "style-src 'self'",
    "connect-src 'self'",
    "img-src 'self' data:",
    "base-uri 'none'",
    "form-action 'none'",
    `frame-ancestors ${ancestor}`,
    "require-trusted-types-for 'script'",
    "trusted-types 'none'",
  ].join('; ');

/**
 * Serves the sign-in frame (built into `<widget dir>/frame/` by the widget's build) at `/frame/?origin=<host page
 * origin>&lang=…`, and its hashed assets under `/frame/assets/`. The page is served only for an origin in
 * ALLOWED_ORIGINS (the origins whose pages may call the API), and may be framed by that origin alone: the frame
 * posts its messages to exactly that origin (R69). Returns null for any other path, so the API answers it.
 */
export function createFrameFiles(
  widgetDir: string | undefined,
  allowedOrigins: () => readonly string[],
): (request: Request) => Promise<Response | null> {
  const root = widgetDir ? resolve(widgetDir, 'frame') : undefined;
  return async (request) => {
    if (!root || (request.method !== 'GET' && request.method !== 'HEAD')) return null;
    const url = new URL(request.url);
    if (!url.pathname.startsWith(FRAME_PATH)) return null;
    const rest = url.pathname.slice(FRAME_PATH.length);
    const page = rest === '';
    const name = page ? 'index.html' : rest.startsWith('assets/') ? rest.slice('assets/'.length) : '';
    if (!SAFE_NAME.test(name)) return null;
    const origin = url.searchParams.get('origin') ?? '';
    if (page && !allowedOrigins().includes(origin))
      return new Response('This page may only be shown by the Twikit privacy widget on an allowed site.\n', {
        status: 403,
        headers: {
          'content-type': 'text/plain; charset=utf-8',
          'content-security-policy': "default-src 'none'; frame-ancestors 'none'",
          'x-content-type-options': 'nosniff',
          'cache-control': 'no-store',
        },
      });
    const file = page ? join(root, name) : join(root, 'assets', name);
    const info = await stat(file).catch(() => null);
    if (!info?.isFile()) return null;
    const headers = new Headers({
      'content-type': TYPES[name.split('.').pop() ?? ''] ?? 'application/octet-stream',
      'x-content-type-options': 'nosniff',
      'referrer-policy': 'no-referrer',
      'cache-control': page ? 'no-store' : 'public, max-age=31536000, immutable',
    });
    if (page) headers.set('content-security-policy', frameCsp(origin));
    return new Response(request.method === 'HEAD' ? null : await readFile(file), { status: 200, headers });
  };
}

import { readFile, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';

const TYPES: Record<string, string> = {
  ts: 'text/plain; charset=utf-8',
  js: 'text/javascript; charset=utf-8',
  json: 'application/json; charset=utf-8',
  map: 'application/json; charset=utf-8',
  css: 'text/css; charset=utf-8',
};
const SAFE_NAME = /^[A-Za-z0-9_.-]+$/;
// Chunk names carry a content hash: they never change, so caches may keep them forever.
const HASHED = /-[A-Za-z0-9_-]{8,}\.js$/;

/**
 * Serves the built widget (dist/widget) under `/widget/`, from Twikit's origin, to any embedding page:
 * public files, so `Access-Control-Allow-Origin: *` (module chunks are fetched in CORS mode; SRI needs it too).
 * Returns null for paths that are not widget files, so the API answers them.
 */
export function createWidgetFiles(dir: string | undefined): (request: Request) => Promise<Response | null> {
  const root = dir ? resolve(dir) : undefined;
  return async (request) => {
    if (!root || (request.method !== 'GET' && request.method !== 'HEAD')) return null;
    const { pathname } = new URL(request.url);
    if (!pathname.startsWith('/widget/')) return null;
    const name = pathname.slice('/widget/'.length);
    if (!SAFE_NAME.test(name) || name === 'manifest.json') return null;
    const file = join(root, name);
    const info = await stat(file).catch(() => null);
    if (!info?.isFile()) return null;
    const headers = new Headers({
      'content-type': TYPES[name.split('.').pop() ?? ''] ?? 'application/octet-stream',
      'access-control-allow-origin': '*',
      'cross-origin-resource-policy': 'cross-origin',
      'x-content-type-options': 'nosniff',
      'cache-control': HASHED.test(name) ? 'public, max-age=31536000, immutable' : 'public, max-age=300',
    });
    return new Response(request.method === 'HEAD' ? null : await readFile(file), { status: 200, headers });
  };
}

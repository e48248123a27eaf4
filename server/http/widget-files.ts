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
// `/widget/v<version>/<name>`: the release's own URL, which never changes either (R65).
const VERSIONED = /^v([0-9A-Za-z.+-]+)\/([A-Za-z0-9_.-]+)$/;
const IMMUTABLE = 'public, max-age=31536000, immutable';

/**
 * Serves the built widget (dist/widget) under `/widget/`, from Twikit's origin, to any embedding page:
 * public files, so `Access-Control-Allow-Origin: *` (module chunks are fetched in CORS mode; SRI needs it too).
 * The same files are also served under `/widget/v<version>/` (the version of the build's `integrity.json`), cached
 * for good: a page that pins the loader with `integrity` gets exactly the files it pinned (R65).
 * Returns null for paths that are not widget files, so the API answers them.
 */
export function createWidgetFiles(dir: string | undefined): (request: Request) => Promise<Response | null> {
  const root = dir ? resolve(dir) : undefined;
  return async (request) => {
    if (!root || (request.method !== 'GET' && request.method !== 'HEAD')) return null;
    const { pathname } = new URL(request.url);
    if (!pathname.startsWith('/widget/')) return null;
    let name = pathname.slice('/widget/'.length);
    const versioned = VERSIONED.exec(name);
    if (versioned) {
      if (versioned[1] !== (await builtVersion(root))) return null;
      name = versioned[2]!;
    }
    if (!SAFE_NAME.test(name) || name === 'manifest.json') return null;
    const file = join(root, name);
    const info = await stat(file).catch(() => null);
    if (!info?.isFile()) return null;
    const headers = new Headers({
      'content-type': TYPES[name.split('.').pop() ?? ''] ?? 'application/octet-stream',
      'access-control-allow-origin': '*',
      'cross-origin-resource-policy': 'cross-origin',
      'x-content-type-options': 'nosniff',
      'cache-control': versioned || HASHED.test(name) ? IMMUTABLE : 'public, max-age=300',
    });
    return new Response(request.method === 'HEAD' ? null : await readFile(file), { status: 200, headers });
  };
}

/** The version the build in `root` says it is (its integrity.json), read on each call: a rebuild may change it. */
async function builtVersion(root: string): Promise<string | null> {
  try {
    const { version } = JSON.parse(await readFile(join(root, 'integrity.json'), 'utf8')) as { version?: unknown };
    return typeof version === 'string' ? version : null;
  } catch {
    return null;
  }
}

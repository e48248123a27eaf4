// The bench's web server: the host pages (and peers' config scripts) in bench/pages/, and the scripts they
// load (our widget build, the peers' npm folders), compressed the way a CDN serves static files (brotli when
// the browser offers it, else gzip; compressed once per file at the highest level, then kept in memory).
import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

const PAGES = fileURLToPath(new URL('./pages/', import.meta.url));
const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.gif': 'image/gif',
};
const COMPRESSIBLE = new Set(['.html', '.js', '.css', '.json', '.svg']);

export interface StaticHost {
  origin: string;
  /** The URL of bench/pages/<name>.html. */
  page(name: string): string;
  /** Content-Encodings actually served (for the report: what the browser negotiated). */
  encodings: Set<string>;
  /** The rights API the pages point at (`{{API_URL}}`); set once the API runs (it needs this origin first, for CORS). */
  apiUrl: string;
  close(): Promise<void>;
}

type Encoding = 'br' | 'gzip' | 'identity';

const pick = (accept: string | undefined): Encoding =>
  /\bbr\b/.test(accept ?? '') ? 'br' : /\bgzip\b/.test(accept ?? '') ? 'gzip' : 'identity';

const encode = (body: Buffer, encoding: Encoding): Buffer =>
  encoding === 'br'
    ? brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } })
    : encoding === 'gzip'
      ? gzipSync(body, { level: 9 })
      : body;

/** Serves `mounts` (URL prefix → folder) and the pages, whose `{{API_URL}}` becomes `host.apiUrl`. */
export async function startStaticHost(mounts: Array<{ prefix: string; dir: string }>): Promise<StaticHost> {
  const roots = mounts.map((m) => ({ prefix: m.prefix, dir: resolve(m.dir) }));
  const cache = new Map<string, Buffer>();
  const encodings = new Set<string>();

  /** The file behind a URL path, or null (never outside its folder). */
  const fileFor = (path: string): string | null => {
    const page = /^\/([a-z0-9-]+\.(?:html|js))$/.exec(path);
    if (page) return PAGES + page[1];
    const root = roots.find((r) => path.startsWith(r.prefix));
    if (!root) return null;
    const file = resolve(root.dir, decodeURIComponent(path.slice(root.prefix.length)));
    return file.startsWith(root.dir + sep) ? file : null;
  };

  const server = createServer((req, res) => {
    void (async () => {
      const path = new URL(req.url ?? '/', 'http://localhost').pathname;
      const file = req.method === 'GET' ? fileFor(path) : null;
      const raw = file ? await readFile(file).catch(() => null) : null;
      if (!file || !raw) return void res.writeHead(404, { 'content-type': 'text/plain' }).end('Not found\n');
      const ext = extname(file);
      const html = ext === '.html';
      const body = html ? Buffer.from(raw.toString('utf8').replaceAll('{{API_URL}}', host.apiUrl)) : raw;
      const encoding = COMPRESSIBLE.has(ext) ? pick(req.headers['accept-encoding']) : 'identity';
      const key = `${encoding}:${file}`;
      // Pages are small and templated: compress each time. Assets never change during a run: once.
      const sent = html ? encode(body, encoding) : (cache.get(key) ?? cache.set(key, encode(body, encoding)).get(key)!);
      encodings.add(encoding);
      res.writeHead(200, {
        'content-type': TYPES[ext] ?? 'application/octet-stream',
        'content-length': String(sent.length),
        ...(encoding === 'identity' ? {} : { 'content-encoding': encoding }),
        vary: 'accept-encoding',
        'cache-control': html ? 'no-store' : 'public, max-age=3600',
      });
      res.end(sent);
    })().catch((error: unknown) => {
      if (!res.headersSent) res.writeHead(500).end(String(error));
      else res.destroy();
    });
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const host: StaticHost = {
    origin,
    apiUrl: '',
    page: (name) => `${origin}/${name}.html`,
    encodings,
    close: () =>
      new Promise<void>((done, fail) => {
        server.close((error) => (error ? fail(error) : done()));
        server.closeAllConnections();
      }),
  };
  return host;
}

import { readFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { SignJWT } from 'jose';
import { loadConfig } from '../../server/config.ts';
import {
  createJobsEndpoint,
  DEMO_SYSTEMS_FILE,
  DEMO_USER,
  type JobsEndpoint,
  openTwikfitStore,
  pageData,
  twikfitSecret,
} from '../twikfit-system/index.ts';

/** The demo host's own user: the person "signed in" to the TwikFit-like app. */
export { DEMO_USER };

export interface DemoHostOptions {
  /** Port to listen on; 0 = any free port (the returned `url` names the real one). */
  port: number;
  /** Interface to listen on (default 127.0.0.1). */
  host?: string;
  /** Base URL of the rights API; the widget script and `data-api` point at it. */
  apiUrl: string;
  /** HS256 key (the rights API's HOST_TOKEN_SECRET) for the host-app tokens handed to the widget. */
  hostTokenSecret: string;
  /** `strict` (default): a strict CSP with Trusted Types on every response; `none`: no CSP. */
  csp?: 'strict' | 'none';
  /** How long demo.js waits for the widget before showing "Privacy controls unavailable" (ms, default 8000). */
  widgetTimeoutMs?: number;
  /**
   * TwikFit's backend as a data system of the rights API: its store (a JSON file, or memory when no path is
   * given) and, with the `whsec_` secret of its systems-file entry, its webhook at `POST /privacy/jobs`.
   */
  twikfit?: { secret?: string; storePath?: string };
}

export interface DemoHost {
  url: string;
  /** TwikFit's webhook endpoint, when a secret was given (tests wait on `jobs.idle()`). */
  jobs?: JobsEndpoint;
  close(): Promise<void>;
}

const publicDir = fileURLToPath(new URL('./public/', import.meta.url));

const staticFiles: Record<string, { file: string; type: string }> = {
  '/demo.js': { file: 'demo.js', type: 'text/javascript; charset=utf-8' },
  '/demo.css': { file: 'demo.css', type: 'text/css; charset=utf-8' },
};

/**
 * The strict policy: no inline script or style, no eval, scripts only from here and the rights API, frames only from
 * the rights API (the sign-in frame), Trusted Types on.
 */
export function strictCsp(apiOrigin: string): string {
  return [
    "default-src 'none'",
    `script-src 'self' ${apiOrigin}`,
    `connect-src 'self' ${apiOrigin}`,
    // The sign-in frame (R68): a visitor signs in and files requests in a page of the rights API's origin.
    `frame-src ${apiOrigin}`,
    "style-src 'self'",
    "img-src 'self' data:",
    "font-src 'self'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    "require-trusted-types-for 'script'",
    'trusted-types twikit-privacy',
  ].join('; ');
}

const escapeAttribute = (value: string): string =>
  value.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/** Starts the demo TwikFit-like host app (node:http): its page, its static files and its token endpoint. */
export async function startDemoHost(options: DemoHostOptions): Promise<DemoHost> {
  const host = options.host ?? '127.0.0.1';
  const apiUrl = options.apiUrl.replace(/\/+$/, '');
  const apiOrigin = new URL(apiUrl).origin;
  const csp = options.csp ?? 'strict';
  if (options.hostTokenSecret.length < 32)
    throw new Error('hostTokenSecret must be at least 32 characters (HS256 key)');
  const key = new TextEncoder().encode(options.hostTokenSecret);
  const widgetTimeout = String(Math.max(0, Math.round(options.widgetTimeoutMs ?? 8000)));

  const store = await openTwikfitStore(options.twikfit?.storePath);
  const jobs = options.twikfit?.secret ? createJobsEndpoint({ secret: options.twikfit.secret, store }) : undefined;

  const template = await readFile(`${publicDir}index.html`, 'utf8');
  const indexHtml = template
    .replaceAll('{{API_URL}}', escapeAttribute(apiUrl))
    .replaceAll('{{WIDGET_TIMEOUT}}', widgetTimeout);

  const send = (
    res: ServerResponse,
    status: number,
    type: string,
    body: string | Buffer,
    extra: Record<string, string> = {},
  ): void => {
    const headers: Record<string, string> = {
      'content-type': type,
      'content-length': String(Buffer.byteLength(body)),
      'x-content-type-options': 'nosniff',
      'referrer-policy': 'no-referrer',
      ...extra,
    };
    // Every response carries the policy (it only matters on HTML, and costs nothing elsewhere).
    if (csp === 'strict') headers['content-security-policy'] = strictCsp(apiOrigin);
    res.writeHead(status, headers);
    res.end(body);
  };

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const path = new URL(req.url ?? '/', 'http://localhost').pathname;
    if (req.method === 'GET' && (path === '/' || path === '/index.html')) {
      return send(res, 200, 'text/html; charset=utf-8', indexHtml, { 'cache-control': 'no-store' });
    }
    const asset = req.method === 'GET' ? staticFiles[path] : undefined;
    if (asset) {
      return send(res, 200, asset.type, await readFile(publicDir + asset.file), { 'cache-control': 'no-cache' });
    }
    if (req.method === 'POST' && path === '/api/privacy-token') {
      req.resume(); // no body expected; drain whatever came
      // The host backend vouches for its signed-in user: a short-lived host-app token for the widget.
      const token = await new SignJWT({ email: DEMO_USER.email, email_verified: true })
        .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
        .setSubject(DEMO_USER.sub)
        .setIssuedAt()
        .setExpirationTime('10m')
        .sign(key);
      return send(res, 200, 'application/json; charset=utf-8', JSON.stringify({ token }), {
        'cache-control': 'no-store',
      });
    }
    if (req.method === 'GET' && path === '/api/my-data') {
      // The signed-in user's designs and scans, read from TwikFit's store on every load (after an erasure: none).
      return send(res, 200, 'application/json; charset=utf-8', JSON.stringify(pageData(store, DEMO_USER.sub)), {
        'cache-control': 'no-store',
      });
    }
    if (req.method === 'POST' && path === '/privacy/jobs' && jobs) return jobs.handle(req, res);
    return send(res, 404, 'text/plain; charset=utf-8', 'Not found\n');
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      console.error('demo host:', error);
      if (!res.headersSent) send(res, 500, 'text/plain; charset=utf-8', 'Internal error\n');
      else res.destroy();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  const url = `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
  return {
    url,
    jobs,
    close: async () => {
      await new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      });
      await jobs?.close();
    },
  };
}

// `npx tsx demo/host/server.ts`: the demo on http://127.0.0.1:8788 (an origin the API allows by default in
// development) against `npm start`'s API on :8787, with the API's development host-token key.
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const apiUrl = process.env.API_URL ?? 'http://127.0.0.1:8787';
  const secret = loadConfig({ ...process.env, NODE_ENV: process.env.NODE_ENV || 'development' }).hostToken.secret;
  if (!secret) throw new Error("Set HOST_TOKEN_SECRET (the API's HS256 host-token key).");
  const demo = await startDemoHost({
    port: Number(process.env.DEMO_PORT ?? 8788),
    apiUrl,
    hostTokenSecret: secret,
    csp: process.env.DEMO_CSP === 'none' ? 'none' : 'strict',
    twikfit: { secret: twikfitSecret(process.env.SYSTEMS_FILE || DEMO_SYSTEMS_FILE) },
  });
  console.log(`TwikFit demo host on ${demo.url} (rights API ${apiUrl})`);
}

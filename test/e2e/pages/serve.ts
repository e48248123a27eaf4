// A tiny static host for the widget's browser tests: serves the pages in this folder under the same strict
// CSP (+ Trusted Types) as the demo host, fills `{{…}}` placeholders from the query string, and mints host
// tokens for the page's user (`/token?sub=…`), as a product's backend would.
import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { strictCsp } from '../../../demo/host/server.ts';
import { hostToken } from '../../server/harness.ts';
import type { Browser, BrowserContext, BrowserContextOptions } from 'playwright-core';
import { afterAll, afterEach, beforeAll } from 'vitest';
import { startTestServer, type TestServer } from '../../server/harness.ts';
import { launchBrowser } from '../browser.ts';

const dir = fileURLToPath(new URL('./', import.meta.url));
const TYPES: Record<string, string> = {
  html: 'text/html; charset=utf-8',
  js: 'text/javascript; charset=utf-8',
  css: 'text/css; charset=utf-8',
};
const SAFE = /^\/([a-z0-9-]+)\.(html|js|css)$/;

const escapeAttribute = (value: string): string =>
  value.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

export interface StaticHost {
  url: string;
  origin: string;
  /** `page('a11y', { lang: 'nl' })` → the page's URL with its placeholders as query parameters. */
  page(name: string, params?: Record<string, string>): string;
  close(): Promise<void>;
}

/**
 * Placeholders: `{{API_URL}}` (the rights API), `{{USER}}` (a fresh subject per page load unless `user` is given),
 * and any `{{NAME}}` from the query parameter `name` (lower case; empty when absent). Values are HTML-escaped.
 */
export async function startStaticHost(apiUrl: string): Promise<StaticHost> {
  const api = apiUrl.replace(/\/+$/, '');
  const csp = strictCsp(new URL(api).origin);
  let users = 0;
  const server = createServer((req, res) => {
    void (async () => {
      const url = new URL(req.url ?? '/', 'http://localhost');
      const headers: Record<string, string> = {
        'content-security-policy': csp,
        'x-content-type-options': 'nosniff',
        'cache-control': 'no-store',
      };
      if (req.method === 'GET' && url.pathname === '/token') {
        const sub = url.searchParams.get('sub') || 'static-user';
        const body = JSON.stringify({
          token: await hostToken(sub, { email: `${sub}@example.com`, emailVerified: true }),
        });
        res.writeHead(200, { ...headers, 'content-type': 'application/json' });
        return void res.end(body);
      }
      const match = req.method === 'GET' ? SAFE.exec(url.pathname) : null;
      const text = match ? await readFile(`${dir}${match[1]}.${match[2]}`, 'utf8').catch(() => null) : null;
      if (!match || text === null) {
        res.writeHead(404, { ...headers, 'content-type': 'text/plain' });
        return void res.end('Not found\n');
      }
      let body = text;
      if (match[2] === 'html') {
        const params = Object.fromEntries(url.searchParams);
        params.api_url = api;
        params.user ||= `page-user-${++users}-${Date.now().toString(36)}`;
        body = text.replace(/\{\{([A-Z_]+)\}\}/g, (_all, name: string) =>
          escapeAttribute(params[name.toLowerCase()] ?? ''),
        );
      }
      res.writeHead(200, { ...headers, 'content-type': TYPES[match[2]!]! });
      res.end(body);
    })().catch((error: unknown) => {
      if (!res.headersSent) res.writeHead(500).end(String(error));
      else res.destroy();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const url = `http://127.0.0.1:${port}`;
  return {
    url,
    origin: url,
    page: (name, params = {}) =>
      `${url}/${name}.html${Object.keys(params).length ? `?${new URLSearchParams(params)}` : ''}`,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}

/** A real rights API, a static host for the test pages and a browser, for one test file; contexts close after each test. */
export interface StaticWorld {
  readonly api: TestServer;
  readonly host: StaticHost;
  /** A fresh browser context (a first visit: empty IndexedDB), closed after the test. */
  newContext(options?: BrowserContextOptions): Promise<BrowserContext>;
}

/** Registers the vitest hooks that start and stop a StaticWorld; read its fields inside tests. */
export function useStaticWorld(): StaticWorld {
  let api: TestServer | undefined;
  let host: StaticHost | undefined;
  let browser: Browser | undefined;
  const contexts: BrowserContext[] = [];
  beforeAll(async () => {
    [api, browser] = await Promise.all([startTestServer(), launchBrowser()]);
    host = await startStaticHost(api.url);
    api.deps.config.allowedOrigins.push(host.origin);
  });
  afterEach(async () => {
    await Promise.all(contexts.splice(0).map((c) => c.close()));
  });
  afterAll(async () => {
    await browser?.close();
    await host?.close();
    await api?.stop();
  });
  const started = <T>(value: T | undefined): T => {
    if (value === undefined) throw new Error('the test world has not started (use it inside tests)');
    return value;
  };
  return {
    get api() {
      return started(api);
    },
    get host() {
      return started(host);
    },
    async newContext(options = {}) {
      const context = await started(browser).newContext(options);
      contexts.push(context);
      return context;
    },
  };
}

import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startDemoHost, strictCsp, type DemoHost } from '../../demo/host/server.ts';
import { client, HOST_SECRET, startTestServer, type TestServer } from '../server/harness.ts';
import { emulateOffline, launchBrowser, runAxe, waitFor, watchPage, type PageWatch } from './browser.ts';

// The demo host on its own, in real Chromium, under its strict CSP: the widget is not built yet, so its script
// 404s and the page must say so. Proves the e2e harness (CSP collection, axe, polling, offline) at the same time.
describe('demo host (TwikFit-like) in Chromium, without the widget', () => {
  let api: TestServer;
  let host: DemoHost;
  let browser: Browser;
  const contexts: BrowserContext[] = [];

  beforeAll(async () => {
    // This suite proves the host page on its own: the API serves no widget here.
    [api, browser] = await Promise.all([startTestServer({ WIDGET_DIR: '' }), launchBrowser()]);
    host = await startDemoHost({ port: 0, apiUrl: api.url, hostTokenSecret: HOST_SECRET, widgetTimeoutMs: 1_500 });
  });
  afterEach(async () => {
    await Promise.all(contexts.splice(0).map((c) => c.close()));
  });
  afterAll(async () => {
    await browser?.close();
    await host?.close();
    await api?.stop();
  });

  async function open(
    options: { beforeGoto?: (page: Page) => Promise<unknown>; waitUntil?: 'load' | 'domcontentloaded' } = {},
  ): Promise<{ page: Page; watch: PageWatch }> {
    const context = await browser.newContext();
    contexts.push(context);
    const page = await context.newPage();
    const watch = await watchPage(page);
    await options.beforeGoto?.(page);
    const response = await page.goto(host.url, { waitUntil: options.waitUntil ?? 'load' });
    expect(response?.status()).toBe(200);
    return { page, watch };
  }

  const statusText = (page: Page) => page.textContent('#scan-status').then((t) => t?.trim() ?? '');
  const widgetMissing = [/\/widget\/twikit-privacy\.js/];

  it('serves the page with a strict CSP (no unsafe-*, Trusted Types) and nosniff; anything else is 404', async () => {
    const page = await fetch(host.url);
    expect(page.status).toBe(200);
    const csp = page.headers.get('content-security-policy');
    expect(csp).toBe(strictCsp(new URL(api.url).origin));
    expect(csp).toContain(`script-src 'self' ${new URL(api.url).origin}`);
    expect(csp).toContain("require-trusted-types-for 'script'");
    expect(csp).not.toMatch(/unsafe-/);
    expect(page.headers.get('x-content-type-options')).toBe('nosniff');
    const html = await page.text();
    expect(html).toContain(
      `<script src="${api.url}/widget/twikit-privacy.js" data-api="${api.url}" data-app="twikfit" data-region="eea" async></script>`,
    );
    expect(html).not.toMatch(/\{\{|<script>|<style|\sstyle=|\son[a-z]+=/i); // placeholders filled; nothing inline

    expect((await fetch(`${host.url}/demo.js`)).headers.get('content-type')).toMatch(/^text\/javascript/);
    expect((await fetch(`${host.url}/demo.css`)).headers.get('content-type')).toMatch(/^text\/css/);
    for (const [method, path] of [
      ['GET', '/widget/twikit-privacy.js'],
      ['GET', '/api/privacy-token'],
      ['POST', '/'],
      ['GET', '/../server.ts'],
      ['GET', '/public/demo.js'],
    ]) {
      expect((await fetch(host.url + path!, { method })).status, `${method} ${path}`).toBe(404);
    }
  });

  it('POST /api/privacy-token hands out a 10-minute HS256 host token for the demo user, which the rights API accepts', async () => {
    const response = await fetch(`${host.url}/api/privacy-token`, { method: 'POST' });
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('no-store');
    const { token } = (await response.json()) as { token: string };
    const [header, payload] = token
      .split('.')
      .slice(0, 2)
      .map((part) => JSON.parse(Buffer.from(part, 'base64url').toString()));
    expect(header).toMatchObject({ alg: 'HS256' });
    expect(payload).toMatchObject({ sub: 'demo-user-1', email: 'demo.user@example.com' });
    expect(payload.exp - payload.iat).toBe(600);

    const me = await client(api.url).get('/v1/me', { token });
    expect(me.status, me.text).toBe(200);
    expect(me.body).toMatchObject({ kind: 'user', via: 'host-token', email: 'demo.user@example.com' });
  });

  it('renders accessibly; the scan stays disabled and the status says the privacy controls are unavailable (widget 404s)', async () => {
    const failed: string[] = [];
    const { page, watch } = await open({
      beforeGoto: async (p) => void p.on('requestfailed', (r) => failed.push(`${r.url()} ${r.failure()?.errorText}`)),
    });
    expect(await page.textContent('h1')).toContain('TwikFit');
    expect(await page.isDisabled('#start-scan')).toBe(true);
    expect(await page.getAttribute('#scan-status', 'role')).toBe('status');
    await waitFor(async () => (await statusText(page)).startsWith('Privacy controls unavailable'), {
      timeout: 10_000,
      message: 'status never said "Privacy controls unavailable"',
    });
    expect(await page.isDisabled('#start-scan')).toBe(true);
    expect(await page.isHidden('#ask-scan-consent')).toBe(true);
    expect(await page.isDisabled('#open-privacy')).toBe(true);

    // The page's own token call works from the browser under connect-src 'self'.
    const token = await page.evaluate(
      async () => ((await (await fetch('/api/privacy-token', { method: 'POST' })).json()) as { token: string }).token,
    );
    expect((await client(api.url).get('/v1/me', { token })).body).toMatchObject({ kind: 'user' });

    expect(await runAxe(page)).toEqual([]);
    await page.emulateMedia({ colorScheme: 'dark' });
    expect(await runAxe(page)).toEqual([]);
    // Nothing on the page trips its own CSP. The widget script fails quietly: the API answers 404 problem+json,
    // which Chromium's ORB blocks for a script without a console line.
    expect(await watch.problems({ ignore: widgetMissing })).toEqual([]);
    expect(failed).toEqual([`${api.url}/widget/twikit-privacy.js net::ERR_BLOCKED_BY_ORB`]);
  });

  it('a widget that never answers: after data-widget-timeout the status says the privacy controls are unavailable', async () => {
    const started = Date.now();
    // Never fulfilled: the async script holds back the load event, so wait for the DOM only.
    const { page, watch } = await open({
      beforeGoto: (p) => p.route('**/widget/twikit-privacy.js', () => undefined),
      waitUntil: 'domcontentloaded',
    });
    expect(await statusText(page)).toBe('Body scans need your explicit consent');
    await waitFor(async () => (await statusText(page)).startsWith('Privacy controls unavailable'), { timeout: 10_000 });
    expect(Date.now() - started).toBeGreaterThanOrEqual(1_400);
    expect(await page.isDisabled('#start-scan')).toBe(true);
    expect(await watch.problems()).toEqual([]);
  });

  it('an injected inline script is blocked, and watchPage reports it (Trusted Types first, then script-src)', async () => {
    const { page, watch } = await open();
    await waitFor(async () => (await statusText(page)).startsWith('Privacy controls unavailable'), { timeout: 10_000 });
    expect(await watch.cspViolations()).toEqual([]);

    // 1. A string into a script sink: Trusted Types refuses the assignment itself.
    const thrown = await page
      .evaluate(() => {
        const s = document.createElement('script');
        s.textContent = 'window.x = 1';
        document.body.append(s);
      })
      .then(
        () => 'no error',
        (error: Error) => error.message,
      );
    expect(thrown).toMatch(/TrustedScript/);
    await waitFor(
      async () => (await watch.cspViolations()).find((v) => v.violatedDirective === 'require-trusted-types-for'),
      { message: 'no Trusted Types violation reported' },
    );
    await waitFor(() => watch.cspConsole.some((line) => /TrustedScript/.test(line)), {
      message: 'no Trusted Types console message',
    });

    // 2. The same script through the one allowed policy name: now script-src (no 'unsafe-inline') blocks it.
    await page.evaluate(() => {
      const tt = (
        window as unknown as {
          trustedTypes: {
            createPolicy(name: string, rules: { createScript(s: string): string }): { createScript(s: string): string };
          };
        }
      ).trustedTypes;
      const policy = tt.createPolicy('twikit-privacy', { createScript: (s) => s });
      const s = document.createElement('script');
      s.textContent = policy.createScript('window.x = 1');
      document.body.append(s);
    });
    const inline = await waitFor(
      async () => (await watch.cspViolations()).find((v) => v.violatedDirective.startsWith('script-src')),
      { message: 'no script-src violation reported' },
    );
    expect(inline.blockedURI).toBe('inline');
    expect(await page.evaluate(() => (window as unknown as { x?: number }).x)).toBeUndefined();
    await waitFor(() => watch.cspConsole.some((line) => /Content Security Policy/.test(line)), {
      message: 'no CSP console message',
    });

    // 3. Records survive a navigation (forwarded through a CDP binding) and are not duplicated.
    await page.reload();
    expect((await watch.cspViolations()).map((v) => v.violatedDirective.replace('-elem', ''))).toEqual([
      'require-trusted-types-for',
      'script-src',
    ]);
  });

  it('emulateOffline cuts the page off and brings it back', async () => {
    const { page } = await open();
    const tokenStatus = () =>
      page.evaluate(() =>
        fetch('/api/privacy-token', { method: 'POST' }).then(
          (r) => r.status,
          () => 'offline',
        ),
      );
    expect(await tokenStatus()).toBe(200);
    await emulateOffline(page, true);
    expect(await tokenStatus()).toBe('offline');
    await emulateOffline(page, false);
    expect(await tokenStatus()).toBe(200);
  });

  // Not the widget: a stand-in with its public API, so demo.js's side of the contract is checked before the widget exists.
  it('demo.js against a stub of the widget API: queued init, getToken, just-in-time consent, scan, withdrawal, open()', async () => {
    const stub = `(() => {
      const queue = Array.isArray(window.TwikitPrivacy) ? window.TwikitPrivacy : [];
      const state = {};
      const emit = (name, detail) => document.dispatchEvent(new CustomEvent('twikit-privacy:' + name, { detail }));
      window.__stub = { opened: 0, token: null, set(purpose, active) { state[purpose] = active; emit('change', { purpose, active }); } };
      const api = {
        push(command) {
          if (command[0] !== 'init') return;
          Promise.resolve(command[1].getToken()).then((token) => { window.__stub.token = token; emit('ready', {}); });
        },
        get: (purpose) => state[purpose] === true,
        open() { window.__stub.opened++; },
        requestConsent(purpose) { window.__stub.set(purpose, true); return Promise.resolve(true); },
      };
      window.TwikitPrivacy = api;
      queue.forEach((command) => api.push(command));
    })();`;
    const { page, watch } = await open({
      beforeGoto: (p) =>
        p.route('**/widget/twikit-privacy.js', (route) =>
          route.fulfill({ status: 200, contentType: 'text/javascript', body: stub }),
        ),
    });
    await waitFor(() => page.isEnabled('#ask-scan-consent'), { message: 'the ask button never became usable' });
    expect(await statusText(page)).toBe('Body scans need your explicit consent');
    expect(await page.isDisabled('#start-scan')).toBe(true);

    const token = await page.evaluate(() => (window as unknown as { __stub: { token: string } }).__stub.token);
    expect((await client(api.url).get('/v1/me', { token })).body).toMatchObject({ kind: 'user', via: 'host-token' });

    await page.focus('#ask-scan-consent');
    await page.keyboard.press('Enter');
    await waitFor(() => page.isEnabled('#start-scan'), { message: 'consent did not enable the scan' });
    expect(await statusText(page)).toBe('Body scan consent given');
    expect(await page.isHidden('#ask-scan-consent')).toBe(true);
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('start-scan'); // focus follows the task
    await page.click('#start-scan');
    expect(await statusText(page)).toBe('Scanning… (demo)');
    expect(await runAxe(page)).toEqual([]);

    await page.evaluate(() =>
      (window as unknown as { __stub: { set(p: string, a: boolean): void } }).__stub.set('biometric_scans', false),
    );
    await waitFor(() => page.isDisabled('#start-scan'), { message: 'withdrawal did not disable the scan' });
    expect(await statusText(page)).toBe('Body scans need your explicit consent');
    await page.click('#open-privacy');
    expect(await page.evaluate(() => (window as unknown as { __stub: { opened: number } }).__stub.opened)).toBe(1);
    expect(await watch.problems()).toEqual([]);
  });
});

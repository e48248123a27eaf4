import { readFileSync } from 'node:fs';
import type { ConsoleMessage, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { client, hostToken } from '../server/harness.ts';
import { waitFor, watchPage } from './browser.ts';
import { useStaticWorld } from './pages/serve.ts';

// Embedding as a product team does it, in real Chromium on a page under the demo's strict CSP + Trusted Types
// (test/e2e/pages/embed.html): the versioned URL with its SRI hash, and what the loader says about wrong attributes.

const W = 'twikit-privacy';
const world = useStaticWorld();
const integrity = () =>
  JSON.parse(readFileSync('dist/widget/integrity.json', 'utf8')) as {
    version: string;
    script: string;
    integrity: string;
  };

interface Embedded {
  page: Page;
  console: ConsoleMessage[];
  user: string;
}

/** Opens embed.html with the given attributes (`src` defaults to the plain URL); collects every console message. */
async function embed(attributes: Record<string, string>): Promise<Embedded> {
  const context = await world.newContext({ viewport: { width: 1000, height: 800 } });
  const page = await context.newPage();
  const messages: ConsoleMessage[] = [];
  page.on('console', (m) => messages.push(m));
  const user = `embed-${Math.random().toString(36).slice(2, 10)}`;
  await page.goto(world.host.page('embed', { src: '/widget/twikit-privacy.js', user, ...attributes }));
  return { page, console: messages, user };
}

const warnings = (e: Embedded) => e.console.filter((m) => m.type() === 'warning').map((m) => m.text());
/** Failed requests the browser logs (e.g. "Failed to load resource: … status of 403"). */
const failedLoads = (e: Embedded) =>
  e.console.filter((m) => /status of [45]\d\d/.test(m.text())).map((m) => `${m.text()} ${m.location().url}`);

describe('R65: the versioned, immutable URL with its SRI hash', () => {
  it('R65: a strict-CSP page loads the widget from /widget/v<version>/ with integrity and crossorigin="anonymous"', async () => {
    const { version, script, integrity: hash } = integrity();
    expect(script).toBe(`/widget/v${version}/twikit-privacy.js`);
    expect(hash).toMatch(/^sha384-[A-Za-z0-9+/]{64}$/);
    const response = await fetch(`${world.api.url}${script}`);
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(response.headers.get('access-control-allow-origin')).toBe('*');
    expect((await fetch(`${world.api.url}/widget/v${version}/integrity.json`)).status).toBe(200);
    expect((await fetch(`${world.api.url}/widget/v0.0.0-not-built/twikit-privacy.js`)).status).not.toBe(200);

    const context = await world.newContext();
    const page = await context.newPage();
    const watch = await watchPage(page);
    await page.goto(world.host.page('embed', { src: script, integrity: hash, app: 'twikfit', region: 'eea' }));
    await page.locator(`${W} .tp-dialog .tp-first`).waitFor({ timeout: 15_000 });
    expect(await watch.problems()).toEqual([]);
  });

  it('R65: a script whose bytes do not match its integrity is not run', async () => {
    const { script } = integrity();
    const wrong = `sha384-${Buffer.alloc(48, 7).toString('base64')}`;
    const e = await embed({ src: script, integrity: wrong });
    await waitFor(() => e.console.some((m) => /integrity/i.test(m.text())), {
      message: 'the browser did not report the integrity mismatch',
    });
    expect(await e.page.evaluate(() => 'TwikitPrivacy' in window && !Array.isArray(window.TwikitPrivacy))).toBe(false);
  });
});

describe('the loader checks its data-* attributes', () => {
  it('a wrong data-region warns once with the allowed values, and decisions still reach the server', async () => {
    const e = await embed({ region: 'eu', app: 'twikfit' });
    await e.page.locator(`${W} .tp-dialog .tp-first`).waitFor({ timeout: 15_000 });
    expect(warnings(e).filter((w) => w.includes('data-region'))).toEqual([
      '[twikit-privacy] data-region="eu" is not one of eea, us_ca: using the default ',
    ]);
    await e.page.locator(`${W} .tp-choices .tp-btn`).first().click();
    const api = client(world.api.url);
    await waitFor(
      async () => {
        const res = await api.get('/v1/consents', { token: await hostToken(e.user) });
        return (res.body as { purposes: Array<{ purpose: string; active: boolean }> }).purposes.some(
          (p) => p.purpose === 'third_party_sharing' && p.active,
        );
      },
      { timeout: 10_000, message: 'the decision never reached the server' },
    );
    expect(failedLoads(e)).toEqual([]);
  });

  it('a wrong data-app, data-lang or data-launcher each warns with the allowed values; a region subtag is fine', async () => {
    const e = await embed({ app: 'twikfitt', lang: 'es', launcher: 'middle' });
    await e.page.locator(`${W} .tp-dialog .tp-first`).waitFor({ timeout: 15_000 });
    const said = warnings(e).join('\n');
    expect(said).toContain('data-app="twikfitt" is not one of twikit_live, twikit_create, twikfit, admin_portal');
    expect(said).toContain('data-lang="es" is not one of en, nl, fr, de');
    expect(said).toContain('data-launcher="middle" is not one of bottom-left, bottom-right, top-left, top-right, none');
    const fine = await embed({ lang: 'nl-BE' });
    await fine.page.locator(`${W} .tp-dialog .tp-first`).waitFor({ timeout: 15_000 });
    expect(warnings(fine).filter((w) => w.includes('data-'))).toEqual([]);
    expect(await fine.page.locator(`${W} .tp-panel`).getAttribute('lang')).toBe('nl');
  });

  it('inline mode without a target warns and shows the launcher instead of rendering at the end of the page', async () => {
    const e = await embed({ mode: 'inline' });
    await e.page.locator(`${W} button.launcher`).waitFor({ timeout: 15_000 });
    expect(warnings(e).join('\n')).toContain('inline mode needs data-target');
  });

  it('data-launcher places the launcher in a corner at an offset, and "none" leaves it out for a host with its own link', async () => {
    const e = await embed({ launcher: 'bottom-right', offset: '40' });
    const launcher = e.page.locator(`${W} button.launcher`);
    await launcher.waitFor({ timeout: 15_000 });
    const box = (await launcher.boundingBox())!;
    expect(Math.round(1000 - (box.x + box.width))).toBe(40);
    expect(Math.round(800 - (box.y + box.height))).toBe(40);

    const none = await embed({ launcher: 'none' });
    await none.page.locator(`${W} .tp-dialog .tp-first`).waitFor({ timeout: 15_000 });
    expect(await none.page.locator(`${W} button.launcher`).count()).toBe(0);
    await none.page.keyboard.press('Escape');
    await none.page.evaluate(() =>
      (window as unknown as { TwikitPrivacy: { open(v: string): void } }).TwikitPrivacy.open('notice'),
    );
    await none.page.locator(`${W} .tp-notice`).waitFor();
  });
});

describe('an origin the rights API does not allow', () => {
  it('is named in a console warning that says to add it to ALLOWED_ORIGINS', async () => {
    const allowed = world.api.deps.config.allowedOrigins;
    const at = allowed.indexOf(world.host.origin);
    allowed.splice(at, 1);
    try {
      const e = await embed({ app: 'twikfit' });
      await waitFor(() => warnings(e).some((w) => w.includes('ALLOWED_ORIGINS')), {
        timeout: 15_000,
        message: 'no warning named the missing origin',
      });
      expect(warnings(e).filter((w) => w.includes('ALLOWED_ORIGINS'))).toEqual([
        `[twikit-privacy] the rights API at ${world.api.url} answers, but not to this page: add ${world.host.origin} to its ALLOWED_ORIGINS`,
      ]);
    } finally {
      allowed.push(world.host.origin);
    }
  });
});

describe("a visitor's whole visit", () => {
  it('opens every view without a 403 or any other failed request in the console', async () => {
    const context = await world.newContext();
    const page = await context.newPage();
    const messages: ConsoleMessage[] = [];
    page.on('console', (m) => messages.push(m));
    await page.goto(world.host.page('visitor', { lang: 'en' }));
    await page.locator(`${W} .tp-dialog .tp-first`).waitFor({ timeout: 15_000 });
    for (const n of [1, 2, 3, 0]) {
      await page.locator(`${W} .tp-nav-btn`).nth(n).click();
      await page.locator(`${W} .tp-view[aria-busy="false"]`).waitFor();
    }
    await page.locator(`${W} .tp-nav-btn`).nth(3).click();
    await page.locator(`${W} .tp-visitor`).waitFor();
    expect(await page.locator(`${W} .tp-form`).count()).toBe(0); // no form the server would refuse
    await page.locator(`${W} .tp-nav-btn`).nth(0).click();
    await page.locator(`${W} .tp-choices .tp-btn`).nth(1).click();
    await page.locator(`${W} .tp-dialog`).waitFor({ state: 'detached' });
    await waitFor(async () => ((await page.locator(`${W} p.status`).textContent()) ?? '').includes('recorded'), {
      message: 'the decision was not recorded',
    });
    expect(messages.filter((m) => /status of [45]\d\d|403|Forbidden/.test(m.text())).map((m) => m.text())).toEqual([]);
  });
});

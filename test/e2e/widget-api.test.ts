import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { runAxe, waitFor, watchPage, type PageWatch } from './browser.ts';
import { nl } from '../../shared/i18n/messages/nl.ts';
import { cacheGet } from './corpus/driver-kit.ts';
import { useStaticWorld } from './pages/serve.ts';

// The widget's JS API (`window.TwikitPrivacy`), its DOM events and its contract with the host page, in real
// Chromium on static host pages (test/e2e/pages/) under the demo's strict CSP + Trusted Types, against the real
// rights API on PGlite. Each test is a first visit in a fresh browser context.

const W = 'twikit-privacy'; // Playwright's CSS engine pierces the widget's open shadow root

const world = useStaticWorld();

interface Opened {
  page: Page;
  watch: PageWatch;
}

/** A first visit to one of the pages in test/e2e/pages (`params` fill its placeholders); `init` runs in the page before its scripts. */
async function visit(
  name: string,
  params: Record<string, string> = {},
  options: { locale?: string; init?: string } = {},
): Promise<Opened> {
  const context = await world.newContext(options.locale ? { locale: options.locale } : {});
  const page = await context.newPage();
  const watch = await watchPage(page);
  if (options.init) await page.addInitScript({ content: options.init });
  const response = await page.goto(world.host.page(name, params));
  expect(response?.status()).toBe(200);
  return { page, watch };
}

/** Runs `source` (an expression over `TwikitPrivacy`) in the page; resolves with its (awaited) value or the error's text. */
const call = (page: Page, source: string): Promise<unknown> =>
  page.evaluate(
    `(async () => { try { return { ok: await (${source}) ?? null }; } catch (e) { return { threw: String(e && e.stack || e) }; } })()`,
  );

const ready = (page: Page) => page.evaluate(`window.TwikitPrivacy.ready().then(() => true)`);
const count = (page: Page, selector: string) => page.locator(selector).count();
const launcher = (page: Page) => page.locator(`${W} .launcher`);

describe('the JS API and the host page contract', () => {
  it('calls queued before the script loaded run after it loads: push(["open", "notice"]) opens the dialog on the notice', async () => {
    // world.host.js pushes ['init', { getToken }] and ['open', 'notice'] onto a plain array before the widget script loads.
    const { page, watch } = await visit('widget', { html_lang: 'en', open: 'notice' });
    await page.locator(`${W} [role="dialog"] .tp-notice`).waitFor({ timeout: 15_000 });
    expect(await ready(page)).toBe(true);
    // the queue is gone: the global is the API now
    expect(
      await page.evaluate(`Array.isArray(window.TwikitPrivacy) ? 'array' : typeof window.TwikitPrivacy.version`),
    ).toBe('string');
    // First visit: the widget would also auto-open the first layer. The host's explicit call must win, and there
    // must be one dialog, not two stacked.
    await page.waitForTimeout(500);
    expect(await count(page, `${W} [role="dialog"]`)).toBe(1);
    expect(await page.locator(`${W} .tp-nav-btn[aria-current="page"]`).textContent()).toBe('Privacy notice');
    expect(await count(page, `${W} .tp-notice`)).toBe(1);
    // the queued init ran too: the widget asked the host page for its user's token
    const tokenCalls = await page.evaluate(
      () => performance.getEntriesByType('resource').filter((e) => new URL(e.name).pathname === '/token').length,
    );
    expect(tokenCalls).toBeGreaterThanOrEqual(1);
    expect(await watch.problems()).toEqual([]);
  });

  it('loading the script twice is a no-op: one <twikit-privacy> element, one launcher, one dialog', async () => {
    const { page, watch } = await visit('twice'); // two async tags and one classic tag of the same script
    await launcher(page).waitFor({ timeout: 15_000 });
    expect(await ready(page)).toBe(true);
    await page.locator(`${W} [role="dialog"]`).waitFor();
    await page.waitForTimeout(500);
    expect(await count(page, W)).toBe(1);
    expect(await count(page, `${W} .launcher`)).toBe(1);
    expect(await count(page, `${W} [role="dialog"]`)).toBe(1);
    // the module loaded once
    const modules = await page.evaluate(() =>
      performance
        .getEntriesByType('resource')
        .map((e) => e.name)
        .filter((n) => n.includes('twikit-privacy-core')),
    );
    expect(modules).toHaveLength(1);
    // and init again from the page does not mount again
    await call(page, `window.TwikitPrivacy.init({ app: 'twikfit' })`);
    await page.waitForTimeout(200);
    expect(await count(page, W)).toBe(1);
    expect(await watch.problems()).toEqual([]);
  });

  it("get('biometric_scans') is false after ready; subscribe and the twikit-privacy:change event report UI changes as {purpose, active}", async () => {
    // the ready event carries every purpose's state: listen from the start
    const { page, watch } = await visit(
      'widget',
      { html_lang: 'en' },
      {
        init: `window.__ready = new Promise((resolve) => document.addEventListener('twikit-privacy:ready', (e) => resolve(e.detail), { once: true }))`,
      },
    );
    expect(await ready(page)).toBe(true);
    expect(await call(page, `window.TwikitPrivacy.get('biometric_scans')`)).toEqual({ ok: false });
    expect(await call(page, `window.TwikitPrivacy.get('third_party_sharing')`)).toEqual({ ok: false });

    await page.evaluate(`(() => {
      window.__events = [];
      window.__one = [];
      window.__all = [];
      document.addEventListener('twikit-privacy:change', (e) => window.__events.push(e.detail));
      window.__unsubscribe = window.TwikitPrivacy.subscribe('biometric_scans', (d) => window.__one.push(d));
      window.TwikitPrivacy.subscribe('*', (d) => window.__all.push(d));
    })()`);
    const recorded = () =>
      page.evaluate(`({ events: window.__events, one: window.__one, all: window.__all })`) as Promise<
        Record<'events' | 'one' | 'all', unknown[]>
      >;

    // Give the body-scan consent through the UI: its switch, then the express just-in-time step.
    await page.locator(`${W} [role="dialog"] .tp-first`).waitFor({ timeout: 15_000 });
    await page.locator(`${W} .tp-nav-btn`).nth(2).click();
    await page.getByRole('switch', { name: 'Body scans in TwikFit' }).click();
    await page.locator(`${W} .tp-jit .tp-btn-choice`).first().click();
    const on = { purpose: 'biometric_scans', active: true };
    await waitFor(async () => (await recorded()).events.length === 1, { message: 'no twikit-privacy:change event' });
    expect(await recorded()).toEqual({ events: [on], one: [on], all: [on] });
    expect(await call(page, `window.TwikitPrivacy.get('biometric_scans')`)).toEqual({ ok: true });

    // Withdraw with the switch (one interaction); the unsubscribed listener hears nothing more.
    await page.evaluate(`window.__unsubscribe()`);
    await page.getByRole('switch', { name: 'Body scans in TwikFit' }).click();
    const off = { purpose: 'biometric_scans', active: false };
    await waitFor(async () => (await recorded()).events.length === 2, {
      message: 'no change event for the withdrawal',
    });
    expect(await recorded()).toEqual({ events: [on, off], one: [on], all: [on, off] });
    expect(await call(page, `window.TwikitPrivacy.get('biometric_scans')`)).toEqual({ ok: false });

    // Another purpose: sharing, through its switch
    await page.getByRole('switch', { name: 'Sharing with third parties' }).click();
    await waitFor(async () => (await recorded()).events.length === 3, { message: 'no change event for sharing' });
    expect((await recorded()).events[2]).toEqual({ purpose: 'third_party_sharing', active: true });
    expect(await page.evaluate(`window.__ready`)).toMatchObject({
      purposes: { biometric_scans: false, third_party_sharing: false },
    });
    expect(await watch.problems()).toEqual([]);
  });

  it('unmount() removes the element (and its dialog, and the inert marks); a later open() does not throw; mounted and unmounted again and again, nothing is left behind', async () => {
    const { page, watch } = await visit('widget', { html_lang: 'en' });
    await page.locator(`${W} [role="dialog"] .tp-first`).waitFor({ timeout: 15_000 }); // the first layer, open: the page is inert
    expect(await page.evaluate(() => document.querySelectorAll('body > [inert]').length)).toBeGreaterThan(0);
    expect(await call(page, `window.TwikitPrivacy.unmount()`)).toEqual({ ok: null });
    expect(await count(page, W)).toBe(0);
    expect(await page.evaluate(() => document.querySelectorAll('[inert]').length)).toBe(0);
    for (const source of [
      `window.TwikitPrivacy.open()`,
      `window.TwikitPrivacy.open('consents')`,
      `window.TwikitPrivacy.close()`,
      `window.TwikitPrivacy.get('biometric_scans')`,
      `window.TwikitPrivacy.unmount()`,
    ]) {
      const result = (await call(page, source)) as { threw?: string };
      expect(result.threw, source).toBeUndefined();
    }
    await page.waitForTimeout(500);
    expect(await count(page, W)).toBe(0);
    // the host page is usable again
    await page.click('#host-button');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('host-button');

    // Mounted and unmounted again and again (the runtime module itself, as the loader drives it), then mounted once
    // more: nothing of the earlier mounts is left. A runtime whose listener, effect or tab channel outlived its
    // unmount would hear the last one's decision (sent to the other tabs) and dispatch its own change event.
    await page.evaluate(`(async () => {
      const api = document.querySelector('script[data-api]').dataset.api;
      const url = performance.getEntriesByType('resource').map((e) => e.name).find((n) => n.includes('twikit-privacy-core'));
      const { startRuntime } = await import(url);
      window.__changes = [];
      document.addEventListener('twikit-privacy:change', (e) => window.__changes.push(e.detail));
      for (let i = 0; i < 5; i++) {
        const runtime = await startRuntime({ api, autoOpen: false, lang: 'en' });
        await runtime.ready();
        if (i % 2) runtime.open('consents'); // some unmount with the dialog open
        await new Promise((resolve) => setTimeout(resolve, 50));
        runtime.unmount();
      }
      window.__last = await startRuntime({ api, autoOpen: false, lang: 'en' });
      await window.__last.ready();
      window.__last.open('consents');
    })()`);
    await page.getByRole('switch', { name: 'Sharing with third parties' }).click();
    await waitFor(async () => ((await page.evaluate(`window.__changes.length`)) as number) > 0, {
      message: 'no change event from the last mount',
    });
    await page.waitForTimeout(500); // time for a leftover runtime to hear the other-tab message and answer it
    expect(await page.evaluate(`window.__changes`)).toEqual([{ purpose: 'third_party_sharing', active: true }]);
    expect(await count(page, W)).toBe(1);
    expect(await count(page, `${W} [role="dialog"]`)).toBe(1);
    expect(await count(page, `${W} .launcher`)).toBe(1);
    await page.evaluate(`window.__last.unmount()`);
    expect(await count(page, W)).toBe(0);
    expect(await page.evaluate(() => document.querySelectorAll('[inert]').length)).toBe(0);
    expect(await watch.problems()).toEqual([]);
  });

  it('never throws into the host page: garbage arguments raise no exception, page error or rejection, and leave the page usable', async () => {
    const { page, watch } = await visit('widget', { html_lang: 'en', auto_open: 'false' });
    await launcher(page).waitFor({ timeout: 15_000 });
    expect(await ready(page)).toBe(true);
    const garbage = [
      `window.TwikitPrivacy.get(42)`,
      `window.TwikitPrivacy.get()`,
      `window.TwikitPrivacy.get({ toString() { throw new Error('x'); } })`,
      `window.TwikitPrivacy.push('x')`,
      `window.TwikitPrivacy.push(null)`,
      `window.TwikitPrivacy.push([42])`,
      `window.TwikitPrivacy.push(['nope'])`,
      `window.TwikitPrivacy.push(['push', ['open']])`,
      `window.TwikitPrivacy.init(null)`,
      `window.TwikitPrivacy.init('x')`,
      `window.TwikitPrivacy.subscribe(42, 'not a function')`,
      `window.TwikitPrivacy.subscribe('*', null)`,
      `window.TwikitPrivacy.close()`,
      `window.TwikitPrivacy.ready()`,
    ];
    const thrown: string[] = [];
    for (const source of garbage) {
      const result = (await call(page, source)) as { threw?: string };
      if (result.threw) thrown.push(`${source} threw ${result.threw}`);
    }

    // Calls that may open the dialog, one at a time: whatever opens is one dialog on a real view, and Escape closes it.
    const shown = () =>
      page.evaluate(() => {
        const root = document.querySelector('twikit-privacy')?.shadowRoot;
        return {
          dialogs: root?.querySelectorAll('[role="dialog"]').length ?? 0,
          heading: root?.querySelector('[role="dialog"] .tp-view-title')?.textContent ?? null,
        };
      });
    const opened: Record<string, Awaited<ReturnType<typeof shown>>> = {};
    const dialogCalls = [
      `window.TwikitPrivacy.open(42)`,
      `window.TwikitPrivacy.open('nope')`,
      `window.TwikitPrivacy.open({ view: 'notice' })`,
      `(window.__consent = 'pending', window.TwikitPrivacy.requestConsent('nope').then((v) => (window.__consent = v), (e) => (window.__consent = 'rejected: ' + e)), 'started')`,
    ];
    for (const source of dialogCalls) {
      const result = (await call(page, source)) as { threw?: string };
      if (result.threw) thrown.push(`${source} threw ${result.threw}`);
      // The page's own outcome of the call: a dialog on a view (the panel may still be loading: no fixed wait), or
      // requestConsent settled. A call that opens nothing at all gets the deadline and is read as it is then.
      const settled = async () => {
        const consent = await page.evaluate('window.__consent');
        return (await shown()).heading !== null || (consent !== undefined && consent !== 'pending');
      };
      await waitFor(settled, { timeout: 10_000 }).catch(() => undefined);
      opened[source] = await shown();
      for (let i = 0; i < 3 && (await count(page, `${W} [role="dialog"]`)) > 0; i++) {
        await page.keyboard.press('Escape');
        await page
          .locator(`${W} [role="dialog"]`)
          .waitFor({ state: 'detached', timeout: 2_000 })
          .catch(() => undefined);
      }
    }
    expect(thrown).toEqual([]);
    await waitFor(async () => (await page.evaluate('window.__consent')) !== 'pending', {
      message: "requestConsent('nope') never resolved",
    }).catch(() => undefined);
    const unknownConsent = await page.evaluate('window.__consent');

    // A state change still reaches a good subscriber next to the broken ones ('*' with null; 42 with a string).
    await page.evaluate(`window.__all = []; window.TwikitPrivacy.subscribe('*', (d) => window.__all.push(d))`);
    await launcher(page).click();
    await page.locator(`${W} [role="dialog"] .tp-first`).waitFor();
    await page.locator(`${W} .tp-nav-btn`).nth(2).click();
    await page.getByRole('switch', { name: 'Sharing with third parties' }).click();
    await waitFor(async () => ((await page.evaluate('window.__all.length')) as number) === 1, {
      message: 'the change never reached a good subscriber',
    });
    await page.keyboard.press('Escape');
    await page.locator(`${W} [role="dialog"]`).waitFor({ state: 'detached' });
    expect(await page.evaluate(() => document.querySelectorAll('[inert]').length)).toBe(0);

    expect(await watch.problems()).toEqual([]);
    expect(unknownConsent).toBe(false);
    expect(Object.values(opened).every((o) => o.dialogs <= 1)).toBe(true);
  });

  it('open() with an unknown view opens a real view or nothing, never a raw message key', async () => {
    const { page, watch } = await visit('widget', { html_lang: 'en', auto_open: 'false' });
    await launcher(page).waitFor({ timeout: 15_000 });
    expect(await ready(page)).toBe(true);
    const realViews = ['Your privacy at Twikit', 'Privacy notice', 'Your privacy choices', 'Use your privacy rights'];
    const wrong: Record<string, string[]> = {};
    for (const source of [
      `window.TwikitPrivacy.open('nope')`,
      `window.TwikitPrivacy.open(42)`,
      `window.TwikitPrivacy.open({ view: 'notice' })`,
    ]) {
      await call(page, source);
      // Wait for the page to show what the call opened (the panel may still be loading), not a fixed 600 ms; a call
      // that opens nothing gets the deadline and is read as it is then.
      await page
        .locator(`${W} [role="dialog"] .tp-view-title`)
        .first()
        .waitFor({ timeout: 10_000 })
        .catch(() => undefined);
      const headings = await page.locator(`${W} [role="dialog"] .tp-view-title`).allTextContents();
      if (headings.some((h) => !realViews.includes(h.trim()))) wrong[source] = headings;
      await page.keyboard.press('Escape');
      await page.locator(`${W} [role="dialog"]`).waitFor({ state: 'detached' });
    }
    expect(wrong, 'view headings shown').toEqual({});
    expect(await watch.problems()).toEqual([]);
  });

  it('open() twice in a row shows one dialog, on the view asked for last', async () => {
    const { page, watch } = await visit('widget', { html_lang: 'en', auto_open: 'false' });
    await launcher(page).waitFor({ timeout: 15_000 });
    expect(await ready(page)).toBe(true);
    await call(page, `(window.TwikitPrivacy.open('consents'), window.TwikitPrivacy.open('notice'))`);
    await page.locator(`${W} [role="dialog"] .tp-notice`).waitFor();
    await page.waitForTimeout(500);
    const headings = await page.locator(`${W} [role="dialog"] .tp-view-title`).allTextContents();
    expect(headings).toEqual(['Privacy notice']);
    // one Escape closes it and the page is not left inert
    await page.keyboard.press('Escape');
    await waitFor(async () => (await count(page, `${W} [role="dialog"]`)) === 0, {
      message: 'Escape did not close the dialog',
    });
    expect(await page.evaluate(() => document.querySelectorAll('[inert]').length)).toBe(0);
    expect(await watch.problems()).toEqual([]);
  });

  it("a host script that throws on load does not break the widget's launcher", async () => {
    const { page, watch } = await visit('broken', { break: 'throws' });
    await launcher(page).waitFor({ timeout: 15_000 });
    expect(await launcher(page).isVisible()).toBe(true);
    expect(await ready(page)).toBe(true);
    expect(await call(page, `window.TwikitPrivacy.get('biometric_scans')`)).toEqual({ ok: false });
    await page.locator(`${W} [role="dialog"] .tp-first`).waitFor();
    await page.keyboard.press('Escape');
    await launcher(page).click();
    await page.locator(`${W} [role="dialog"] .tp-first`).waitFor();
    // the only errors are the host's own
    expect(await watch.problems()).toEqual([
      expect.stringMatching(/^pageerror: Error: host script failed on load/),
      expect.stringMatching(/^pageerror: Error: host script failed on DOMContentLoaded/),
    ]);
  });

  it("a host that overwrites window.fetch with a partial wrapper does not break the widget's launcher or its state", async () => {
    const { page, watch } = await visit('broken', { break: 'fetch-patch' });
    await launcher(page).waitFor({ timeout: 15_000 });
    expect(await launcher(page).isVisible()).toBe(true);
    expect(await ready(page)).toBe(true);
    expect(await call(page, `window.TwikitPrivacy.get('biometric_scans')`)).toEqual({ ok: false });
    await page.locator(`${W} [role="dialog"] .tp-first`).waitFor();
    expect(await page.evaluate('window.__patchedFetchCalls')).toBeGreaterThan(0); // the widget's calls went through it
    // a decision goes through the wrapper to the server and back
    await page.locator(`${W} .tp-nav-btn`).nth(2).click();
    await page.getByRole('switch', { name: 'Sharing with third parties' }).click();
    await waitFor(
      async () =>
        ((await call(page, `window.TwikitPrivacy.get('third_party_sharing')`)) as { ok: unknown }).ok === true,
      { message: 'the decision never came back' },
    );
    expect(await watch.problems()).toEqual([]);
  });

  it('host CSS does not reach in and widget CSS does not leak out', async () => {
    const { page, watch } = await visit('hostile'); // * { color: red !important; font-size: 40px !important } button { display: none !important } …
    const hostStyles = () =>
      page.evaluate(() => {
        const pick = (id: string) => {
          const s = getComputedStyle(document.getElementById(id)!);
          return {
            position: s.position,
            width: s.width,
            borderRadius: s.borderTopLeftRadius,
            border: `${s.borderTopStyle} ${s.borderTopColor}`,
            background: s.backgroundColor,
            padding: s.paddingTop,
            margin: s.marginTop,
            shadow: s.boxShadow,
            font: s.fontFamily,
            color: s.color,
          };
        };
        return { launcher: pick('host-launcher'), panel: pick('host-panel'), dialog: pick('host-dialog') };
      });
    const before = await hostStyles();
    // the host's own .launcher / .tp-panel / .tp-dialog keep the host's styles, not the widget's
    expect(before.launcher).toMatchObject({
      position: 'static',
      borderRadius: '0px',
      border: 'dotted rgb(0, 128, 0)',
      background: 'rgb(255, 255, 0)',
      color: 'rgb(255, 0, 0)',
    });
    expect(before.launcher.width).not.toBe('48px');
    expect(before.panel).toMatchObject({
      padding: '7px',
      border: 'solid rgb(0, 0, 255)',
      background: 'rgb(255, 0, 255)',
    });
    expect(before.dialog).toMatchObject({ position: 'static', margin: '11px', shadow: 'none' });

    await launcher(page).waitFor({ timeout: 15_000 });
    await page.locator(`${W} [role="dialog"] .tp-first`).waitFor(); // the panel's stylesheets are adopted now
    // the widget added no stylesheet to the document
    expect(
      await page.evaluate(() => ({
        styles: document.querySelectorAll('style').length,
        adopted: document.adoptedStyleSheets.length,
        links: document.querySelectorAll('link[rel="stylesheet"]').length,
      })),
    ).toEqual({ styles: 0, adopted: 0, links: 1 });
    expect(await hostStyles()).toEqual(before);

    // the host's rules do not reach in: the launcher and the dialog's buttons are visible, in the widget's own colours and sizes
    const inside = await page.evaluate(() => {
      const root = document.querySelector('twikit-privacy')!.shadowRoot!;
      const style = (sel: string) => {
        const el = root.querySelector(sel)!;
        const s = getComputedStyle(el);
        const r = el.getBoundingClientRect();
        return {
          display: s.display,
          color: s.color,
          background: s.backgroundColor,
          fontSize: s.fontSize,
          size: `${Math.round(r.width)}x${Math.round(r.height)}`,
        };
      };
      return {
        launcher: style('.launcher'),
        svg: getComputedStyle(root.querySelector('.launcher path')!).fill,
        dialog: style('.tp-dialog'),
        close: style('.tp-close'),
        accept: style('.tp-btn-choice'),
        text: style('.tp-first p'),
      };
    });
    expect(inside.launcher).toMatchObject({ display: 'grid', color: 'rgb(255, 255, 255)', size: '48x48' });
    // the widget's own accent: the launcher's fallback (#1a56db) or, once the panel's sheet is adopted, its --tp-accent (#0b57d0)
    expect(['rgb(26, 86, 219)', 'rgb(11, 87, 208)']).toContain(inside.launcher.background);
    expect(inside.svg).not.toBe('rgb(255, 0, 0)');
    expect(inside.dialog).toMatchObject({ color: 'rgb(27, 31, 36)', background: 'rgb(255, 255, 255)' });
    // Text size is max(1rem, 16px) by design (it follows the root font size, so a person's larger default text
    // applies): the host's `html { font-size: 40px }` scales it through rem, but nothing makes it smaller than 16px.
    const rootSize = await page.evaluate(() => getComputedStyle(document.documentElement).fontSize);
    expect(inside.dialog.fontSize).toBe(`${Math.max(16, parseFloat(rootSize))}px`);
    for (const key of ['close', 'accept', 'text'] as const) {
      expect(inside[key].display, key).not.toBe('none');
      expect(inside[key].color, key).not.toBe('rgb(255, 0, 0)');
      expect(inside[key].background, key).not.toBe('rgb(255, 0, 255)');
      expect(inside[key].fontSize, key).toBe(inside.dialog.fontSize);
    }
    await page.keyboard.press('Escape');
    expect(await launcher(page).isVisible()).toBe(true);
    expect(await watch.problems()).toEqual([]);
  });

  it('inline mode renders the panel inside the given target, without a launcher or dialog', async () => {
    const { page, watch } = await visit('inline');
    const element = page.locator(`#privacy-settings > ${W}`);
    await element.waitFor({ timeout: 15_000 });
    await page.locator(`#privacy-settings ${W} .tp-inline .tp-panel .tp-first`).waitFor({ timeout: 15_000 });
    expect(await element.getAttribute('data-mode')).toBe('inline');
    expect(await ready(page)).toBe(true);
    await page.waitForTimeout(300); // a first visit: nothing may auto-open here
    expect(await count(page, W)).toBe(1);
    expect(await count(page, `${W} .launcher`)).toBe(0);
    expect(await count(page, `${W} [role="dialog"]`)).toBe(0);
    expect(await count(page, `${W} .tp-backdrop`)).toBe(0);
    expect(await page.evaluate(() => document.querySelectorAll('[inert]').length)).toBe(0);
    // the panel is in the page flow, inside the target
    const [target, panel] = await Promise.all([
      page.locator('#privacy-settings').boundingBox(),
      page.locator(`${W} .tp-inline`).boundingBox(),
    ]);
    expect(panel!.y).toBeGreaterThanOrEqual(target!.y);
    expect(panel!.x).toBeGreaterThanOrEqual(target!.x);
    // it works in place, and open() does not turn it into a dialog
    await page.locator(`${W} .tp-nav-btn`).nth(2).click();
    await page.getByRole('switch', { name: 'Sharing with third parties' }).waitFor();
    await call(page, `window.TwikitPrivacy.open('notice')`);
    await page.waitForTimeout(300);
    expect(await count(page, `${W} [role="dialog"]`)).toBe(0);
    expect(await runAxe(page)).toEqual([]);
    expect(await watch.problems()).toEqual([]);
  });

  it('theming: --tp-accent set on twikit-privacy { } by host CSS changes the launcher and the buttons', async () => {
    const plain = await visit('widget', { html_lang: 'en', auto_open: 'false' });
    await launcher(plain.page).waitFor({ timeout: 15_000 });
    expect(await launcher(plain.page).evaluate((el) => getComputedStyle(el).backgroundColor)).toBe('rgb(11, 87, 208)');

    const { page, watch } = await visit('theme'); // twikit-privacy { --tp-accent: rgb(0, 100, 0) }
    await launcher(page).waitFor({ timeout: 15_000 });
    expect(await launcher(page).evaluate((el) => getComputedStyle(el).backgroundColor)).toBe('rgb(0, 100, 0)');
    // the panel's own defaults (adopted on open) do not override the host's value
    await page.locator(`${W} [role="dialog"] .tp-first`).waitFor();
    expect(
      await page
        .locator(`${W} .tp-btn-choice`)
        .first()
        .evaluate((el) => getComputedStyle(el).backgroundColor),
    ).toBe('rgb(0, 100, 0)');
    expect(await launcher(page).evaluate((el) => getComputedStyle(el).backgroundColor)).toBe('rgb(0, 100, 0)');
    expect(await watch.problems()).toEqual([]);
  });

  it('the UI language comes from data-lang, then <html lang>, then the browser languages', async () => {
    const label = async (params: Record<string, string>, locale?: string) => {
      const { page } = await visit('widget', { auto_open: 'false', ...params }, locale ? { locale } : {});
      await launcher(page).waitFor({ timeout: 15_000 });
      return launcher(page).getAttribute('aria-label');
    };
    expect(await label({ html_lang: 'fr', lang: 'nl' })).toBe('Privacy-instellingen');
    expect(await label({ html_lang: 'fr' })).toBe('Paramètres de confidentialité');
    expect(await label({ html_lang: '' }, 'de-DE')).toBe('Datenschutz-Einstellungen');
    expect(await label({ html_lang: 'es' }, 'es-ES')).toBe('Privacy settings');
  });

  it('R71: through a whole visit (first layer, every view, a second language) the widget fetches only its own files and the rights API, and sets no cookie', async () => {
    // A signed-in person (widget.html hands over a host token), so the requests view loads too.
    const context = await world.newContext();
    const page = await context.newPage();
    const watch = await watchPage(page);
    const requested: URL[] = [];
    context.on('request', (r) => requested.push(new URL(r.url())));
    await page.goto(world.host.page('widget', { html_lang: 'en' }));
    const dialog = page.locator(`${W} [role="dialog"]`);
    await dialog.locator('.tp-first').waitFor({ timeout: 15_000 });
    await dialog.getByRole('button', { name: 'Don’t allow' }).click();
    // a decision closes the dialog; the launcher opens it again
    await dialog.waitFor({ state: 'detached' });
    await page.locator(`${W} button.launcher`).click();
    await dialog.locator('.tp-first').waitFor();
    for (const view of ['Privacy notice', 'Your choices', 'Your requests']) {
      await dialog.locator('.tp-nav-btn', { hasText: view }).click();
      await waitFor(async () => (await dialog.locator('.tp-view').getAttribute('aria-busy')) !== 'true', {
        message: `${view} kept loading`,
      });
    }
    await dialog.locator('.tp-request-list[aria-busy="false"]').waitFor();
    const dutchNotice = page.waitForResponse((r) => r.url().includes('/v1/notice?locale=nl'));
    await dialog.getByLabel('Language').selectOption('nl');
    await dutchNotice;
    await dialog.locator('.tp-nav-btn', { hasText: nl['nav.notice'] }).click();
    await dialog.locator('.tp-notice').waitFor();

    const api = new URL(world.api.url).origin;
    const ownFile = (u: URL) =>
      u.origin === api && /^\/widget\/twikit-privacy(-[a-z]+)?(-[\w-]{8})?\.js$/.test(u.pathname);
    const apiCall = (u: URL) => u.origin === api && u.pathname.startsWith('/v1/');
    // The host page's own requests: the page, its stylesheet and script, its token endpoint.
    const hostOwn = (u: URL) =>
      u.origin === world.host.origin && ['/widget.html', '/host.css', '/host.js', '/token'].includes(u.pathname);
    const foreign = requested.filter((u) => !ownFile(u) && !apiCall(u) && !hostOwn(u)).map(String);
    expect(foreign).toEqual([]);
    // It did make the visit's requests (else an empty list above would prove nothing).
    const names = new Set(requested.filter(ownFile).map((u) => u.pathname.replace(/-[\w-]{8}\.js$/, '.js')));
    expect([...names].sort()).toEqual([
      '/widget/twikit-privacy-core.js',
      '/widget/twikit-privacy-nl.js',
      '/widget/twikit-privacy-panel.js',
      '/widget/twikit-privacy.js',
    ]);
    const calls = new Set(requested.filter(apiCall).map((u) => u.pathname));
    for (const path of ['/v1/notice', '/v1/consents', '/v1/requests']) expect(calls, path).toContain(path);
    expect(
      requested
        .filter(apiCall)
        .map((u) => u.searchParams.get('locale'))
        .filter(Boolean),
    ).toContain('nl');
    // No tracker's cookie, nor any other: the widget keeps its state in IndexedDB and one localStorage flag.
    expect(await context.cookies()).toEqual([]);
    expect(await watch.problems()).toEqual([]);
  });

  it('R14: a first visit fetches the panel, its language and the notice beside the runtime (the notice once); a returning device fetches none, and its cache, not the hint, decides whether the first layer opens', async () => {
    // visitor.html: no account, so the first layer opens without waiting for the server's consent state.
    const context = await world.newContext();
    const page = await context.newPage();
    const watch = await watchPage(page);
    const fetched: string[] = [];
    page.on('request', (r) =>
      fetched.push(
        new URL(r.url()).pathname
          .split('/')
          .pop()!
          .replace(/-[\w-]{8}\.js$/, '.js'),
      ),
    );
    const url = world.host.page('visitor', { lang: 'nl' });
    const dialog = page.locator(`${W} [role="dialog"]`);
    const preloads = () =>
      page.evaluate<string[]>(
        `[...document.querySelectorAll('link[rel="modulepreload"]')].map((l) => l.href.split('/').pop().replace(/-[\\w-]{8}\\.js$/, '.js')).sort()`,
      );
    const hint = () =>
      page.evaluate<string[]>(
        `Object.keys(localStorage).filter((k) => k.startsWith('twikit-privacy|seen|')).map((k) => localStorage.getItem(k))`,
      );

    await page.goto(url);
    await dialog.locator('.tp-first').waitFor({ timeout: 15_000 });
    expect(await preloads()).toEqual(['twikit-privacy-core.js', 'twikit-privacy-nl.js', 'twikit-privacy-panel.js']);
    // The loader's early answer is the one the notice model used: one request, not two.
    expect(fetched.filter((f) => f === 'notice')).toEqual(['notice']);
    expect(await dialog.locator('.tp-view-title').textContent()).toBe(nl['view.overview']);
    await dialog.getByRole('button', { name: nl['first.denyOne'] }).click();
    await waitFor(async () => (await page.evaluate(`window.TwikitPrivacy.get('third_party_sharing')`)) === false, {
      message: 'Reject all did not apply',
    });
    // Recorded and gone from the device's outbox (else the next page would send it, and load the panel to do so).
    const outbox = `${world.api.url.replace(/\/+$/, '')}|outbox|device`;
    await waitFor(async () => ((await cacheGet(page, outbox)) as unknown[] | undefined)?.length === 0, {
      message: 'the decision stayed in the outbox',
    });
    expect(await hint()).toEqual(['1']);

    // Returning: the hint says "seen", so nothing is fetched ahead; the panel comes only when opened.
    const returning = async () => {
      fetched.length = 0;
      await page.reload();
      await page.evaluate(`window.TwikitPrivacy.ready()`);
      await waitFor(async () => (await hint()).length === 1, { message: 'the hint was not written' });
      await page.waitForTimeout(1000); // time for a wrongly opened first layer to show
      expect(await dialog.count()).toBe(0);
      return fetched.filter(
        (f) => f === 'notice' || f.startsWith('twikit-privacy-panel') || f.startsWith('twikit-privacy-nl'),
      );
    };
    expect(await returning()).toEqual([]);
    expect(await preloads()).toEqual(['twikit-privacy-core.js']);
    // Without the hint (storage cleared apart from IndexedDB) the panel may be fetched ahead, but the person who
    // decided is not asked again: the cache decides, and the hint is written back.
    await page.evaluate(`localStorage.clear()`);
    await returning();
    expect(await hint()).toEqual(['1']);
    expect(await watch.problems()).toEqual([]);
  });
});

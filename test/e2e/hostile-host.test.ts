import { randomBytes } from 'node:crypto';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { client, hostToken } from '../server/harness.ts';
import { waitFor, watchPage, type PageWatch } from './browser.ts';
import { useStaticWorld } from './pages/serve.ts';
import { uniqueSub } from './widget-fixture.ts';

// The widget on host pages that fight it (test/e2e/pages/hostile-host.html): global `!important` resets aimed at
// every element, at dialogs and at custom elements, a 2px root font, a transparent overlay at the highest z-index,
// a nonce-only CSP with `require-trusted-types-for 'script'` and no Trusted Types policy allowed at all (the widget
// needs none: it writes no HTML), and page scripts that patch built-ins before it loads (hostile-globals.js).
// It must look as it does on a clean page, stay on top and clickable, and record a decision, with zero violations.

const world = useStaticWorld();
const W = 'twikit-privacy';

interface Visit {
  page: Page;
  watch: PageWatch;
  sub: string;
}

async function visit(name: string, params: Record<string, string>): Promise<Visit> {
  const context = await world.newContext({ viewport: { width: 1000, height: 800 } });
  const page = await context.newPage();
  const watch = await watchPage(page);
  const sub = uniqueSub('hostile');
  await page.goto(world.host.page(name, { ...params, user: sub }));
  await page.locator(`${W} .launcher`).waitFor({ timeout: 15_000 });
  return { page, watch, sub };
}

const clean = () => visit('widget', { html_lang: 'en', lang: 'en', auto_open: 'false' });
const hostile = (patches: string, css = 'hostile-reset') =>
  visit('hostile-host', { css, patches, nonce: randomBytes(12).toString('base64url') });

// What a person sees of each part: where it is, how big, and the styles that make it look the way it does.
// Plain source (no transpiler helpers); selectors with `*` take every match.
const LOOKS = `((selectors) => {
  const root = document.querySelector('twikit-privacy').shadowRoot;
  const keys = ['display', 'visibility', 'opacity', 'position', 'zIndex', 'color', 'backgroundColor', 'fontSize', 'fontFamily', 'fontWeight',
    'lineHeight', 'paddingTop', 'paddingLeft', 'borderTopWidth', 'borderTopStyle', 'borderTopLeftRadius', 'transform', 'filter', 'pointerEvents'];
  const out = {};
  for (const selector of selectors) {
    const all = selector.endsWith('*');
    const els = all ? [...root.querySelectorAll(selector.slice(0, -1))] : [root.querySelector(selector)].filter(Boolean);
    out[selector] = els.map((el) => {
      const r = el.getBoundingClientRect();
      const s = getComputedStyle(el);
      return { box: [r.x, r.y, r.width, r.height].map(Math.round).join(' '), ...Object.fromEntries(keys.map((k) => [k, s[k]])) };
    });
  }
  const host = getComputedStyle(document.querySelector('twikit-privacy'));
  out.host = [{ display: host.display, visibility: host.visibility, opacity: host.opacity, transform: host.transform, filter: host.filter, zIndex: host.zIndex, position: host.position }];
  return out;
})`;
const looks = (page: Page, selectors: string[]) =>
  page.evaluate(`${LOOKS}(${JSON.stringify(selectors)})`) as Promise<Record<string, unknown[]>>;

// Hit-testing at the centre of each part: the page must hit the widget's element, and inside it the part itself.
const HITS = `((selectors) => {
  const root = document.querySelector('twikit-privacy').shadowRoot;
  return selectors.flatMap((selector) => [...root.querySelectorAll(selector)].map((el) => {
    el.scrollIntoView({ block: 'center' }); // the dialog scrolls: below its fold nothing can be hit
    const r = el.getBoundingClientRect();
    const x = r.x + r.width / 2, y = r.y + Math.min(r.height / 2, 20);
    const page = document.elementFromPoint(x, y);
    const inside = root.elementFromPoint(x, y);
    return selector + ': ' + (page && page.tagName.toLowerCase()) + ' > ' + (inside === el || el.contains(inside) ? 'itself' : inside && inside.className);
  }));
})`;
const hits = (page: Page, selectors: string[]) =>
  page.evaluate(`${HITS}(${JSON.stringify(selectors)})`) as Promise<string[]>;
const onTop = (selectors: string[]) => selectors.map((s) => `${s}: twikit-privacy > itself`);

const LAUNCHER = ['.launcher', '.launcher svg'];
const DIALOG = [
  '.tp-backdrop',
  '.tp-dialog',
  '.tp-close',
  '.tp-nav-btn*',
  '.tp-language select',
  'h2.tp-view-title',
  '.tp-first p',
  '.tp-link*',
  '.tp-btn-choice*',
];
const BUTTONS = ['.tp-close', '.tp-nav-btn', '.tp-btn-choice'];

async function openDialog(page: Page): Promise<void> {
  await page.locator(`${W} .launcher`).click(); // a real click: Playwright checks that nothing covers it
  await page.locator(`${W} [role="dialog"] .tp-first`).waitFor({ timeout: 15_000 });
  await page.evaluate(
    `document.querySelector('twikit-privacy').shadowRoot.querySelector('.tp-dialog').getAnimations().forEach((a) => a.finish())`,
  );
}

/** Gives the sharing consent through the switch and waits until the server has it. */
async function shareThroughTheSwitch(page: Page, sub: string): Promise<void> {
  await page.locator(`${W} .tp-nav-btn`).nth(2).click();
  await page.getByRole('switch', { name: 'Sharing with third parties' }).click();
  const api = client(world.api.url);
  await waitFor(
    async () => {
      const state = await api.get('/v1/consents', { token: await hostToken(sub) });
      return (state.body.purposes as Array<{ purpose: string; active: boolean }>).find(
        (p) => p.purpose === 'third_party_sharing',
      )?.active;
    },
    { timeout: 10_000, message: 'the decision never reached the server' },
  );
}

describe('a hostile host page', () => {
  it('R66 R67: global !important resets, a 2px root font and a top z-index overlay change nothing: same looks, on top, clickable, zero violations', async () => {
    const reference = await clean();
    const { page, watch, sub } = await hostile('all');

    // The launcher, closed: same place, size and styles; the overlay above the page does not cover it.
    expect(await looks(page, LAUNCHER)).toEqual(await looks(reference.page, LAUNCHER));
    expect(await hits(page, ['.launcher'])).toEqual(onTop(['.launcher']));

    // The dialog: every button and text block as on the clean page, and on top of the overlay — also when the page
    // takes back the `inert` the dialog put on it (hit-testing then sees paint order, not inertness).
    await openDialog(reference.page);
    await openDialog(page);
    expect(await looks(page, DIALOG)).toEqual(await looks(reference.page, DIALOG));
    await page.evaluate(`document.getElementById('overlay').inert = false`);
    const buttons = await hits(page, BUTTONS);
    expect(buttons.length).toBeGreaterThanOrEqual(6);
    expect(buttons).toEqual(buttons.map((line) => line.replace(/:.*/, ': twikit-privacy > itself')));

    // It works: a decision reaches the server, Escape closes, the launcher is back.
    await shareThroughTheSwitch(page, sub);
    await page.keyboard.press('Escape');
    await page.locator(`${W} [role="dialog"]`).waitFor({ state: 'detached' });
    expect(await page.locator(`${W} .launcher`).isVisible()).toBe(true);

    // Every patch was in force while the widget ran, and nothing of the page's ran inside it.
    const calls = (await page.evaluate('window.__patchCalls')) as Record<string, number>;
    for (const patched of [
      'map',
      'JSON.parse',
      'Promise',
      'fetch',
      'attachShadow',
      'customElements.define',
      'addEventListener',
    ])
      expect(calls[patched], patched).toBeGreaterThan(0);
    expect(await page.evaluate('window.__pwned')).toBeUndefined();
    expect(await watch.problems()).toEqual([]);
    expect(await reference.watch.problems()).toEqual([]);
  });

  it.each([
    ['array', 'a hand-written Array.prototype.map, enumerable Array helpers and Array.prototype.toJSON'],
    ['json', 'a JSON.parse that revives dates'],
    ['promise', 'a zone.js-style Promise subclass as window.Promise'],
    ['fetch', 'a fetch wrapper without AbortSignal support'],
    ['shadow', 'an attachShadow wrapper that forgets to return the root'],
    ['define', 'a customElements.define that refuses unknown names'],
    ['listeners', 'an addEventListener wrapper that wraps listeners and drops options'],
    ['pollution', 'Object.prototype.hidden = true and a __proto__ deep merge (dangerouslySetInnerHTML, inert)'],
  ])('R67: the widget works the same with %s patched before it loads (%s)', async (patches) => {
    const { page, watch, sub } = await hostile(patches, 'host');
    await openDialog(page);
    await shareThroughTheSwitch(page, sub);
    await page.keyboard.press('Escape');
    await page.locator(`${W} [role="dialog"]`).waitFor({ state: 'detached' });
    expect(await page.evaluate('window.__pwned')).toBeUndefined();
    expect(await watch.problems()).toEqual([]);
  });

  it('R67: a page that pollutes Object.prototype while the dialog is open does not stop it from updating', async () => {
    const { page, watch, sub } = await hostile('', 'host');
    await openDialog(page);
    // What a vulnerable merge of `?__proto__[…]=…` query parameters does, after the panel has loaded.
    await page.evaluate(
      `Object.prototype.dangerouslySetInnerHTML = { __html: '<img src=x onerror="window.__pwned=true">' }; Object.prototype.hidden = true; Object.prototype.inert = true`,
    );
    await shareThroughTheSwitch(page, sub);
    expect(await page.locator(`${W} h2.tp-view-title`).textContent()).toBe('Your privacy choices');
    // The server has it; the page learns from its answer a moment later: wait for the switch itself.
    const sharing = page.getByRole('switch', { name: 'Sharing with third parties' });
    await waitFor(async () => (await sharing.getAttribute('aria-checked')) === 'true', {
      message: 'the switch never showed sharing on',
    });
    expect(
      await page.evaluate(
        `document.querySelector('twikit-privacy').shadowRoot.querySelectorAll('img, [hidden]').length`,
      ),
    ).toBe(0);
    expect(await page.evaluate('window.__pwned')).toBeUndefined();
    expect(await watch.problems()).toEqual([]);
  });
});

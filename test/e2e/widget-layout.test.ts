import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { runAxe, waitFor, watchPage } from './browser.ts';
import { useStaticWorld } from './pages/serve.ts';

// The widget's layout in real Chromium, measured rather than looked at: what a person sees without scrolling on a
// phone (360×740) and a laptop (1280×800), at 320 px and at 200 % zoom (a 1280 px window at 200 % is 640 CSS px
// wide), and what a decision leaves behind. Served under the demo's strict CSP (test/e2e/pages/widget.html).

const W = 'twikit-privacy';
const PHONE = { width: 360, height: 740 };
const LAPTOP = { width: 1280, height: 800 };
const world = useStaticWorld();

async function openWidget(
  options: { viewport?: { width: number; height: number }; dark?: boolean; lang?: string } = {},
): Promise<Page> {
  const context = await world.newContext({ viewport: options.viewport ?? LAPTOP });
  const page = await context.newPage();
  if (options.dark) await page.emulateMedia({ colorScheme: 'dark' });
  const response = await page.goto(world.host.page('widget', { html_lang: 'en', lang: options.lang ?? 'en' }));
  expect(response?.status()).toBe(200);
  await page.locator(`${W} .tp-dialog .tp-first`).waitFor({ timeout: 15_000 });
  return page;
}

/**
 * Whether `selector` (inside the widget) is on screen and not covered: its box lies within the window and the
 * dialog's visible part, and the element found at its centre is it (or inside it).
 */
function inView(page: Page, selector: string): Promise<{ ok: boolean; why: string }> {
  return page.evaluate(
    ([sel]) => {
      const root = document.querySelector('twikit-privacy')!.shadowRoot!;
      const el = root.querySelector(sel!) as HTMLElement | null;
      if (!el) return { ok: false, why: `no ${sel}` };
      const box = el.getBoundingClientRect();
      const dialog = root.querySelector('.tp-dialog')!.getBoundingClientRect();
      const within =
        box.top >= Math.max(0, dialog.top) - 0.5 &&
        box.bottom <= Math.min(innerHeight, dialog.bottom) + 0.5 &&
        box.left >= -0.5 &&
        box.right <= innerWidth + 0.5;
      const hit = root.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2);
      const uncovered = !!hit && (hit === el || el.contains(hit));
      return {
        ok: within && uncovered && box.height > 0,
        why: `${sel}: box ${Math.round(box.top)}–${Math.round(box.bottom)} in a ${innerHeight} px window, dialog ${Math.round(dialog.top)}–${Math.round(dialog.bottom)}, hit ${hit?.className ?? 'nothing'}`,
      };
    },
    [selector],
  );
}

const choiceButtons = (n: 1 | 2) => `.tp-choices .tp-choice-buttons > .tp-btn:nth-child(${n})`;

describe('the first layer fits', () => {
  for (const [size, viewport] of [
    ['1280×800', LAPTOP],
    ['360×740', PHONE],
  ] as const) {
    it(`R17: at ${size} the key points and both equal choices are visible without scrolling`, async () => {
      const page = await openWidget({ viewport });
      for (const selector of ['.tp-highlights h3', choiceButtons(1), choiceButtons(2)]) {
        const seen = await inView(page, selector);
        expect(seen.ok, seen.why).toBe(true);
      }
      // the dialog itself has not been scrolled to get there
      expect(await page.locator(`${W} .tp-dialog`).evaluate((el) => el.scrollTop)).toBe(0);
    });
  }

  it('R17, R22: the buttons say what they decide (the one purpose they cover) and the question names the recipients', async () => {
    const page = await openWidget();
    const choices = page.locator(`${W} .tp-choices`);
    expect(await choices.locator('.tp-btn').allTextContents()).toEqual([
      'Allow sharing with third parties',
      'Don’t allow',
    ]);
    const question = (await choices.locator('.tp-choices-intro').textContent()) ?? '';
    expect(question).toContain('Name and E-Mail');
    expect(question).toContain('companies, organisations or people outside Twikit');
    expect(await choices.textContent()).not.toMatch(/body scan/i);
  });

  it('R60: a decision closes the dialog and says what was recorded in a status message that outlives it', async () => {
    const page = await openWidget();
    await page.locator(`${W} ${choiceButtons(2)}`).click();
    await page.locator(`${W} .tp-dialog`).waitFor({ state: 'detached' });
    const status = page.locator(`${W} > p[role="status"], ${W} p.status`).first();
    const said = await waitFor(async () => ((await status.textContent()) ?? '').trim(), {
      message: 'nothing was announced after the decision',
    });
    expect(said).toMatch(/^Consent for sharing with third parties refused — recorded /);
    expect(await status.isVisible()).toBe(true);
  });
});

describe('the notice table reads at 320 px and at 200 % zoom', () => {
  for (const [size, viewport] of [
    ['320 px', { width: 320, height: 640 }],
    ['200 % zoom', { width: 640, height: 400 }],
    ['1280×800', LAPTOP],
  ] as const) {
    it(`R61: at ${size} nothing is wider than the dialog and no word is broken inside a cell`, async () => {
      const page = await openWidget({ viewport });
      await page.locator(`${W} .tp-nav-btn`).nth(1).click();
      await page.locator(`${W} .tp-notice`).waitFor();
      const report = await page.evaluate(() => {
        const root = document.querySelector('twikit-privacy')!.shadowRoot!;
        const dialog = root.querySelector('.tp-dialog') as HTMLElement;
        const edge = dialog.getBoundingClientRect();
        // The tab row scrolls sideways on purpose; everything else must fit.
        const wider = [...dialog.querySelectorAll<HTMLElement>('*')]
          .filter((el) => !el.closest('.tp-nav-list') && el.getClientRects().length > 0)
          .filter((el) => {
            const box = el.getBoundingClientRect();
            return box.left < edge.left - 0.5 || box.right > edge.right + 0.5;
          })
          .map(
            (el) =>
              `${el.tagName.toLowerCase()}.${el.className} ${Math.round(el.getBoundingClientRect().left)}–${Math.round(el.getBoundingClientRect().right)} of ${Math.round(edge.left)}–${Math.round(edge.right)}: ${el.textContent?.slice(0, 50)}`,
          );
        const cells = [
          ...dialog.querySelectorAll<HTMLElement>('.tp-table th, .tp-table td, .tp-card dd, .tp-card dt'),
        ].filter((el) => el.getClientRects().length > 0);
        const breaking = cells
          .filter((el) => {
            const style = getComputedStyle(el);
            return (
              style.overflowWrap === 'anywhere' ||
              style.wordBreak === 'break-all' ||
              style.hyphens === 'auto' ||
              el.scrollWidth > el.clientWidth + 1
            );
          })
          .map((el) => el.textContent?.slice(0, 40));
        return { wider, breaking, cells: cells.length, cards: !!dialog.querySelector('.tp-card:not([hidden])') };
      });
      expect(report.cells).toBeGreaterThan(10);
      expect(report.wider).toEqual([]);
      expect(report.breaking).toEqual([]);
    });
  }

  it('R61: a phone gets one card per data type instead of a six-column table', async () => {
    const page = await openWidget({ viewport: PHONE });
    await page.locator(`${W} .tp-nav-btn`).nth(1).click();
    expect(await page.locator(`${W} .tp-card`).first().isVisible()).toBe(true);
    expect(await page.locator(`${W} .tp-table`).isVisible()).toBe(false);
  });
});

describe('the body-scan step', () => {
  it('R22: on a 360×740 phone "I consent" and "Not now" are both visible without scrolling', async () => {
    const page = await openWidget({ viewport: PHONE });
    await page.keyboard.press('Escape');
    await page.locator(`${W} .tp-dialog`).waitFor({ state: 'detached' });
    page
      .evaluate(() =>
        (
          window as unknown as { TwikitPrivacy: { requestConsent(p: string): Promise<boolean> } }
        ).TwikitPrivacy.requestConsent('biometric_scans'),
      )
      .catch(() => undefined); // settles when the step closes, or never: the context closes first
    await page.locator(`${W} .tp-jit`).waitFor();
    for (const n of [1, 2] as const) {
      const seen = await inView(page, `.tp-jit-bar .tp-btn:nth-child(${n})`);
      expect(seen.ok, seen.why).toBe(true);
    }
  });
});

/** WCAG relative luminance contrast of two `rgb(…)` colours (alpha ignored: the colours here are opaque). */
function contrast(a: string, b: string): number {
  const lum = (c: string) => {
    const [r, g, bl] = (c.match(/[\d.]+/g) ?? []).slice(0, 3).map((v) => {
      const s = Number(v) / 255;
      return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r! + 0.7152 * g! + 0.0722 * bl!;
  };
  const [x, y] = [lum(a), lum(b)].sort((p, q) => q - p) as [number, number];
  return (x + 0.05) / (y + 0.05);
}

describe('checkbox labels', () => {
  for (const lang of ['en', 'fr'] as const) {
    it(`${lang}, 360 px: a long checkbox label wraps beside its box, every line starting right of it`, async () => {
      const page = await openWidget({ viewport: PHONE, lang });
      await page.locator(`${W} .tp-nav-btn`).nth(3).click();
      await page.locator(`${W} .tp-form select`).first().selectOption('account_deletion');
      await page.locator(`${W} .tp-field-check input[type="checkbox"]`).waitFor();
      const measured = await page.evaluate(() => {
        const root = document.querySelector('twikit-privacy')!.shadowRoot!;
        const field = root.querySelector('.tp-field-check')!;
        const box = field.querySelector('input')!.getBoundingClientRect();
        const range = document.createRange();
        range.selectNodeContents(field.querySelector('label')!);
        const lines = [...range.getClientRects()].filter((r) => r.width > 0);
        return {
          boxRight: box.right,
          lefts: lines.map((r) => r.left),
          lineCount: new Set(lines.map((r) => Math.round(r.top))).size,
        };
      });
      // Long enough to wrap at this width, or the check proves nothing.
      expect(measured.lineCount).toBeGreaterThan(1);
      for (const left of measured.lefts) expect(left).toBeGreaterThanOrEqual(measured.boxRight);
    });
  }
});

describe('the launcher on a phone', () => {
  it('at 360 px it is smaller and closer to its corner than on a laptop, so it covers less of the page', async () => {
    const measure = async (viewport: { width: number; height: number }) => {
      const page = await openWidget({ viewport });
      const box = await page.evaluate(() => {
        const r = document
          .querySelector('twikit-privacy')!
          .shadowRoot!.querySelector('.launcher')!
          .getBoundingClientRect();
        return { size: r.width, left: r.left, gap: innerHeight - r.bottom };
      });
      await page.context().close();
      return box;
    };
    expect(await measure(LAPTOP)).toEqual({ size: 48, left: 16, gap: 16 });
    const phone = await measure(PHONE);
    expect(phone).toEqual({ size: 40, left: 6, gap: 6 });
  });
});

describe('R58: non-text contrast', () => {
  for (const dark of [false, true]) {
    it(`R58: ${dark ? 'dark' : 'light'} mode: switches in both states, focus rings and the dialog edge are at least 3:1`, async () => {
      const page = await openWidget({ dark });
      await page.locator(`${W} .tp-nav-btn`).nth(2).click();
      await page.locator(`${W} .tp-consents [role="switch"]`).first().waitFor();
      await page.keyboard.press('Tab'); // keyboard focus: the ring is drawn
      const colours = await page.evaluate(() => {
        const root = document.querySelector('twikit-privacy')!.shadowRoot!;
        const dialog = root.querySelector('.tp-dialog') as HTMLElement;
        const bg = getComputedStyle(dialog).backgroundColor;
        const off = root.querySelector('.tp-switch[aria-checked="false"]')!;
        const offTrack = getComputedStyle(off.querySelector('.tp-switch-track')!);
        const offThumb = getComputedStyle(off.querySelector('.tp-switch-thumb')!);
        // An "on" switch as the stylesheet draws it: a copy of the off one, marked checked, outside the live UI.
        const on = off.cloneNode(true) as HTMLElement;
        on.setAttribute('aria-checked', 'true');
        on.removeAttribute('id');
        off.parentElement!.append(on);
        const onTrack = getComputedStyle(on.querySelector('.tp-switch-track')!);
        const onThumb = getComputedStyle(on.querySelector('.tp-switch-thumb')!);
        const result = {
          bg,
          offBorder: offTrack.borderTopColor,
          offThumb: offThumb.backgroundColor,
          onTrack: onTrack.backgroundColor,
          onThumb: onThumb.backgroundColor,
          focus: '',
          edge: getComputedStyle(dialog).borderTopColor,
          edgeWidth: getComputedStyle(dialog).borderTopWidth,
        };
        on.remove();
        let focused = root.activeElement as HTMLElement | null;
        if (!focused || getComputedStyle(focused).outlineStyle === 'none') {
          focused = root.querySelector('.tp-nav-btn');
        }
        result.focus = focused ? getComputedStyle(focused).outlineColor : '';
        return result;
      });
      expect(contrast(colours.offBorder, colours.bg)).toBeGreaterThanOrEqual(3);
      expect(contrast(colours.offThumb, colours.bg)).toBeGreaterThanOrEqual(3);
      expect(contrast(colours.onTrack, colours.bg)).toBeGreaterThanOrEqual(3);
      expect(contrast(colours.onThumb, colours.onTrack)).toBeGreaterThanOrEqual(3);
      expect(contrast(colours.focus, colours.bg)).toBeGreaterThanOrEqual(3);
      if (dark) {
        // the dialog's edge against the dimmed page behind it (black at 55 % over a dark page: near black)
        expect(colours.edgeWidth).not.toBe('0px');
        expect(contrast(colours.edge, 'rgb(0, 0, 0)')).toBeGreaterThanOrEqual(3);
      }
    });
  }
});

describe('R52: axe in the new states', () => {
  for (const [lang, dark] of [
    ['en', true],
    ['nl', false],
    ['fr', true],
    ['de', false],
  ] as const) {
    it(`R52: ${lang}, ${dark ? 'dark' : 'light'}, 360×740: first layer, notice cards, body-scan step and the status after a decision`, async () => {
      const context = await world.newContext({ viewport: PHONE });
      const page = await context.newPage();
      const watch = await watchPage(page);
      if (dark) await page.emulateMedia({ colorScheme: 'dark' });
      await page.goto(world.host.page('widget', { html_lang: lang, lang }));
      await page.locator(`${W} .tp-dialog .tp-first`).waitFor({ timeout: 15_000 });
      const found: string[] = [];
      const check = async (state: string) =>
        found.push(...(await runAxe(page)).map((v) => `[${state}] ${v.id}: ${v.targets.join(' ')}`));
      await check('first layer');
      await page.locator(`${W} .tp-nav-btn`).nth(1).click();
      await page.locator(`${W} .tp-card`).first().waitFor();
      await check('notice as cards');
      await page.locator(`${W} .tp-nav-btn`).nth(0).click();
      await page.locator(`${W} ${choiceButtons(1)}`).click();
      await page.locator(`${W} .tp-dialog`).waitFor({ state: 'detached' });
      await waitFor(async () => ((await page.locator(`${W} p.status`).textContent()) ?? '').trim());
      await check('status after a decision');
      page
        .evaluate(() =>
          (
            window as unknown as { TwikitPrivacy: { requestConsent(p: string): Promise<boolean> } }
          ).TwikitPrivacy.requestConsent('biometric_scans'),
        )
        .catch(() => undefined);
      await page.locator(`${W} .tp-jit`).waitFor();
      await check('body-scan step');
      expect(found).toEqual([]);
      expect(await watch.problems()).toEqual([]);
    });
  }
});

import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { runAxe, waitFor, watchPage, type PageWatch } from './browser.ts';
import { useStaticWorld } from './pages/serve.ts';

// The widget's accessibility (requirements area iv) in real Chromium, embedded in a static host page under the
// demo's strict CSP + Trusted Types (test/e2e/pages/widget.html), against the real rights API on PGlite.
// Every test starts from a fresh browser context: a first visit, so the first layer opens by itself.

type Locale = 'en' | 'nl' | 'fr' | 'de';
const W = 'twikit-privacy'; // the widget's element; Playwright's CSS engine pierces its open shadow root

const world = useStaticWorld();

interface Opened {
  page: Page;
  watch: PageWatch;
}

/** A first visit to the host page; resolves once the auto-opened dialog shows the first layer. */
async function openWidget(
  options: { lang?: Locale; htmlLang?: string; dark?: boolean; viewport?: { width: number; height: number } } = {},
): Promise<Opened> {
  const context = await world.newContext(options.viewport ? { viewport: options.viewport } : {});
  const page = await context.newPage();
  const watch = await watchPage(page);
  if (options.dark) await page.emulateMedia({ colorScheme: 'dark' });
  const response = await page.goto(
    world.host.page('widget', { html_lang: options.htmlLang ?? 'en', lang: options.lang ?? '' }),
  );
  expect(response?.status()).toBe(200);
  await page.locator(`${W} .tp-dialog .tp-first`).waitFor({ timeout: 15_000 });
  return { page, watch };
}

const VIEW_INDEX = { overview: 0, notice: 1, consents: 2, requests: 3 } as const;
const VIEW_READY = {
  overview: `${W} .tp-first`,
  notice: `${W} .tp-notice`,
  consents: `${W} .tp-consents [role="switch"]`,
  requests: `${W} .tp-request-list[aria-busy="false"]`,
} as const;

/** Switches the panel's view with its nav (locale-independent: by position) and waits for the view's content. */
async function showView(page: Page, view: keyof typeof VIEW_INDEX): Promise<void> {
  await page.locator(`${W} .tp-nav-btn`).nth(VIEW_INDEX[view]).click();
  await page.locator(`${W} .tp-nav-btn`).nth(VIEW_INDEX[view]).and(page.locator('[aria-current="page"]')).waitFor();
  await page.locator(VIEW_READY[view]).first().waitFor();
}

const form = (page: Page) => page.locator(`${W} .tp-form`);
const pickType = (page: Page, type: string) => form(page).locator('select').first().selectOption(type);
const submit = (page: Page) => form(page).locator('button[type="submit"]').first().click();

/** Submits the current form and waits until its errors show (the summary and at least one error beside a field). */
async function submitExpectingErrors(page: Page): Promise<void> {
  await submit(page);
  await form(page).locator('.tp-summary').waitFor();
  await form(page).locator('.tp-field-error').first().waitFor();
}

/**
 * Walks every state of the panel and calls `visit` in each: the first layer, the full notice, the consents, each
 * request form with its errors shown, the confirmation stages before erasure and account deletion, and the
 * request list after filing a request. Starts on the auto-opened first layer.
 */
async function tour(page: Page, visit: (state: string) => Promise<void>): Promise<void> {
  await visit('first layer (overview)');
  await showView(page, 'notice');
  await visit('full notice');
  await showView(page, 'consents');
  await visit('consents');
  await showView(page, 'requests');
  await visit('requests (empty form, empty list)');

  // access has no required field: a message over the 2000-character limit is its error
  await pickType(page, 'access');
  await form(page).locator('textarea').last().fill('x'.repeat(2001));
  await submitExpectingErrors(page);
  await visit('form access, with errors');
  for (const type of ['portability', 'rectification', 'erasure', 'restriction', 'objection', 'account_deletion']) {
    await pickType(page, type);
    await submitExpectingErrors(page);
    await visit(`form ${type}, with errors`);
  }
  // the branches that add fields
  await pickType(page, 'objection');
  await form(page).locator('input[type="radio"][value="legitimate-interest"]').check();
  await submitExpectingErrors(page);
  await visit('form objection (legitimate interest), with errors');
  await pickType(page, 'erasure');
  await form(page).locator('input[type="radio"][value="specific"]').check();
  await submitExpectingErrors(page);
  await visit('form erasure (specific data), with errors');

  // the confirmation stage before erasure, then before account deletion
  await form(page).locator('input[type="radio"][value="all"]').check();
  await form(page).locator('input[type="checkbox"]').check();
  await submit(page);
  await form(page).locator('.tp-review').waitFor();
  await visit('erasure confirmation (review stage)');
  await form(page).locator('.tp-review .tp-btn-secondary').click();
  await pickType(page, 'account_deletion');
  await form(page).locator('input[type="checkbox"]').check();
  await submit(page);
  await form(page).locator('.tp-review').waitFor();
  await visit('account deletion confirmation (review stage)');
  await form(page).locator('.tp-review .tp-btn-secondary').click();

  // file an access request: the list shows it
  await pickType(page, 'access');
  await form(page).locator('textarea').last().fill('');
  await submit(page);
  await page.locator(`${W} .tp-request-list .tp-request`).first().waitFor({ timeout: 10_000 });
  await waitFor(async () => ((await form(page).locator('p[role="status"]').textContent()) ?? '').trim() !== '', {
    message: 'no "request received" status',
  });
  await visit('request list (after filing one)');
}

const axeLines = (state: string, violations: Awaited<ReturnType<typeof runAxe>>): string[] =>
  violations.map((v) => `[${state}] ${v.id} (${v.impact}): ${v.help}\n      ${v.targets.join('\n      ')}`);

describe('R52: axe reports zero WCAG A/AA violations in every state', () => {
  const runs: Array<{ lang: Locale; dark: boolean }> = [
    { lang: 'en', dark: false },
    { lang: 'nl', dark: false },
    { lang: 'fr', dark: false },
    { lang: 'de', dark: false },
    { lang: 'en', dark: true },
    { lang: 'nl', dark: true },
    { lang: 'fr', dark: true },
    { lang: 'de', dark: true },
  ];
  for (const { lang, dark } of runs) {
    it(`${lang}, ${dark ? 'dark' : 'light'} mode: first layer, notice, consents, each request form with errors, confirmation, list`, async () => {
      const { page, watch } = await openWidget({ lang, dark });
      // the UI really is in that language and scheme
      expect(await page.locator(`${W} .tp-panel`).getAttribute('lang')).toBe(lang);
      const background = await page.locator(`${W} .tp-dialog`).evaluate((el) => getComputedStyle(el).backgroundColor);
      expect(background).toBe(dark ? 'rgb(20, 23, 26)' : 'rgb(255, 255, 255)');

      const found: string[] = [];
      const states: string[] = [];
      await tour(page, async (state) => {
        states.push(state);
        found.push(...axeLines(state, await runAxe(page)));
      });
      expect(states).toHaveLength(16);
      expect(found, `axe violations (${lang}, ${dark ? 'dark' : 'light'}):\n${found.join('\n')}`).toEqual([]);
      expect(await watch.problems()).toEqual([]); // R66/R67: nothing trips the strict CSP or Trusted Types
    });
  }
});

/** The accessibility tree as Chromium computes it (name, description, states), for nodes of one role. */
async function axNodes(
  page: Page,
  role: string,
): Promise<Array<{ name: string; description: string; checked?: string; disabled?: boolean }>> {
  const cdp = await page.context().newCDPSession(page);
  try {
    const { root } = (await cdp.send('DOM.getDocument', { depth: -1, pierce: true })) as {
      root: { backendNodeId: number };
    };
    const { nodes } = (await cdp.send('Accessibility.queryAXTree', { backendNodeId: root.backendNodeId, role })) as {
      nodes: Array<{
        ignored: boolean;
        name?: { value: string };
        description?: { value: string };
        properties?: Array<{ name: string; value: { value: unknown } }>;
      }>;
    };
    return nodes
      .filter((n) => !n.ignored)
      .map((n) => {
        const prop = (name: string) => n.properties?.find((p) => p.name === name)?.value.value;
        const checked = prop('checked');
        return {
          name: n.name?.value ?? '',
          description: n.description?.value ?? '',
          ...(checked !== undefined ? { checked: String(checked) } : {}),
          disabled: prop('disabled') === true,
        };
      });
  } finally {
    await cdp.detach();
  }
}

describe('the widget in real Chromium: accessibility details', () => {
  it('R53: switches expose role switch, aria-checked, a stable name and a description', async () => {
    const { page, watch } = await openWidget({ lang: 'en' });
    await showView(page, 'consents');

    // Native buttons with role="switch" in a fieldset with a legend, described by purpose, data, controller, withdrawal.
    const markup = await page.locator(`${W} [role="switch"]`).evaluateAll((els) =>
      els.map((el) => {
        const root = el.getRootNode() as ShadowRoot;
        const described = (el.getAttribute('aria-describedby') ?? '').split(/\s+/).filter(Boolean);
        return {
          tag: el.tagName,
          type: el.getAttribute('type'),
          checked: el.getAttribute('aria-checked'),
          legend: el.closest('fieldset')?.querySelector('legend')?.textContent?.trim() ?? null,
          describedBy: described.map((id) => root.getElementById(id)?.textContent?.trim() ?? `(missing #${id})`),
        };
      }),
    );
    expect(markup.length).toBe(2); // body scans and third-party sharing; telemetry is not a switch (R25)
    for (const m of markup) {
      expect(m).toMatchObject({
        tag: 'BUTTON',
        type: 'button',
        checked: 'false',
        legend: 'Consents: off until you switch them on',
      });
      expect(m.describedBy).toHaveLength(4);
      expect(m.describedBy.every((text) => text.length > 0 && !text.startsWith('(missing'))).toBe(true);
      expect(m.describedBy.join(' ')).toMatch(/Twikit NV/);
      expect(m.describedBy.join(' ')).toMatch(/withdraw/i);
    }

    // What assistive technology gets: role switch, a name without the state word, a description, checked=false.
    const before = await axNodes(page, 'switch');
    expect(before.map((n) => [n.name, n.checked])).toEqual([
      ['Body scans in TwikFit', 'false'],
      ['Sharing with third parties', 'false'],
    ]);
    for (const n of before) {
      expect(n.description).toMatch(/Twikit NV/);
      expect(n.description).toMatch(/withdraw/i);
    }

    // Space toggles (on, then off); the name and description do not change with the state.
    const sharing = page.locator(`${W} [role="switch"]`).nth(1);
    await sharing.focus();
    await page.keyboard.press('Space');
    await waitFor(
      async () =>
        (await sharing.getAttribute('aria-checked')) === 'true' && (await sharing.getAttribute('aria-busy')) === null,
      { message: 'Space did not switch it on' },
    );
    const on = await axNodes(page, 'switch');
    expect(on.map((n) => [n.name, n.checked])).toEqual([
      ['Body scans in TwikFit', 'false'],
      ['Sharing with third parties', 'true'],
    ]);
    expect(on[1]!.description).toBe(before[1]!.description);
    expect(
      await page.evaluate(() =>
        (window as unknown as { TwikitPrivacy: { get(p: string): unknown } }).TwikitPrivacy.get('third_party_sharing'),
      ),
    ).toBe(true);
    await page.keyboard.press('Space');
    await waitFor(
      async () =>
        (await sharing.getAttribute('aria-checked')) === 'false' && (await sharing.getAttribute('aria-busy')) === null,
      { message: 'Space did not switch it off' },
    );
    expect((await axNodes(page, 'switch')).map((n) => n.name)).toEqual(before.map((n) => n.name));
    expect(await watch.problems()).toEqual([]);
  });

  it('R54: the dialog is labelled, modal, and the page behind it is inert', async () => {
    const { page, watch } = await openWidget({ lang: 'en' });
    const dialog = page.locator(`${W} [role="dialog"]`);
    expect(await dialog.count()).toBe(1);
    expect(await dialog.getAttribute('aria-modal')).toBe('true');
    const title = await dialog.evaluate(
      (el) =>
        (el.getRootNode() as ShadowRoot)
          .getElementById(el.getAttribute('aria-labelledby') ?? '')
          ?.textContent?.trim() ?? null,
    );
    expect(title).toBe('Twikit privacy controls');
    expect((await axNodes(page, 'dialog')).map((n) => n.name)).toEqual(['Twikit privacy controls']);
    // a visible close button
    expect(await dialog.locator('.tp-close').isVisible()).toBe(true);

    // focus is inside the dialog
    const focusInDialog = () =>
      page.evaluate(() => {
        const root = document.querySelector('twikit-privacy')?.shadowRoot;
        const active = root?.activeElement;
        return (
          document.activeElement?.tagName === 'TWIKIT-PRIVACY' &&
          !!active &&
          !!root?.querySelector('.tp-dialog')?.contains(active)
        );
      });
    expect(await focusInDialog()).toBe(true);

    // every other child of <body> is inert; the host's button cannot take focus
    const bodyChildren = () =>
      page.evaluate(() =>
        [...document.body.children]
          .filter((el) => el.tagName !== 'SCRIPT')
          .map((el) => ({
            tag: el.tagName.toLowerCase(),
            inert: el.hasAttribute('inert') && (el as HTMLElement).inert,
          })),
      );
    expect(await bodyChildren()).toEqual([
      { tag: 'header', inert: true },
      { tag: 'main', inert: true },
      { tag: 'twikit-privacy', inert: false },
    ]);
    expect(
      await page.evaluate(() => (document.getElementById('host-button')!.focus(), document.activeElement?.id ?? null)),
    ).not.toBe('host-button');

    // Tab wraps inside the dialog, both ways
    for (let i = 0; i < 25; i++) {
      await page.keyboard.press('Tab');
      expect(await focusInDialog(), `Tab #${i + 1} left the dialog`).toBe(true);
    }
    for (let i = 0; i < 25; i++) {
      await page.keyboard.press('Shift+Tab');
      expect(await focusInDialog(), `Shift+Tab #${i + 1} left the dialog`).toBe(true);
    }

    // Escape closes: no dialog, nothing inert, no decision recorded
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    expect((await bodyChildren()).every((c) => !c.inert)).toBe(true);
    expect(await page.evaluate(() => document.querySelector('[inert]') === null)).toBe(true);
    expect(
      await page.evaluate(() =>
        (window as unknown as { TwikitPrivacy: { get(p: string): unknown } }).TwikitPrivacy.get('third_party_sharing'),
      ),
    ).toBe(false);

    // Opened from the launcher: modal again, and on close focus returns to the launcher
    await page.locator(`${W} .launcher`).click();
    await dialog.waitFor();
    expect((await bodyChildren()).filter((c) => c.tag !== 'twikit-privacy').every((c) => c.inert)).toBe(true);
    await dialog.locator('.tp-close').click();
    await dialog.waitFor({ state: 'detached' });
    expect(await page.evaluate(() => document.querySelector('[inert]') === null)).toBe(true);
    expect(
      await page.evaluate(() => document.querySelector('twikit-privacy')?.shadowRoot?.activeElement?.className ?? null),
    ).toBe('launcher');
    expect(await watch.problems()).toEqual([]);
  });

  it('R57: controls are at least 24×24 CSS px (or spaced as WCAG 2.5.8 allows)', async () => {
    const { page } = await openWidget({ lang: 'en' });
    // Every button, select, input, textarea, link in the shadow root. A smaller target passes only by the
    // exceptions of 2.5.8: a link inside a sentence, or a 24 px circle on its centre touching no other target.
    const measure = `(() => {
      const root = document.querySelector('twikit-privacy').shadowRoot;
      const els = [...root.querySelectorAll('button, select, input, textarea, a[href], summary')].filter((el) => el.getClientRects().length > 0);
      const boxes = els.map((el) => { const r = el.getBoundingClientRect(); return { el, r, cx: r.left + r.width / 2, cy: r.top + r.height / 2 }; });
      const small = (b) => b.r.width < 23.99 || b.r.height < 23.99;
      const out = [];
      for (const b of boxes) {
        if (!small(b)) continue;
        if (b.el.tagName === 'A') {
          const block = b.el.parentElement;
          if (block && block.textContent.trim().length > b.el.textContent.trim().length) continue;
        }
        const clash = boxes.find((o) => {
          if (o === b) return false;
          const dx = Math.max(o.r.left - b.cx, 0, b.cx - o.r.right);
          const dy = Math.max(o.r.top - b.cy, 0, b.cy - o.r.bottom);
          if (Math.hypot(dx, dy) < 12) return true;
          return small(o) && Math.hypot(o.cx - b.cx, o.cy - b.cy) < 24;
        });
        const name = (e) => e.tagName.toLowerCase() + (e.className ? '.' + String(e.className).split(' ').join('.') : '') + (e.getAttribute('type') ? '[type=' + e.getAttribute('type') + ']' : '') + ' "' + (e.textContent || e.value || e.getAttribute('aria-label') || '').trim().slice(0, 40) + '"';
        out.push({ target: name(b.el), size: Math.round(b.r.width * 10) / 10 + 'x' + Math.round(b.r.height * 10) / 10, spacedOk: !clash, clashesWith: clash ? name(clash.el) : null });
      }
      return { count: boxes.length, undersized: out };
    })()`;
    const failures: string[] = [];
    let measured = 0;
    await tour(page, async (state) => {
      const { count, undersized } = await page.evaluate<{
        count: number;
        undersized: Array<{ target: string; size: string; spacedOk: boolean; clashesWith: string | null }>;
      }>(measure);
      measured += count;
      for (const u of undersized)
        if (!u.spacedOk) failures.push(`[${state}] ${u.target} is ${u.size} px and too close to ${u.clashesWith}`);
    });
    expect(measured).toBeGreaterThan(100);
    expect(failures, failures.join('\n')).toEqual([]);
  });

  // Each locale: the longest words decide whether the layout reflows.
  for (const lang of ['en', 'nl', 'fr', 'de'] as const) {
    it(`R61: at 320 px wide nothing overflows horizontally (${lang}, every view)`, async () => {
      const { page, watch } = await openWidget({ lang, viewport: { width: 320, height: 640 } });
      const check = `(() => {
        const root = document.querySelector('twikit-privacy').shadowRoot;
        const dialog = root.querySelector('.tp-dialog');
        const d = dialog.getBoundingClientRect();
        const out = [];
        if (dialog.scrollWidth > dialog.clientWidth) out.push('the dialog scrolls sideways: scrollWidth ' + dialog.scrollWidth + ' > clientWidth ' + dialog.clientWidth);
        if (document.documentElement.scrollWidth > window.innerWidth) out.push('the page scrolls sideways: ' + document.documentElement.scrollWidth + ' > ' + window.innerWidth);
        if (d.left < -0.5 || d.right > window.innerWidth + 0.5) out.push('the dialog sticks out of the viewport: ' + Math.round(d.left) + '..' + Math.round(d.right));
        // Data tables may scroll inside their own wrapper (a WCAG 1.4.10 exception), and the tab row scrolls
        // sideways rather than wrap (issue 17: one row in every language); nothing else may stick out.
        for (const el of dialog.querySelectorAll('*')) {
          if (el.parentElement && el.parentElement.closest('.tp-table-wrap, .tp-nav-list')) continue;
          const r = el.getBoundingClientRect();
          if (r.width === 0 || r.height === 0) continue;
          if (r.right > d.right + 0.5 || r.left < d.left - 0.5) {
            out.push(el.tagName.toLowerCase() + (el.className ? '.' + String(el.className).split(' ').join('.') : '') + ' spans ' + Math.round(r.left) + '..' + Math.round(r.right) + ' (dialog ' + Math.round(d.left) + '..' + Math.round(d.right) + ')');
            if (out.length > 12) break;
          }
        }
        return out;
      })()`;
      expect(await page.evaluate(() => window.innerWidth)).toBe(320);
      const overflow = new Map<string, string[]>(); // problem → the states it shows in
      const states: string[] = [];
      await tour(page, async (state) => {
        states.push(state);
        for (const line of await page.evaluate<string[]>(check))
          overflow.set(line, [...(overflow.get(line) ?? []), state]);
      });
      const report = [...overflow].map(
        ([line, where]) => `${line} — ${where.length === states.length ? 'in every state' : `in: ${where.join('; ')}`}`,
      );
      expect(report, report.join('\n')).toEqual([]);
      expect(await watch.problems()).toEqual([]);
    });
  }

  it('R13: on a lang="nl" page the full notice and the purposes are in Dutch, marked lang="nl", and the English text is said to prevail', async () => {
    const { page } = await openWidget({ htmlLang: 'nl' }); // no data-lang: the host page's language decides
    const panel = page.locator(`${W} .tp-panel`);
    expect(await panel.getAttribute('lang')).toBe('nl');
    expect((await page.locator(`${W} .tp-view-title`).textContent())?.trim()).toBe('Uw privacy bij Twikit');
    // first layer: the processing rows and the purposes come from the Dutch notice and say so
    const rows = await page
      .locator(`${W} .tp-purposes li[lang]`)
      .evaluateAll((els) => els.map((el) => [el.getAttribute('lang'), el.querySelector('strong')?.textContent]));
    expect(rows.length).toBeGreaterThan(0);
    expect(new Set(rows.map(([lang]) => lang))).toEqual(new Set(['nl']));
    expect(rows.map(([, name]) => name)).toContain('Accountgegevens van gebruikers');
    expect(await page.locator(`${W} .tp-purposes strong[lang="nl"]`, { hasText: 'Delen met derden' }).count()).toBe(1);

    await showView(page, 'notice');
    const notice = page.locator(`${W} .tp-notice`);
    expect(await notice.getAttribute('lang')).toBe('nl');
    // The view's heading is the notice's title; the notice does not repeat it (shown once per view).
    expect((await page.locator(`${W} .tp-view-title`).textContent())?.trim()).toBe('Privacyverklaring');
    expect(await notice.locator('.tp-notice-title').count()).toBe(0);
    // the UI's own words inside the notice (version line, translation note) are Dutch and say so
    const meta = await notice
      .locator('.tp-meta')
      .evaluateAll((els) => els.map((el) => [el.getAttribute('lang'), el.textContent?.trim()]));
    expect(meta[0]?.[0]).toBe('nl');
    expect(meta[0]?.[1]).toMatch(/^Versie /);
    expect(meta[1]).toEqual(['nl', 'Dit is een vertaling; de Engelse tekst heeft voorrang.']);
    // the notice's own text: table, regions, rights, the authority by its Dutch name and address
    const text = (await notice.textContent()) ?? '';
    for (const dutch of [
      'Telemetriegegevens',
      'Gerechtvaardigde belangen',
      'Europese Economische Ruimte (EER): Ierland',
      'Uw recht op rectificatie of wissing',
      'Gegevensbeschermingsautoriteit',
      'Drukpersstraat 35, 1000 Brussel',
    ])
      expect(text, dutch).toContain(dutch);
    for (const english of ['Privacy Notice', 'Telemetry Data', 'European Economic Area', 'Your right'])
      expect(text, english).not.toContain(english);

    await showView(page, 'consents');
    const labels = await page
      .locator(`${W} .tp-switch-label`)
      .evaluateAll((els) => els.map((el) => [el.getAttribute('lang'), el.textContent?.trim()]));
    expect(labels).toEqual([
      ['nl', 'Lichaamsscans in TwikFit'],
      ['nl', 'Delen met derden'],
    ]);
    expect((await page.locator(`${W} .tp-switches legend`).textContent())?.trim()).toBe(
      'Toestemmingen: uit tot u ze inschakelt',
    );
    // every lang attribute in the widget is one of the four locales
    const langs = await page.evaluate(() => [
      ...new Set(
        [...document.querySelector('twikit-privacy')!.shadowRoot!.querySelectorAll('[lang]')].map((el) =>
          el.getAttribute('lang'),
        ),
      ),
    ]);
    expect(langs.every((l) => ['en', 'nl', 'fr', 'de'].includes(l ?? ''))).toBe(true);

    // the language select switches the UI and the notice with it: French text, marked lang="fr"
    await page.locator(`${W} .tp-language select`).selectOption('fr');
    await waitFor(async () => (await panel.getAttribute('lang')) === 'fr', {
      message: 'the panel did not switch to French',
    });
    const first = page.locator(`${W} .tp-switch-label`).first();
    await waitFor(async () => (await first.textContent())?.trim() === 'Scans corporels dans TwikFit', {
      message: 'the purposes did not switch to French',
    });
    expect(await first.getAttribute('lang')).toBe('fr');
    expect(await runAxe(page)).toEqual([]);
  });
});

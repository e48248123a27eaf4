import { readFile } from 'node:fs/promises';
import type { BrowserContext, Page, Route } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { brusselsDate } from '../../shared/dates/brussels.ts';
import { en } from '../../shared/i18n/messages/en.ts';
import { waitFor } from './browser.ts';
import {
  apiAs,
  dialogSettled,
  dialogTabStops,
  dismissFirstLayer,
  englishDate,
  focusInfo,
  focusMovedIn,
  gone,
  interactions,
  shown,
  startWorld,
  uniqueSub,
  visit,
  waitForCache,
  widget,
  type Visitor,
  type World,
} from './widget-fixture.ts';

/** The first layer's "accept" button: it covers one purpose, sharing, and says so. */
const ALLOW_SHARING = 'Allow sharing with third parties';

// The "Done when", in real Chromium: the built widget (global-setup builds it) loaded by the TwikFit-like demo
// host under its strict CSP + Trusted Types, against the real rights API over HTTP on a fresh PGlite database.
// One server and demo host for the file; a fresh browser context (empty IndexedDB) and a person of its own per test.
describe('the widget in a host page, in real Chromium, against the real server', () => {
  let world: World;
  const contexts: BrowserContext[] = [];

  beforeAll(async () => {
    world = await startWorld();
  });
  afterEach(async () => {
    await Promise.all(contexts.splice(0).map((c) => c.close().catch(() => undefined)));
  });
  afterAll(async () => {
    await world?.close();
  });

  async function open(sub: string, beforeGoto?: Parameters<typeof visit>[1]['beforeGoto']): Promise<Visitor> {
    const visitor = await visit(world, { sub, ...(beforeGoto ? { beforeGoto } : {}) });
    contexts.push(visitor.context);
    return visitor;
  }
  const scanStatus = (page: Page) => page.textContent('#scan-status').then((t) => t?.trim() ?? '');
  const style = (page: Page, name: string) =>
    widget(page)
      .dialog.getByRole('button', { name, exact: true })
      .evaluate((el) => {
        const s = getComputedStyle(el);
        return {
          fontSize: s.fontSize,
          fontWeight: s.fontWeight,
          padding: s.padding,
          background: s.backgroundColor,
          color: s.color,
          border: s.border,
          height: el.getBoundingClientRect().height,
        };
      });

  it('R14 R10: a first visit shows the first layer, with Accept all and Reject all as equal buttons', async () => {
    // The demo host's own backend mints the token: the person is the demo user, demo-user-1.
    const tokenCalls: string[] = [];
    const { page, watch } = await open(
      'demo-user-1',
      async (p) => void p.on('request', (r) => r.url().endsWith('/api/privacy-token') && tokenCalls.push(r.method())),
    );
    const w = widget(page);

    await shown(w.dialog); // opens by itself: no click
    await focusMovedIn(page);
    expect(await w.viewTitle.textContent()).toBe(en['view.overview']);
    const text = (await w.dialog.textContent()) ?? '';
    // Highest-impact items first, the controller and the privacy contact.
    expect(text).toContain(en['first.keyPoints']);
    expect(text).toContain(en['first.biometric']);
    expect(text).toMatch(/your data is stored in .+ by /i); // residency for the EEA (data-region="eea")
    expect(text).toContain(en['first.controller']);
    expect(text).toContain('Twikit NV');
    expect(await w.dialog.getByRole('link', { name: /@/ }).first().getAttribute('href')).toMatch(/^mailto:/);
    expect(text).toContain(en['first.rights']);
    expect(text).toContain(en['first.scansSeparately']);

    // R17: the two choices look the same (size, weight, padding, colours).
    const [accept, reject] = await Promise.all([style(page, ALLOW_SHARING), style(page, en['first.denyOne'])]);
    expect(accept).toEqual(reject);
    expect(Number.parseFloat(accept.fontSize)).toBeGreaterThan(0);

    // Escape is "no decision" (R18): nothing is recorded for the person.
    await page.keyboard.press('Escape');
    await gone(w.dialog);
    expect(tokenCalls.length).toBeGreaterThan(0);
    const api = apiAs(world, 'demo-user-1');
    expect(await api.history()).toEqual([]);
    expect((await api.consents()).purposes.every((p) => !p.decided && !p.active)).toBe(true);
    expect(await watch.problems()).toEqual([]);
  });

  it('R22 R23 R31: giving then withdrawing body-scan consent is recorded both times, the scan button follows, and withdrawing takes no more interactions than giving', async () => {
    const { page, watch, sub } = await open(uniqueSub('scan'));
    const w = widget(page);
    const scanSwitch = w.consentSwitch(/^Body scans/);
    await dismissFirstLayer(page); // the first visit's own dialog, not part of either path
    await waitFor(() => page.isEnabled('#ask-scan-consent'), { message: 'the demo never saw the widget ready' });
    expect(await page.isDisabled('#start-scan')).toBe(true);

    // Giving, from a closed widget.
    const give = interactions(page);
    await give.click(w.launcher);
    await give.click(w.nav('Your choices'));
    expect(await scanSwitch.getAttribute('aria-checked')).toBe('false');
    await give.click(scanSwitch);
    // The switch alone never gives it: the express just-in-time step comes first (R22).
    await shown(w.dialog.getByRole('heading', { name: en['jit.title'] }));
    expect(await scanSwitch.getAttribute('aria-checked')).toBe('false');
    await give.click(w.dialog.getByRole('button', { name: en['jit.consent'], exact: true }));
    await waitFor(async () => (await scanSwitch.getAttribute('aria-checked')) === 'true', {
      message: 'the switch never showed consent given',
    });
    await waitFor(() => page.isEnabled('#start-scan'), { message: 'the scan button did not follow the consent' });
    expect(await scanStatus(page)).toBe('Body scan consent given');
    await page.keyboard.press('Escape');
    await gone(w.dialog);

    // Withdrawing, from the same starting point.
    const withdraw = interactions(page);
    await withdraw.click(w.launcher);
    await withdraw.click(w.nav('Your choices'));
    expect(await scanSwitch.getAttribute('aria-checked')).toBe('true');
    await withdraw.click(scanSwitch);
    await waitFor(async () => (await scanSwitch.getAttribute('aria-checked')) === 'false', {
      message: 'the switch never showed consent withdrawn',
    });
    await waitFor(() => page.isDisabled('#start-scan'), { message: 'the scan button stayed enabled after withdrawal' });
    expect(await scanStatus(page)).toBe('Body scans need your explicit consent');

    expect([give.count, withdraw.count]).toEqual([4, 3]); // launcher, Your choices, switch (+ "I consent" to give)
    expect(withdraw.count).toBeLessThanOrEqual(give.count);

    const records = await apiAs(world, sub).history();
    expect(records.map((r) => [r.purpose, r.event, r.active])).toEqual([
      ['biometric_scans', 'given', true],
      ['biometric_scans', 'withdrawn', false],
    ]);
    for (const r of records) {
      expect(r).toMatchObject({
        method: 'ui',
        surface: { kind: 'widget', app: 'twikfit' },
        specialCategory: true,
        locale: 'en',
      });
    }
    expect(records.map((r) => r.control)).toEqual(['just-in-time', 'toggle']);
    expect(await watch.problems()).toEqual([]);
  });

  it('the host page can ask just in time: requestConsent resolves true after "I consent" and false after Escape', async () => {
    const { page, watch, sub } = await open(uniqueSub('jit'));
    const w = widget(page);
    await dismissFirstLayer(page);
    await waitFor(() => page.isEnabled('#ask-scan-consent'), { message: 'the ask button never became usable' });
    const jitHeading = w.dialog.getByRole('heading', { name: en['jit.title'] });

    // Escape: no decision, requestConsent resolves false, the demo says so and nothing is recorded.
    await page.click('#ask-scan-consent');
    await shown(jitHeading);
    expect(await w.dialog.getByRole('navigation').count()).toBe(0); // just the question, not the whole panel
    await focusMovedIn(page);
    await page.keyboard.press('Escape');
    await gone(w.dialog);
    await waitFor(async () => (await scanStatus(page)) === 'Consent not given — body scans stay off', {
      message: 'requestConsent did not resolve false',
    });
    expect(await page.isDisabled('#start-scan')).toBe(true);
    expect(await apiAs(world, sub).history()).toEqual([]);

    // "I consent": requestConsent resolves true, the scan is enabled and the consent is on record.
    await page.click('#ask-scan-consent');
    await shown(jitHeading);
    await w.dialog.getByRole('button', { name: en['jit.consent'], exact: true }).click();
    await gone(w.dialog);
    await waitFor(async () => (await scanStatus(page)) === 'Body scan consent given', {
      message: 'requestConsent did not resolve true',
    });
    expect(await page.isEnabled('#start-scan')).toBe(true);
    expect(
      await page.evaluate(() =>
        (window as unknown as { TwikitPrivacy: { get(p: string): boolean } }).TwikitPrivacy.get('biometric_scans'),
      ),
    ).toBe(true);
    const records = await apiAs(world, sub).history();
    expect(records.map((r) => [r.purpose, r.event, r.method, r.control])).toEqual([
      ['biometric_scans', 'given', 'ui', 'just-in-time'],
    ]);
    expect(await watch.problems()).toEqual([]);
  });

  it('R38 R45: an access request filed in the widget appears with its due date, and its export downloads as JSON', async () => {
    const { page, watch, sub } = await open(uniqueSub('access'));
    const w = widget(page);
    await shown(w.dialog);
    await w.nav('Your requests').click();
    await w.dialog.getByLabel(en['request.field.type']).selectOption('access');
    await w.dialog.getByRole('button', { name: en['request.send'], exact: true }).click();

    const item = w.dialog.locator('li.tp-request');
    await shown(item);
    const [request] = await apiAs(world, sub).requests();
    expect(request).toMatchObject({
      type: 'access',
      input: { type: 'access', surface: { kind: 'widget', app: 'twikfit' } },
    });
    const due = englishDate(request!.dueAt);
    expect(await item.getByRole('heading').textContent()).toBe(en['request.type.access']);
    expect(await w.dialog.getByRole('status').filter({ hasText: 'Request received' }).textContent()).toBe(
      en['request.filed'].replace('{type}', en['request.type.access']).replace('{date}', due),
    );

    // The server fulfils access requests at once: the list says when it was completed (an ended request has no
    // due date any more) and offers the export.
    expect(request!.status).toBe('completed');
    const completedOn = en['requests.ended.completed'].replace(
      '{date}',
      englishDate(brusselsDate(request!.completedAt)),
    );
    await waitFor(async () => ((await item.textContent()) ?? '').includes(completedOn), {
      message: 'the list never showed "Completed on …"',
    });
    expect(await item.locator('.tp-due').count()).toBe(0);
    const [download] = await Promise.all([
      page.waitForEvent('download', { timeout: 10_000 }),
      item.getByRole('button', { name: en['requests.download.json'] }).click(),
    ]);
    expect(download.suggestedFilename()).toBe(`twikit-privacy-export-${request!.id}.json`);
    const file = await download.path();
    const exported = JSON.parse(await readFile(file, 'utf8'));
    expect(exported).toMatchObject({
      format: 'twikit-privacy-export',
      request: { id: request!.id, type: 'access' },
      account: { hostSubject: sub },
    });
    expect(exported.requests.map((r: { id: string }) => r.id)).toContain(request!.id);
    expect(await watch.problems()).toEqual([]);
  });

  /** Gives a decision on the first layer (Accept all: sharing on), then waits until it is on the server and in IndexedDB. */
  async function decideAndCache(visitor: Visitor) {
    const { page, sub } = visitor;
    const w = widget(page);
    await shown(w.dialog);
    await w.dialog.getByRole('button', { name: ALLOW_SHARING, exact: true }).click();
    const sharingOn = (state: { purposes: Array<{ purpose: string; active: boolean }> }) =>
      state.purposes.some((p) => p.purpose === 'third_party_sharing' && p.active);
    await waitFor(async () => sharingOn(await apiAs(world, sub).consents()), {
      message: 'Accept all never reached the server',
    });
    return waitForCache(page, world, sub, sharingOn);
  }
  const isApi = (url: URL) => url.href.startsWith(`${world.server.url}/v1/`);

  /** After a reload: open the widget and check the cached notice and consent state are on screen. */
  async function expectCachedPanel(page: Page, noticeVersion: string) {
    const w = widget(page);
    await shown(w.launcher);
    await w.launcher.click();
    await shown(w.dialog);
    await waitFor(async () => ((await w.dialog.textContent()) ?? '').includes(en['first.biometric']), {
      message: 'the cached first layer never showed',
    });
    const text = (await w.dialog.textContent()) ?? '';
    expect(text).toContain('Twikit NV');
    expect(text).toContain(`Version ${noticeVersion}`);
    await w.nav('Your choices').click();
    await waitFor(
      async () => (await w.consentSwitch(/^Sharing with third parties/).getAttribute('aria-checked')) === 'true',
      { message: 'the cached consent state never showed' },
    );
    expect(await w.consentSwitch(/^Body scans/).getAttribute('aria-checked')).toBe('false');
    expect(
      await page.evaluate(() =>
        (window as unknown as { TwikitPrivacy: { get(p: string): boolean } }).TwikitPrivacy.get('third_party_sharing'),
      ),
    ).toBe(true);
  }

  it('after a reload with the server stopped, the notice and consent state come from IndexedDB', async () => {
    const visitor = await open(uniqueSub('offline'));
    const { page, context, watch } = visitor;
    const cached = await decideAndCache(visitor);

    // The API is unreachable for the page (the widget's own files, under /widget/, still load).
    let refused = 0;
    await context.route(isApi, (route) => {
      refused++;
      return route.abort('connectionrefused');
    });
    await page.reload();
    await expectCachedPanel(page, cached.notice.value.notice.version);
    expect(refused).toBeGreaterThan(0);
    // A clear offline notice in a status region.
    const status = widget(page)
      .dialog.getByRole('status')
      .filter({ hasText: /showing what this device saved/ });
    await shown(status);
    expect((await status.textContent())?.trim()).toBe(en['panel.offline']); // a refused connection is "offline", not a bad answer
    // Failed fetches log "Failed to load resource" lines; nothing else may go wrong.
    expect(await watch.problems({ ignore: [/Failed to load resource: net::ERR_CONNECTION_REFUSED/] })).toEqual([]);
  });

  it('after a reload with the server slowed by 10 s, the cached notice and consent state show before it answers', async () => {
    const visitor = await open(uniqueSub('slow'));
    const { page, context, watch } = visitor;
    const cached = await decideAndCache(visitor);

    let held = 0;
    let released = 0;
    await context.route(isApi, async (route: Route) => {
      held++;
      await new Promise((resolve) => setTimeout(resolve, 10_000).unref());
      released++;
      await route.continue().catch(() => undefined); // the context may be gone by then
    });
    const reloadedAt = Date.now();
    await page.reload({ waitUntil: 'domcontentloaded' });
    await expectCachedPanel(page, cached.notice.value.notice.version);
    expect(held).toBeGreaterThan(0);
    expect(released).toBe(0); // shown from the cache: no API answer has arrived yet
    expect(Date.now() - reloadedAt).toBeLessThan(10_000);
    expect(await watch.problems()).toEqual([]);
  });

  it('R66: on a host page with a strict CSP there are zero CSP violations', async () => {
    const { page, watch, sub, headers } = await open(uniqueSub('csp'));
    const w = widget(page);
    const csp = headers['content-security-policy'];
    expect(csp).toContain("require-trusted-types-for 'script'");
    expect(csp).not.toMatch(/unsafe-/);

    // Open (the first visit opens itself; then again from the launcher), every view, a decision, a request, its export.
    await dismissFirstLayer(page);
    await w.launcher.click();
    await shown(w.dialog);
    for (const [nav, title] of [
      ['Privacy notice', 'view.notice'],
      ['Your choices', 'view.consents'],
      ['Your requests', 'view.requests'],
      ['Overview', 'view.overview'],
    ] as const) {
      await w.nav(nav).click();
      await waitFor(async () => (await w.viewTitle.textContent()) === en[title], {
        message: `view ${nav} never showed`,
      });
    }
    // Another language: its message chunk loads from the API origin, under the page's script-src.
    await w.dialog.getByLabel(en['language.label']).selectOption('nl');
    // (The dialog's own name is Dutch now too, so look for it without the English name.)
    const dutch = page.getByRole('dialog', { name: 'Twikit-privacyinstellingen' });
    await shown(dutch.getByRole('button', { name: 'Uw keuzes', exact: true }));
    await dutch.getByLabel('Taal').selectOption('en');
    await shown(w.nav('Your choices'));

    await w.nav('Your choices').click();
    const sharing = w.consentSwitch(/^Sharing with third parties/);
    await sharing.click();
    await waitFor(async () => (await sharing.getAttribute('aria-checked')) === 'true', {
      message: 'sharing never switched on',
    });

    await w.nav('Your requests').click();
    await w.dialog.getByLabel(en['request.field.type']).selectOption('access');
    await w.dialog.getByRole('button', { name: en['request.send'], exact: true }).click();
    const item = w.dialog.locator('li.tp-request');
    await waitFor(async () => ((await item.textContent()) ?? '').includes(en['request.status.completed']), {
      message: 'the request never showed as completed',
    });
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      item.getByRole('button', { name: en['requests.download.json'] }).click(),
    ]);
    expect(JSON.parse(await readFile(await download.path(), 'utf8')).format).toBe('twikit-privacy-export');
    await page.keyboard.press('Escape');
    await gone(w.dialog);

    expect((await apiAs(world, sub).history()).map((r) => [r.purpose, r.event])).toEqual([
      ['third_party_sharing', 'given'],
    ]);
    expect(await watch.cspViolations()).toEqual([]);
    expect(watch.cspConsole).toEqual([]);
    expect(await watch.problems()).toEqual([]);
  });

  it('R55: the whole loop works with the keyboard alone', async () => {
    const { page, watch, sub } = await open(uniqueSub('keys'));
    const w = widget(page);
    const keys = page.keyboard;
    /** Presses `key` until the focused element satisfies `want` (at most `max` presses); fails with the last focus. */
    async function pressUntil(key: string, want: (f: Awaited<ReturnType<typeof focusInfo>>) => boolean, max = 40) {
      let f = await focusInfo(page);
      for (let i = 0; i < max && !want(f); i++) {
        await keys.press(key);
        f = await focusInfo(page);
      }
      if (!want(f)) throw new Error(`${key} never reached the wanted element; focus is on ${JSON.stringify(f)}`);
      return f;
    }

    // The first visit's dialog opens by itself: Escape it (no decision), then find the launcher with Tab.
    await shown(w.dialog);
    await focusMovedIn(page);
    await keys.press('Escape');
    await gone(w.dialog);
    await pressUntil('Tab', (f) => f.launcher);
    await keys.press('Enter');
    await shown(w.dialog);
    await focusMovedIn(page);

    // Your choices: sharing on with Space, then off again.
    await pressUntil('Tab', (f) => f.inDialog && f.tag === 'button' && f.text === en['nav.consents']);
    await keys.press('Enter');
    await waitFor(async () => (await w.viewTitle.textContent()) === en['view.consents']);
    const sharing = w.consentSwitch(/^Sharing with third parties/);
    await pressUntil('Tab', (f) => f.role === 'switch' && f.text.startsWith('Sharing with third parties'));
    await keys.press('Space');
    await waitFor(async () => (await sharing.getAttribute('aria-checked')) === 'true', {
      message: 'Space did not switch sharing on',
    });
    expect((await focusInfo(page)).role).toBe('switch'); // focus stays on the switch
    // While the decision is on its way the switch is busy and takes no new one (ConsentSwitch); a person waits for it, so do we.
    await waitFor(async () => (await sharing.getAttribute('aria-busy')) === null, {
      message: 'the switch stayed busy',
    });
    await keys.press('Space');
    await waitFor(async () => (await sharing.getAttribute('aria-checked')) === 'false', {
      message: 'Space did not switch sharing off',
    });

    // Your requests: an access request, typed and sent.
    await pressUntil('Shift+Tab', (f) => f.inDialog && f.tag === 'button' && f.text === en['nav.requests']);
    await keys.press('Enter');
    await waitFor(async () => (await w.viewTitle.textContent()) === en['view.requests']);
    await pressUntil('Tab', (f) => f.tag === 'select' && f.text === en['request.field.type']);
    await keys.type('A'); // "A copy of your data"
    await waitFor(
      () =>
        w.dialog
          .getByLabel(en['request.field.type'])
          .inputValue()
          .then((v) => v === 'access'),
      { message: 'typing did not pick Access' },
    );
    await pressUntil('Tab', (f) => f.tag === 'textarea');
    await keys.type('Sent with the keyboard only.');
    await pressUntil('Tab', (f) => f.tag === 'button' && f.text === en['request.send']);
    await keys.press('Enter');
    await shown(w.dialog.locator('li.tp-request'));
    const requests = await apiAs(world, sub).requests();
    expect(requests.map((r) => [r.type, r.input.message])).toEqual([['access', 'Sent with the keyboard only.']]);
    // The server has the request before the page has its answer: until then the form is busy and the request shows as
    // queued, and the dialog's elements change under the count below. Wait for the page's own signal that it settled.
    await waitFor(() => dialogSettled(page), { message: 'the dialog never settled after the request was filed' });

    // R54: Tab from the last element wraps to the first, Shift+Tab from the first back to the last; focus never leaves.
    const stops = await dialogTabStops(page);
    await pressUntil('Tab', (f) => f.inDialog && f.index === stops.last, stops.count + 5);
    await keys.press('Tab');
    expect(await focusInfo(page)).toMatchObject({ inDialog: true, index: stops.first });
    await keys.press('Shift+Tab');
    expect(await focusInfo(page)).toMatchObject({ inDialog: true, index: stops.last });
    for (let i = 0; i < stops.count + 2; i++) {
      await keys.press('Tab');
      expect((await focusInfo(page)).inDialog, `Tab #${i + 1} left the dialog`).toBe(true);
    }

    // Escape closes; focus returns to the launcher.
    await keys.press('Escape');
    await gone(w.dialog);
    expect(await focusInfo(page)).toMatchObject({ inHost: true, launcher: true });
    expect((await apiAs(world, sub).history()).map((r) => [r.purpose, r.event])).toEqual([
      ['third_party_sharing', 'given'],
      ['third_party_sharing', 'withdrawn'],
    ]);
    expect(await watch.problems()).toEqual([]);
  });

  // PRODUCT BUG (fails until fixed): widget/focus-trap.ts wrapTab only wraps when focus is on the first tabbable or
  // outside the dialog. On opening, focus is on the dialog's title (<h1 tabindex="-1">), which is neither, so
  // Shift+Tab falls through to the browser and lands on the launcher behind the backdrop (same shadow root, not
  // inert); from there Escape no longer closes the dialog (its keydown handler sits on the dialog element).
  it('R54: Shift+Tab from where focus lands on opening stays in the dialog, and Escape still closes it', async () => {
    const { page } = await open(uniqueSub('trap'));
    const w = widget(page);
    await dismissFirstLayer(page);
    await w.launcher.focus();
    await page.keyboard.press('Enter');
    await shown(w.dialog);
    await focusMovedIn(page);
    // Count the stops once the view has its content (the notice may still be arriving when the dialog opens).
    await shown(w.dialog.locator('section.tp-view[aria-busy="false"]'));
    const stops = await dialogTabStops(page);

    await page.keyboard.press('Shift+Tab');
    const after = await focusInfo(page);
    await page.keyboard.press('Escape');
    const closed = await gone(w.dialog, 2_000).then(
      () => true,
      () => false,
    );
    expect({ focusAfterShiftTab: after, closedByEscape: closed }).toMatchObject({
      focusAfterShiftTab: { inDialog: true, index: stops.last },
      closedByEscape: true,
    });
  });

  it('R55: focus is never pulled back after the person moved on: Enter on a view, then Tab at once, keeps focus where the keys put it', async () => {
    const { page } = await open(uniqueSub('fast'));
    const w = widget(page);
    await dismissFirstLayer(page);
    await w.launcher.focus();
    await page.keyboard.press('Enter');
    await shown(w.dialog);
    await focusMovedIn(page);
    // A loaded device: input queues up ahead of the next frame, as it does for a fast keyboard user there.
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 8 });
    for (const view of ['nav.consents', 'nav.requests', 'nav.notice'] as const) {
      await pressUntilText(page, en[view]);
      // Enter, then at once enough Tabs to leave the nav: focus must stay where the Tabs put it.
      await Promise.all([
        page.keyboard.press('Enter'),
        page.keyboard.press('Tab'),
        page.keyboard.press('Tab'),
        page.keyboard.press('Tab'),
        page.keyboard.press('Tab'),
      ]);
      await new Promise((resolve) => setTimeout(resolve, 400)); // any late effect has run by now
      const landed = await focusInfo(page);
      expect({ view, tag: landed.tag, inDialog: landed.inDialog }).not.toMatchObject({ tag: 'h2' });
      expect(landed.inDialog).toBe(true);
    }
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
  });
});

/** Tabs until focus is on the dialog button with this text. */
async function pressUntilText(page: import('playwright-core').Page, text: string): Promise<void> {
  for (let i = 0; i < 60; i++) {
    const f = await focusInfo(page);
    if (f.inDialog && f.tag === 'button' && f.text === text) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`never reached the "${text}" button with Tab`);
}

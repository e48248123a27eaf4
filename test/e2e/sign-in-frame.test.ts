import type { ConsoleMessage, Frame, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { frameT } from '../../frame/messages.ts';
import { en } from '../../shared/i18n/messages/en.ts';
import { nl } from '../../shared/i18n/messages/nl.ts';
import { signInEn } from '../../shared/i18n/sign-in/en.ts';
import { client, latestCode } from '../server/harness.ts';
import { runAxe, waitFor } from './browser.ts';
import { useStaticWorld } from './pages/serve.ts';
import { readCache, uniqueSub } from './widget-fixture.ts';

// The sign-in frame (frame/, served at /frame/ from the rights API's origin): a visitor the host app has not signed
// in signs in by e-mail code and files requests there. The host page is test/e2e/pages/spy-visitor.html, whose own
// script (spy.js) reads all a page script can reach, from before the widget loads.

const world = useStaticWorld();
const W = 'twikit-privacy';
const FRAME = `${W} iframe.tp-signin-frame`;

interface Spy {
  seen: string[];
  tries: string[];
}
const spy = (page: Page): Promise<Spy> =>
  page.evaluate(`({ seen: window.__spy.seen(), tries: window.__spy.tries() })`) as Promise<Spy>;

/** The visitor's page with "Your requests" open; returns the sign-in frame (its element and its document). */
async function openRequests(page: Page, lang = 'en'): Promise<Frame> {
  await page.goto(world.host.page('spy-visitor', { lang }));
  await page.locator(`${W} .tp-dialog .tp-first`).waitFor({ timeout: 15_000 });
  await page.locator(`${W} .tp-nav-btn`).nth(3).click();
  const element = await page.locator(FRAME).elementHandle({ timeout: 10_000 });
  const frame = await element?.contentFrame();
  if (!frame) throw new Error('no sign-in frame');
  await frame.locator('#app[data-ready="true"]').waitFor();
  return frame;
}

const apiOrigin = () => new URL(world.api.url).origin;

describe('the sign-in frame', () => {
  it('R68: a host page script cannot read the code or the session, yet the visitor signs in and files a request', async () => {
    const context = await world.newContext({ viewport: { width: 1000, height: 800 } });
    const page = await context.newPage();
    const frame = await openRequests(page);
    expect(new URL(frame.url()).origin).toBe(apiOrigin());
    expect(await runAxe(page, { iframes: false }), 'axe, the requests view around the frame').toEqual([]);
    expect(await runAxe(frame), 'axe, the e-mail step').toEqual([]);

    const email = `${uniqueSub('frame')}@example.com`;
    await frame.getByLabel(signInEn['signIn.email']).fill(email);
    await frame.getByRole('button', { name: signInEn['signIn.sendCode'], exact: true }).click();
    const codeField = frame.getByLabel(signInEn['signIn.code']);
    await codeField.waitFor();
    expect(await runAxe(frame), 'axe, the code step').toEqual([]);
    const code = latestCode(world.api, email);
    await codeField.pressSequentially(code); // real key presses, which a page listener would see if they were its own
    await frame.getByRole('button', { name: signInEn['signIn.verify'], exact: true }).click();

    await frame.getByLabel(en['request.field.type']).selectOption('access');
    expect(await runAxe(frame), 'axe, the request form').toEqual([]);
    await frame.getByRole('button', { name: en['request.send'], exact: true }).click();
    await frame.locator('li.tp-request').waitFor();
    expect(await runAxe(frame), 'axe, the filed request').toEqual([]);

    // The session is the frame's, on the API's origin, and it is the person's: their request is on the server.
    const stored = await frame.evaluate(() => sessionStorage.getItem('twikit-frame-session'));
    const token = (JSON.parse(stored ?? 'null') as { token?: string } | null)?.token;
    expect(token).toMatch(/^[A-Za-z0-9\-._~+/]{20,}=*$/);
    const requests = await client(world.api.url).get('/v1/requests', { token: token! });
    expect(requests.status).toBe(200);
    expect(requests.body.requests).toEqual([
      expect.objectContaining({
        type: 'access',
        input: expect.objectContaining({ surface: { kind: 'widget', app: 'twikfit' } }),
      }),
    ]);

    // The page's script tried everything, and got the frame's height and nothing of the person.
    const tried = await waitFor(
      async () => {
        const result = await spy(page);
        return result.tries.includes('frame sessionStorage: SecurityError') ? result : null;
      },
      { message: 'the spy never tried the frame' },
    );
    expect(tried.tries).toEqual(
      expect.arrayContaining([
        'frame contentDocument: read', // …and read null: a cross-origin frame's document is not the page's
        'frame document: SecurityError',
        'frame sessionStorage: SecurityError',
        'frame localStorage: SecurityError',
        'frame location: SecurityError',
      ]),
    );
    const seen = tried.seen.join('\n');
    expect(seen).toContain(en['requests.visitor.why']); // it does read the widget's shadow root
    expect(seen).toContain(`message from ${apiOrigin()}: {"type":"twikit-frame","kind":"height","px":`);
    expect(seen).not.toMatch(new RegExp(`(^|\\D)${code}(\\D|$)`));
    expect(seen).not.toContain(token);
    expect(seen).not.toContain(email);
    expect(tried.seen.filter((line) => line.startsWith('key:'))).toEqual([]);
    const cache = JSON.stringify(await readCache(page));
    expect(cache).not.toContain(token);
    expect(cache).not.toContain(email);
  });

  it('R69: the widget takes a height only from its frame at the exact API origin in the schema, and posts only to that origin', async () => {
    const context = await world.newContext({ viewport: { width: 1000, height: 800 } });
    const page = await context.newPage();
    const consoleLines: string[] = [];
    page.on('console', (m: ConsoleMessage) => consoleLines.push(m.text()));
    const frame = await openRequests(page);
    // A page script can watch the shadow root: every height the widget gives the frame.
    await page.evaluate(`(() => {
      const element = document.querySelector('${W}').shadowRoot.querySelector('iframe.tp-signin-frame');
      window.__heights = [];
      new MutationObserver(() => window.__heights.push(element.style.height)).observe(element, { attributes: true, attributeFilter: ['style'] });
    })()`);
    const heights = () => page.evaluate('window.__heights') as Promise<string[]>;
    // After each try, the frame itself sends a height the widget must take, so the try was handled before it.
    let mark = 300;
    const fromFrame = async () => {
      const px = ++mark;
      await frame.evaluate((p) => parent.postMessage({ type: 'twikit-frame', kind: 'height', px: p }, '*'), px);
      await waitFor(async () => (await heights()).includes(`${px}px`), {
        message: `the frame's own ${px}px was not taken`,
      });
    };

    // The page itself (its own origin).
    await page.evaluate(() => window.postMessage({ type: 'twikit-frame', kind: 'height', px: 701 }, '*'));
    await fromFrame();
    // Another frame of the API's origin: the right origin, the wrong window.
    const src = `${apiOrigin()}/frame/?origin=${encodeURIComponent(world.host.origin)}&lang=en`;
    await page.evaluate((s) => {
      const other = document.createElement('iframe');
      other.src = s;
      other.title = 'another frame';
      document.body.append(other);
    }, src);
    const other = await waitFor(() => page.frames().find((f) => f !== frame && f.url() === src) ?? null);
    await other.locator('#app[data-ready="true"]').waitFor();
    await other.evaluate(() => parent.postMessage({ type: 'twikit-frame', kind: 'height', px: 702 }, '*'));
    await fromFrame();
    // The frame, with what the schema refuses.
    await frame.evaluate(() => {
      for (const bad of [
        { kind: 'height', px: 703 },
        { type: 'twikit-frame', kind: 'height', px: '704px' },
        { type: 'twikit-frame', kind: 'height', px: Number.NaN },
        { type: 'twikit-frame', kind: 'resize', px: 705 },
        'height: 706',
      ])
        parent.postMessage(bad, '*');
    });
    await fromFrame();
    expect((await heights()).filter((h) => /^70\d/.test(h))).toEqual([]);

    // The widget tells the frame the language the person picks, and the frame follows.
    await page.locator(`${W} .tp-language select`).selectOption('nl');
    await frame.getByRole('heading', { name: frameT('nl', 'frame.title') }).waitFor();
    // The page puts a document of its own where the frame was (about:blank, of the page's origin, listened to by the
    // page): the widget's next message is for the API origin only, so that document gets nothing, and the browser
    // says why.
    await page.evaluate(`(() => {
      const element = document.querySelector('${W}').shadowRoot.querySelector('iframe.tp-signin-frame');
      window.__caught = [];
      element.addEventListener('load', () => element.contentWindow.addEventListener('message', (e) => window.__caught.push(e.data)), { once: true });
      element.src = 'about:blank';
    })()`);
    await waitFor(
      () =>
        page.evaluate(`(() => {
      const element = document.querySelector('${W}').shadowRoot.querySelector('iframe.tp-signin-frame');
      try { return element.contentWindow.location.href === 'about:blank'; } catch { return false; }
    })()`) as Promise<boolean>,
      { message: 'the frame was not replaced' },
    );
    await page.locator(`${W} .tp-language select`).selectOption('en');
    await waitFor(() => consoleLines.some((line) => line.includes(`target origin provided ('${apiOrigin()}')`)), {
      message: `no message refused for its target origin ${apiOrigin()}: ${consoleLines.join(' | ')}`,
    });
    expect(await page.evaluate('window.__caught')).toEqual([]);
  });

  it('R68: in Dutch and dark mode the frame speaks Dutch, reads as part of the dialog, is reached by Tab, closes on Escape, and axe finds nothing', async () => {
    const context = await world.newContext({ viewport: { width: 360, height: 740 }, colorScheme: 'dark' });
    const page = await context.newPage();
    const frame = await openRequests(page, 'nl');
    await frame.getByRole('heading', { name: frameT('nl', 'frame.title') }).waitFor();
    expect(await frame.evaluate(() => document.documentElement.lang)).toBe('nl');
    expect(await page.locator(FRAME).getAttribute('title')).toBe(nl['requests.visitor.signIn']);
    // The frame's background is the dialog's, so no light box sits in a dark dialog.
    const backgrounds = [
      await frame.evaluate(() => getComputedStyle(document.body).backgroundColor),
      await page.locator(`${W} .tp-dialog`).evaluate((el) => getComputedStyle(el).backgroundColor),
    ];
    expect(backgrounds[0]).toBe(backgrounds[1]);
    expect(await runAxe(page, { iframes: false }), 'axe, the requests view around the frame').toEqual([]);
    expect(await runAxe(frame), 'axe, the e-mail step').toEqual([]);
    // From the sentence before it, Tab goes into the frame, to its e-mail field.
    await page.locator(`${W} .tp-visitor > p`).first().click();
    await page.keyboard.press('Tab');
    await waitFor(() => frame.evaluate(() => document.activeElement?.getAttribute('type') === 'email'), {
      message: 'Tab did not reach the e-mail field in the frame',
    });
    // Sized to its content: no scrollbar inside the frame.
    await waitFor(() => frame.evaluate(() => document.documentElement.scrollHeight <= innerHeight + 1), {
      message: 'the frame is not as tall as its content',
    });
    // R54: Escape pressed in the frame's field closes the dialog, as it does anywhere else in it.
    await page.keyboard.press('Escape');
    await page.locator(`${W} [role="dialog"]`).waitFor({ state: 'detached', timeout: 10_000 });
  });

  it('is served only for an allowed origin, which alone may frame it, under a policy without inline script', async () => {
    const api = client(world.api.url);
    const page = await api.get(`/frame/?origin=${encodeURIComponent(world.host.origin)}`);
    expect(page.status).toBe(200);
    const csp = page.headers.get('content-security-policy') ?? '';
    expect(csp).toContain(`frame-ancestors ${world.host.origin};`);
    expect(csp).toContain("script-src 'self';");
    expect(csp).toContain("require-trusted-types-for 'script'");
    expect(csp).not.toContain('unsafe');
    const refused = await api.get(`/frame/?origin=${encodeURIComponent('https://evil.example')}`);
    expect(refused.status).toBe(403);
  });
});

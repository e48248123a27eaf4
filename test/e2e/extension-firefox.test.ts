import { readFileSync } from 'node:fs';
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { en as ext } from '../../extension/messages/en.ts';
import { en } from '../../shared/i18n/messages/en.ts';
import { client, latestCode } from '../server/harness.ts';
import { waitFor } from './browser.ts';
import {
  backgroundMarked,
  backgroundRunning,
  badgeText,
  cachedInIndexedDb,
  wakeAndMarkBackground,
  notificationIds,
  pollSoon,
  startFirefoxWorld,
  storedInExtension,
  type FirefoxWorld,
} from './extension-firefox-fixture.ts';
import { operatorMoves } from './extension-fixture.ts';
import { lintPublishedFirefoxBuild } from './lint-firefox-build.ts';

/** Warnings addons-linter may raise, each explained in the README's extension section (by its code). */
const EXPLAINED_WARNINGS = new Set(['UNSAFE_VAR_ASSIGNMENT']);

// Built and linted in child processes while Firefox starts and the tests below use it; the last two tests read it.
let published: ReturnType<typeof lintPublishedFirefoxBuild>;
beforeAll(() => {
  published = lintPublishedFirefoxBuild();
  published.catch(() => undefined); // awaited by the tests that read it
});
afterAll(async () => {
  await published?.catch(() => undefined);
});

// The build, run: installed in headless Firefox ESR (≥ 153, puppeteer-core over WebDriver BiDi) against a
// real reference server. One Firefox for the file (never beside Chromium: the e2e project runs files one by one);
// the tests follow one person, in order: sign-in, a consent, a request, its completion; the event page suspended
// and woken by its alarm; then a restart of Firefox.
describe('the Firefox build, installed in Firefox ESR, against the real server', () => {
  let world: FirefoxWorld;
  let token: string;
  const email = 'firefox-ann@example.com';
  const api = () => client(world.server.url);
  const completed = (id: string) => `request:${id}:completed`;

  beforeAll(async () => {
    world = await startFirefoxWorld();
    // Debian moves ESR versions inside security updates: the log says which one this run proved.
    console.log(`Firefox under test: ${world.version}`);
  });
  afterAll(async () => {
    await world?.close();
  });

  const byRole = (role: string, name: string) => `::-p-aria([name="${name}"][role="${role}"])`;
  // innerText, not textContent: only text the person can see counts.
  const shows = (page: Page, text: string) =>
    // biome-ignore lint/performance/useDomNodeTextContent: rendered text is what is asserted
    page.waitForFunction((t: string) => document.body.innerText.includes(t), {}, text);
  const sharingSwitch = '::-p-xpath(//button[@role="switch"][starts-with(normalize-space(.), "Sharing")])';

  it('runs in Firefox ESR 153 or newer', () => {
    expect(world.version).toMatch(/^firefox\/\d+/);
    expect(Number(/^firefox\/(\d+)/.exec(world.version)![1])).toBeGreaterThanOrEqual(153);
  });

  it('signs in with the code from the outbox, records a consent with surface extension, and files a request', async () => {
    const popup = await world.openPopup();
    await popup.locator(byRole('textbox', ext['signIn.email'])).fill(email);
    await popup.locator(byRole('button', ext['signIn.sendCode'])).click();
    const code = await waitFor(
      () => {
        try {
          return latestCode(world.server, email);
        } catch {
          return null;
        }
      },
      { message: 'no code in the outbox' },
    );
    await popup.locator(byRole('textbox', ext['signIn.code'])).fill(code);
    await popup.locator(byRole('button', ext['signIn.verify'])).click();
    await shows(popup, ext['session.signedInAs'].replace('{email}', email));
    token = (await storedInExtension(world)).session.token;
    expect(token).toMatch(/^tps_/);

    // A consent, given in the popup, on the server with the extension as its surface.
    await popup.locator(byRole('button', en['nav.consents'])).click();
    const sharing = await popup.waitForSelector(sharingSwitch);
    expect(await sharing!.evaluate((el) => el.getAttribute('aria-checked'))).toBe('false');
    await sharing!.click();
    await popup.waitForFunction(
      (el) => el?.getAttribute('aria-checked') === 'true' && !el.hasAttribute('aria-busy'),
      {},
      sharing,
    );
    const history = await waitFor(
      async () => {
        const records = (await api().get('/v1/consents/history', { token })).body.records;
        return records.length > 0 && records;
      },
      { message: 'the consent never reached the server' },
    );
    expect(history.map((r: any) => [r.purpose, r.event, r.method, r.surface])).toEqual([
      ['third_party_sharing', 'given', 'ui', { kind: 'extension' }],
    ]);

    // A request, filed from the popup.
    await popup.locator(byRole('button', en['nav.requests'])).click();
    await (await popup.waitForSelector(byRole('combobox', en['request.field.type'])))!.select('access');
    await popup.locator(byRole('button', en['request.send'])).click();
    await shows(popup, en['request.filed'].split(':')[0]!);
    const requests = (await api().get('/v1/requests', { token })).body.requests;
    expect(requests.map((r: any) => [r.type, r.status, r.input.surface])).toEqual([
      ['access', 'received', { kind: 'extension' }],
    ]);
    await popup.close();
  });

  it('an operator completes the request; the alarm-driven poll sets the badge and raises the notification', async () => {
    const [request] = (await api().get('/v1/requests', { token })).body.requests;
    await operatorMoves(world, request.id, { to: 'completed', reason: 'Export prepared.' });
    await pollSoon(world);
    await waitFor(async () => (await badgeText(world)) === '1', {
      timeout: 10_000,
      message: 'the badge never showed 1',
    });
    await waitFor(async () => (await notificationIds(world)).includes(completed(request.id)), {
      message: 'no notification for the completed request',
    });
    expect((await storedInExtension(world)).news).toEqual([request.id]);
  });

  it('the event page, suspended when idle, is woken by its alarm and polls as a new instance', async () => {
    // A second request, completed while the background sleeps.
    const filed = await api().post(
      '/v1/requests',
      { type: 'access', locale: 'en', surface: { kind: 'extension' } },
      { token, headers: { 'idempotency-key': 'firefox-second' } },
    );
    expect(filed.status).toBe(201);
    await operatorMoves(world, filed.body.id, { to: 'completed', reason: 'Done.' });

    await wakeAndMarkBackground(world);
    expect(await backgroundRunning(world)).toBe(true);
    await waitFor(async () => !(await backgroundRunning(world)), {
      timeout: 15_000,
      message: 'Firefox never suspended the idle event page',
    });
    await pollSoon(world);
    await waitFor(async () => (await notificationIds(world)).includes(completed(filed.body.id)), {
      timeout: 10_000,
      message: 'the alarm did not wake the background',
    });
    expect(await badgeText(world)).toBe('2');
    // Not the old instance: its mark went with it (a new window, or none if that one is already suspended again).
    expect(await backgroundMarked(world)).not.toBe(true);
  });

  it('storage.local and the IndexedDB cache survive a restart of Firefox, and the popup opens signed in from them', async () => {
    const stored = await storedInExtension(world);
    const cached = await cachedInIndexedDb(world);
    expect(Object.keys(cached).length).toBeGreaterThan(0);
    await world.restart();
    expect(await storedInExtension(world)).toEqual(stored);
    expect(await cachedInIndexedDb(world)).toEqual(cached);

    const again = await world.openPopup();
    await shows(again, ext['session.signedInAs'].replace('{email}', email));
    await again.locator(byRole('button', en['nav.consents'])).click();
    const sharing = await again.waitForSelector(sharingSwitch);
    expect(await sharing!.evaluate((el) => el.getAttribute('aria-checked'))).toBe('true');
  });
});

describe('the Firefox build, as published', () => {
  it('R73: carries background.scripts and the gecko settings, and the same minimal permissions', async () => {
    const m = (await published).manifest;
    expect(m.background.scripts).toHaveLength(1);
    expect(m.background.service_worker).toBeUndefined();
    expect(m.browser_specific_settings.gecko.id).toBe('privacy-extension@twikit.com');
    expect([...m.permissions].sort()).toEqual(['alarms', 'notifications', 'storage']);
    expect(m.host_permissions).toEqual(['https://privacy-api.eu.twikit.com/*']);
  });

  it('R72: addons-linter 10.13.0 finds zero errors, and every warning is one the README explains', async () => {
    const { errors, warnings } = await published;
    expect(JSON.parse(readFileSync('node_modules/addons-linter/package.json', 'utf8')).version).toBe('10.13.0');
    expect(errors).toEqual([]);
    const readme = readFileSync('README.md', 'utf8');
    for (const warning of warnings) {
      expect(
        EXPLAINED_WARNINGS.has(warning.code),
        `unexplained warning ${warning.code}: ${warning.message} (${warning.file})`,
      ).toBe(true);
      expect(readme).toContain(warning.code);
    }
  });
});

import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { en as ext } from '../../extension/messages/en.ts';
import { en } from '../../shared/i18n/messages/en.ts';
import { client, latestCode } from '../server/harness.ts';
import { runAxe, waitFor, type PageWatch } from './browser.ts';
import {
  badgeText,
  notificationIds,
  operatorMoves,
  pollSoon,
  signInThroughPopup,
  startExtensionWorld,
  storedInExtension,
  type ExtensionWorld,
} from './extension-fixture.ts';

// The "Done when", in real headless Chromium with the unpacked build loaded: the extension is built
// against a real reference server (PGlite, operators complete requests by hand) and talks to it over HTTP.
// One server, build and browser profile for the file; each test is a new person on a freshly cleared extension.
describe('the MV3 extension, loaded unpacked in Chromium, against the real server', () => {
  let world: ExtensionWorld;
  const watches: PageWatch[] = [];
  let people = 0;
  const newEmail = (label: string) => `${label}-${++people}@example.com`;

  beforeAll(async () => {
    world = await startExtensionWorld();
  });
  afterEach(async () => {
    const probe = await world.probe();
    await Promise.all(
      world.context
        .pages()
        .filter((p) => p !== probe)
        .map((p) => p.close().catch(() => undefined)),
    );
    // A clean extension for the next person: its storage, its IndexedDB cache, its badge, its notifications.
    await probe.evaluate(async () => {
      const chrome = (globalThis as any).chrome;
      await chrome.storage.local.clear();
      await new Promise((resolve) => {
        const r = indexedDB.deleteDatabase('twikit-privacy');
        r.onsuccess = r.onerror = r.onblocked = resolve;
      });
      for (const id of Object.keys(await chrome.notifications.getAll())) await chrome.notifications.clear(id);
      await chrome.action.setBadgeText({ text: '' });
    });
    watches.length = 0;
  });
  afterAll(async () => {
    await world?.close();
  });

  async function popup(options?: Parameters<ExtensionWorld['openPopup']>[0]) {
    const opened = await world.openPopup(options);
    watches.push(opened.watch);
    return opened;
  }
  async function expectNoAxeViolations(page: Page, state: string) {
    const violations = await runAxe(page);
    expect(violations, `axe violations in the popup state "${state}"`).toEqual([]);
  }
  const sessionToken = async () => ((await storedInExtension(world)).session?.token as string | undefined) ?? null;
  const nav = (page: Page, name: string) => page.getByRole('navigation').getByRole('button', { name, exact: true });
  const requestItem = (page: Page) => page.locator('li.tp-request');

  async function fileAccessRequest(page: Page) {
    await nav(page, en['nav.requests']).click();
    await page.getByLabel(en['request.field.type']).selectOption('access');
    await page.getByRole('button', { name: en['request.send'], exact: true }).click();
    await requestItem(page).first().waitFor();
    // The form is reset once the answer is in: only then is it ready for the next request.
    await page
      .getByRole('status')
      .filter({ hasText: en['request.filed'].split(':')[0]! })
      .waitFor();
    const token = await sessionToken();
    const list = await client(world.server.url).get('/v1/requests', { token: token! });
    return list.body.requests[0] as { id: string; status: string; dueAt: string; input: { surface: unknown } };
  }

  it('R72 R73: the built manifest asks only for storage, alarms, notifications and the API host; no remote code; default CSP', async () => {
    const m = world.build.manifest;
    expect(m.manifest_version).toBe(3);
    expect([...m.permissions].sort()).toEqual(['alarms', 'notifications', 'storage']);
    expect(m.host_permissions).toEqual(['http://127.0.0.1/*']);
    expect(m.optional_permissions ?? []).toEqual([]);
    expect(m.optional_host_permissions ?? []).toEqual([]);
    expect(m.content_scripts).toBeUndefined();
    expect(m.content_security_policy).toBeUndefined(); // the default extension CSP, not loosened
    expect(m.web_accessible_resources ?? []).toEqual([]);
    expect(m.externally_connectable).toEqual({ ids: [], matches: [] });
    for (const forbidden of ['tabs', 'history', 'webRequest', '<all_urls>', 'scripting', 'cookies']) {
      expect(JSON.stringify(m)).not.toContain(`"${forbidden}"`);
    }
    // No remote code: every script the pages load is a file of the package, and no built file evaluates strings.
    for (const page of ['extension/popup.html', 'extension/options.html']) {
      const html = await readFile(`${world.build.dir}/${page}`, 'utf8');
      for (const [, src] of html.matchAll(/<script[^>]*src="([^"]+)"/g)) expect(src).not.toMatch(/^(https?:)?\/\//);
    }
    const worker = await world.worker();
    expect(new URL(worker.url()).protocol).toBe('chrome-extension:');
  });

  it('signs in with the code from the outbox, gives the body-scan consent (on the server), files a request; then the poll badges and notifies its completion', async () => {
    const email = newEmail('ann');
    const { page } = await popup();
    await expectNoAxeViolations(page, 'signed out');
    // R11: the notice is one tap away before signing in.
    await page.getByRole('button', { name: ext['signIn.readNotice'] }).click();
    await page.getByRole('heading', { name: en['notice.controller'] }).waitFor();
    await expectNoAxeViolations(page, 'notice, signed out');
    await page.getByRole('button', { name: ext['signIn.backToSignIn'] }).click();

    // A wrong code first: a clear message, the address kept, the attempts left counted.
    await page.getByLabel(ext['signIn.email']).fill(email);
    await page.getByRole('button', { name: ext['signIn.sendCode'] }).click();
    await page.getByLabel(ext['signIn.code']).waitFor();
    await expectNoAxeViolations(page, 'code step');
    const code = latestCode(world.server, email);
    await page.getByLabel(ext['signIn.code']).fill(code === '000000' ? '111111' : '000000');
    await page.getByRole('button', { name: ext['signIn.verify'], exact: true }).click();
    const wrong = page.getByRole('alert');
    await wrong.waitFor();
    expect(await wrong.textContent()).toBe(ext['signIn.error.wrongCode'].replace('{left}', '4'));
    await expectNoAxeViolations(page, 'wrong code');
    await page.getByLabel(ext['signIn.code']).fill(code);
    await page.getByRole('button', { name: ext['signIn.verify'], exact: true }).click();
    await page.getByText(ext['session.signedInAs'].replace('{email}', email)).waitFor();
    await expectNoAxeViolations(page, 'signed in: overview');
    await page.emulateMedia({ colorScheme: 'dark' });
    await expectNoAxeViolations(page, 'signed in: overview, dark');
    await page.emulateMedia({ colorScheme: 'light' });

    // The token is in extension storage only: not in the page's own storage.
    const token = await sessionToken();
    expect(token).toMatch(/^tps_/);
    expect(
      await page.evaluate(() => JSON.stringify({ ...localStorage }) + JSON.stringify({ ...sessionStorage })),
    ).not.toContain(token!);

    // The body-scan consent: the switch, then the explicit just-in-time step (R22), then on the server.
    await nav(page, en['nav.consents']).click();
    const scanSwitch = page.getByRole('switch', { name: /^Body scans/ });
    expect(await scanSwitch.getAttribute('aria-checked')).toBe('false');
    await expectNoAxeViolations(page, 'consents');
    await scanSwitch.click();
    await page.getByRole('heading', { name: en['jit.title'] }).waitFor();
    await expectNoAxeViolations(page, 'just-in-time consent');
    await page.getByRole('button', { name: en['jit.consent'], exact: true }).click();
    await waitFor(async () => (await scanSwitch.getAttribute('aria-checked')) === 'true', {
      message: 'the switch never showed consent given',
    });
    const history = await client(world.server.url).get('/v1/consents/history', { token: token! });
    expect(history.body.records.map((r: any) => [r.purpose, r.event, r.method, r.surface])).toEqual([
      ['biometric_scans', 'given', 'ui', { kind: 'extension' }],
    ]);

    // A request, filed from the popup.
    const request = await fileAccessRequest(page);
    expect(request).toMatchObject({ status: 'received', input: { surface: { kind: 'extension' } } });
    await expectNoAxeViolations(page, 'requests');
    await page.close();

    // An operator completes it; the background poll (fired by its alarm) sets the badge and notifies.
    await operatorMoves(world, request.id, { to: 'completed', reason: 'Export prepared.' });
    await pollSoon(world);
    await waitFor(async () => (await badgeText(world)) === '1', {
      timeout: 10_000,
      message: 'the badge never showed 1',
    });
    await waitFor(async () => (await notificationIds(world)).includes(`request:${request.id}:completed`), {
      message: 'no notification for the completed request',
    });
    const stored = await storedInExtension(world);
    expect(stored.news).toEqual([request.id]);

    // The popup shows the new status and the export; looking at the list clears the badge.
    const again = await popup();
    await nav(again.page, en['nav.requests']).click();
    const item = requestItem(again.page).first();
    await waitFor(async () => ((await item.textContent()) ?? '').includes(en['request.status.completed']), {
      message: 'the popup never showed Completed',
    });
    const [download] = await Promise.all([
      again.page.waitForEvent('download', { timeout: 10_000 }),
      item.getByRole('button', { name: en['requests.download.json'] }).click(),
    ]);
    const exported = JSON.parse(await readFile(await download.path(), 'utf8'));
    expect(exported).toMatchObject({
      format: 'twikit-privacy-export',
      request: { id: request.id, type: 'access' },
      account: { email },
    });
    await waitFor(async () => (await badgeText(world)) === '', { message: 'the badge stayed after the person looked' });
    expect((await storedInExtension(world)).news).toEqual([]);
    await expectNoAxeViolations(again.page, 'requests with a completed request');

    // The worker's console is watched (a line it logs is seen), and it logged no error and no CSP violation.
    await (await world.worker()).evaluate(() => console.warn('twikit-e2e-probe'));
    await waitFor(() => world.workerConsole.includes('twikit-e2e-probe') || null, {
      message: 'the worker console is not watched',
    });
    expect(world.workerConsole.filter((line) => line !== 'twikit-e2e-probe')).toEqual([]);
    // The wrong code's 401 is the one expected failure the browser logs.
    for (const watch of watches)
      expect(await watch.problems({ ignore: [/401 \(Unauthorized\) \(.*\/v1\/auth\/email\/verify\)/] })).toEqual([]);
    expect(world.cspConsole).toEqual([]);
  });

  /** Signs a new person in through the popup and returns the popup and their token. */
  async function signedIn(label: string) {
    const email = newEmail(label);
    const opened = await popup();
    await signInThroughPopup(world, opened.page, email);
    return { ...opened, email, token: (await sessionToken())! };
  }

  it('survives the MV3 worker being stopped: the alarm wakes a new worker, which notifies each move once', async () => {
    const { page, token } = await signedIn('worker');
    const first = await fileAccessRequest(page);
    await page.getByLabel(en['request.field.type']).selectOption('access');
    await page.getByRole('button', { name: en['request.send'], exact: true }).click();
    await waitFor(async () => (await requestItem(page).count()) === 2, { message: 'the second request never showed' });
    const all = (await client(world.server.url).get('/v1/requests', { token })).body.requests as Array<{ id: string }>;
    const second = all.find((r) => r.id !== first.id)!;
    await page.close();

    await operatorMoves(world, first.id, { to: 'completed', reason: 'Done.' });
    await pollSoon(world);
    await waitFor(async () => (await notificationIds(world)).includes(`request:${first.id}:completed`), {
      timeout: 10_000,
      message: 'no notification before the stop',
    });

    // Chrome stops idle MV3 workers; the alarm outlives it and wakes a new one, which has only storage to go on.
    await operatorMoves(world, second.id, { to: 'extended', reason: 'Many systems to search.', extendByMonths: 2 });
    // The worker is stopped first and the alarm set after, so only a new worker can see the move: set before the
    // stop (3 s ahead, as it was), a stop slower than 3 s on a loaded machine let the old worker notify first.
    const { running } = await world.stopWorker();
    expect(await notificationIds(world)).not.toContain(`request:${second.id}:extended`); // not before the restart
    await pollSoon(world);
    await running; // the alarm started a new worker
    await waitFor(async () => (await notificationIds(world)).includes(`request:${second.id}:extended`), {
      timeout: 15_000,
      message: 'the restarted worker did not notify the extension',
    });
    expect(await badgeText(world)).toBe('2');
    const stored = await storedInExtension(world);
    expect(Object.keys(stored.notified).sort()).toEqual([first.id, second.id].sort());

    // Another poll by the new worker repeats nothing.
    const before = await notificationIds(world);
    await pollSoon(world);
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    expect(await notificationIds(world)).toEqual(before);
    expect(world.cspConsole).toEqual([]);
    expect(world.workerConsole.filter((line) => line !== 'twikit-e2e-probe')).toEqual([]);
  });

  it('reopens from IndexedDB before the network answers, and says it is offline when the server cannot be reached', async () => {
    const { page } = await signedIn('cache');
    await nav(page, en['nav.consents']).click();
    await page.getByRole('button', { name: en['first.acceptAll'] }).count(); // (no-op: the view is the consents list)
    const sharing = page.getByRole('switch', { name: /^Sharing/ });
    await sharing.click();
    await waitFor(async () => (await sharing.getAttribute('aria-checked')) === 'true', {
      message: 'sharing never switched on',
    });
    await page.close();

    // The API held for 10 s: the cached notice and choices are on screen before any answer.
    const held: Array<() => void> = [];
    const slow = await popup({
      beforeGoto: (p) =>
        p.route(`${world.server.url}/**`, (route) =>
          new Promise<void>((resolve) => held.push(resolve)).then(() => route.continue().catch(() => undefined)),
        ),
    });
    await nav(slow.page, en['nav.consents']).click();
    const cachedSharing = slow.page.getByRole('switch', { name: /^Sharing/ });
    await cachedSharing.waitFor({ timeout: 3_000 });
    // The switch can render (the notice is cached) a moment before the cached choices are read: wait for the page to
    // show them, while the network is still held.
    await waitFor(async () => (await cachedSharing.getAttribute('aria-checked')) === 'true', {
      timeout: 3_000,
      message: 'the cached choice never showed',
    });
    expect(held.length).toBeGreaterThan(0); // the network had not answered
    for (const release of held.splice(0)) release();
    await slow.page.close();

    // The server down: the cached state and a clear offline notice.
    const down = await popup({
      beforeGoto: (p) => p.route(`${world.server.url}/**`, (route) => route.abort('connectionrefused')),
    });
    await nav(down.page, en['nav.consents']).click();
    const downSharing = down.page.getByRole('switch', { name: /^Sharing/ });
    await waitFor(async () => (await downSharing.getAttribute('aria-checked')) === 'true', {
      message: 'the cached choice never showed with the server down',
    });
    await waitFor(
      async () => (await down.page.getByRole('status').filter({ hasText: en['panel.offline'] }).count()) === 1,
      { message: 'no offline notice' },
    );
    await expectNoAxeViolations(down.page, 'offline');
  });

  /** Blocks (or unblocks) this page's calls to the rights API through CDP, as a lost connection would. */
  async function apiBlocked(page: Page, on: boolean) {
    const cdp = await world.context.newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.setBlockedURLs', { urls: on ? [`${world.server.url}/v1/*`] : [] });
    return { unblock: () => cdp.send('Network.setBlockedURLs', { urls: [] }) };
  }

  it('offline in the popup: a decision and a request are kept through a browser restart, then sent once', async () => {
    const { page, token } = await signedIn('offline');
    await nav(page, en['nav.consents']).click();
    await apiBlocked(page, true);
    const sharing = page.getByRole('switch', { name: /^Sharing/ });
    await sharing.click();
    await page.getByText(en['consent.notSent']).waitFor();
    expect(await sharing.getAttribute('aria-checked')).toBe('true');
    await nav(page, en['nav.requests']).click();
    await page.getByLabel(en['request.field.type']).selectOption('access');
    await page.getByRole('button', { name: en['request.send'], exact: true }).click();
    await page.getByText(en['request.queued'].replace('{type}', en['request.type.access'])).waitFor();
    await page.close();

    // The browser is closed and started again; the API is still out of reach.
    await world.restart();
    let unblock: (() => Promise<unknown>) | null = null;
    const again = await popup({ beforeGoto: async (p) => void ({ unblock } = await apiBlocked(p, true)) });
    await nav(again.page, en['nav.consents']).click();
    await again.page.getByText(en['consent.notSent']).waitFor();
    // "Not sent yet" comes from the outbox, read before the cached state it is shown on: wait for the switch too.
    const againSharing = again.page.getByRole('switch', { name: /^Sharing/ });
    await waitFor(async () => (await againSharing.getAttribute('aria-checked')) === 'true', {
      message: 'the kept choice never showed after the restart',
    });
    expect((await client(world.server.url).get('/v1/consents/history', { token })).body.records).toEqual([]);

    // Back online: each is sent once, and the popup shows them as sent. (Unblocking URLs does not fire the `online`
    // event a real reconnection fires; the test fires it, else the outbox waits for its next retry.)
    await unblock!();
    await again.page.evaluate(() => window.dispatchEvent(new Event('online')));
    await again.page.getByText(en['consent.notSent']).waitFor({ state: 'detached', timeout: 20_000 });
    const history = (await client(world.server.url).get('/v1/consents/history', { token })).body.records;
    expect(history.map((r: any) => [r.purpose, r.event, r.surface])).toEqual([
      ['third_party_sharing', 'given', { kind: 'extension' }],
    ]);
    await waitFor(
      async () => (await client(world.server.url).get('/v1/requests', { token })).body.requests.length === 1,
      {
        timeout: 10_000,
        message: 'the request never reached the server',
      },
    );
    expect(
      (await client(world.server.url).get('/v1/requests', { token })).body.requests.map((r: any) => r.type),
    ).toEqual(['access']);
  });

  it('an expired session asks to sign in again, and keeps what was typed', async () => {
    const { page, email, token, watch } = await signedIn('expired');
    await nav(page, en['nav.requests']).click();
    await page.getByLabel(en['request.field.type']).selectOption('rectification');
    await page.getByLabel(en['request.field.field']).selectOption('name');
    await page.getByLabel(en['request.field.correction']).fill('Ann Peeters-Janssens');

    // The session ends on the server (expired or revoked elsewhere).
    expect((await client(world.server.url).delete('/v1/auth/session', { token })).status).toBe(204);
    await page.getByRole('button', { name: en['request.send'], exact: true }).click();
    const expired = page.getByText(ext['session.expired']);
    await expired.waitFor();
    // What was typed is kept on this device, listed as not sent yet, until the person is signed in again.
    await page.locator('li.tp-request').filter({ hasText: en['request.status.queued'] }).waitFor({ state: 'attached' });
    expect(await page.getByLabel(ext['signIn.email']).inputValue()).toBe(email); // not asked twice (R62)
    await expectNoAxeViolations(page, 'session expired');

    await page.getByRole('button', { name: ext['signIn.sendCode'] }).click();
    await page.getByLabel(ext['signIn.code']).waitFor();
    await page.getByLabel(ext['signIn.code']).fill(latestCode(world.server, email));
    await page.getByRole('button', { name: ext['signIn.verify'], exact: true }).click();
    await expired.waitFor({ state: 'hidden' });
    // Signed in again, it is sent at once, and filed once.
    const fresh = (await sessionToken())!;
    expect(fresh).not.toBe(token);
    await waitFor(
      async () => (await client(world.server.url).get('/v1/requests', { token: fresh })).body.requests.length === 1,
      {
        message: 'the kept request was never sent after signing in again',
      },
    );
    const list = (await client(world.server.url).get('/v1/requests', { token: fresh })).body.requests;
    expect(list.map((r: any) => [r.type, r.input.correction])).toEqual([['rectification', 'Ann Peeters-Janssens']]);
    await waitFor(
      async () => (await page.locator('li.tp-request').filter({ hasText: en['request.status.queued'] }).count()) === 0,
      {
        message: 'the request still shows as not sent',
      },
    );
    expect(await watch.problems({ ignore: [/401 \(Unauthorized\)/] })).toEqual([]);
  });

  it('an expired code says so, and a new one works', async () => {
    const email = newEmail('late');
    const { page } = await popup();
    await page.getByLabel(ext['signIn.email']).fill(email);
    await page.getByRole('button', { name: ext['signIn.sendCode'] }).click();
    await page.getByLabel(ext['signIn.code']).waitFor();
    const code = latestCode(world.server, email);
    world.server.clock.advance(11 * 60_000); // codes work for 10 minutes
    await page.getByLabel(ext['signIn.code']).fill(code);
    await page.getByRole('button', { name: ext['signIn.verify'], exact: true }).click();
    await waitFor(async () => (await page.getByRole('alert').textContent()) === ext['signIn.error.expiredCode'], {
      message: 'no expired-code message',
    });
    await page.getByRole('button', { name: ext['signIn.resend'] }).click();
    await waitFor(() => latestCode(world.server, email) !== code || null, { message: 'no new code was sent' });
    await page.getByLabel(ext['signIn.code']).fill(latestCode(world.server, email));
    await page.getByRole('button', { name: ext['signIn.verify'], exact: true }).click();
    await page.getByText(ext['session.signedInAs'].replace('{email}', email)).waitFor();
  });

  it('too many wrong codes: a clear rate-limited message, and after the wait a new code works', async () => {
    const email = newEmail('wrong');
    const { page } = await popup();
    await page.getByLabel(ext['signIn.email']).fill(email);
    await page.getByRole('button', { name: ext['signIn.sendCode'] }).click();
    await page.getByLabel(ext['signIn.code']).waitFor();
    const code = latestCode(world.server, email);
    const wrongCode = code === '000000' ? '111111' : '000000';
    const alert = page.getByRole('alert');
    for (let left = 4; left >= 0; left--) {
      await page.getByLabel(ext['signIn.code']).fill(wrongCode);
      await page.getByRole('button', { name: ext['signIn.verify'], exact: true }).click();
      const expected =
        left > 0 ? ext['signIn.error.wrongCode'].replace('{left}', String(left)) : ext['signIn.error.tooMany'];
      await waitFor(async () => (await alert.textContent()) === expected, { message: `expected "${expected}"` });
    }
    await expectNoAxeViolations(page, 'too many wrong codes');
    // The address is slowed down, not locked: once the first wait (30 s) is over, a new code works.
    world.server.clock.advance(30_000);
    await page.getByRole('button', { name: ext['signIn.resend'] }).click();
    await waitFor(() => latestCode(world.server, email) !== code || null, { message: 'no new code was sent' });
    await page.getByLabel(ext['signIn.code']).fill(latestCode(world.server, email));
    await page.getByRole('button', { name: ext['signIn.verify'], exact: true }).click();
    await page.getByText(ext['session.signedInAs'].replace('{email}', email)).waitFor();
  });

  it('signing out clears the session from extension storage, and on request everything this device keeps', async () => {
    const { page, token } = await signedIn('signout');
    await nav(page, en['nav.consents']).click();
    await page.getByRole('switch', { name: /^Sharing/ }).click();
    await page.getByText(ext['session.menu'], { exact: true }).click(); // the account menu
    await page.getByRole('button', { name: ext['session.signOut'] }).click();
    await page.getByRole('button', { name: ext['signOut.confirm'] }).click();
    await page.getByRole('status').filter({ hasText: ext['signOut.done'] }).waitFor();
    await page.getByLabel(ext['signIn.email']).waitFor();
    const stored = await storedInExtension(world);
    expect(stored.session).toBeUndefined();
    // Revoked on the server too.
    expect((await client(world.server.url).get('/v1/me', { token })).status).toBe(401);
    const databases = () => page.evaluate(async () => (await indexedDB.databases()).map((d) => d.name));
    expect(await databases()).toContain('twikit-privacy');

    // Again, this time removing everything local.
    const again = await signedIn('signout-clear');
    await again.page.getByText(ext['session.menu'], { exact: true }).click(); // the account menu
    await again.page.getByRole('button', { name: ext['session.signOut'] }).click();
    await again.page.getByLabel(ext['signOut.clearLocal']).check();
    await again.page.getByRole('button', { name: ext['signOut.confirm'] }).click();
    await again.page.getByRole('status').filter({ hasText: ext['signOut.cleared'] }).waitFor();
    expect(await storedInExtension(world)).toEqual({});
    await page.close();
    await again.page.close();
    const fresh = await world.context.newPage();
    await fresh.goto(`chrome-extension://${world.id}/extension/options.html`);
    await waitFor(
      async () =>
        !(await fresh.evaluate(async () => (await indexedDB.databases()).map((d) => d.name))).includes(
          'twikit-privacy',
        ),
      {
        message: 'the IndexedDB cache was not deleted',
      },
    );
  });

  it('options: region, language (the popup follows it) and clearing local data, accessible in each language', async () => {
    const { page } = await world.openOptions();
    await expectNoAxeViolations(page, 'options');
    await page.getByLabel(en['language.label']).selectOption('nl');
    await page.getByLabel(ext['options.region.us_ca']).check();
    await page.getByRole('button', { name: ext['options.save'] }).click();
    const { nl: extNl } = await import('../../extension/messages/nl.ts');
    await page.getByRole('status').filter({ hasText: extNl['options.saved'] }).waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('nl');
    await expectNoAxeViolations(page, 'options in Dutch');
    expect(await storedInExtension(world)).toMatchObject({ region: 'us_ca', locale: 'nl' });

    const { page: nlPopup } = await popup();
    await nlPopup.getByRole('heading', { name: extNl['signIn.heading'] }).waitFor();
    expect(await nlPopup.evaluate(() => document.documentElement.lang)).toBe('nl');
    await expectNoAxeViolations(nlPopup, 'signed out in Dutch');
    // Signing in from the US region creates the account there.
    const email = newEmail('us');
    await nlPopup.getByLabel(extNl['signIn.email']).fill(email);
    await nlPopup.getByRole('button', { name: extNl['signIn.sendCode'] }).click();
    await nlPopup.getByLabel(extNl['signIn.code']).fill(
      await waitFor(() => {
        try {
          return latestCode(world.server, email);
        } catch {
          return null;
        }
      }),
    );
    await nlPopup.getByRole('button', { name: extNl['signIn.verify'], exact: true }).click();
    await nlPopup.getByText(extNl['session.signedInAs'].replace('{email}', email)).waitFor();
    const me = await client(world.server.url).get('/v1/me', { token: (await sessionToken())! });
    expect(me.body).toMatchObject({ email, region: 'us_ca', via: 'email-session' });
    await expectNoAxeViolations(nlPopup, 'signed in, in Dutch');

    await page.reload();
    await page.getByRole('button', { name: extNl['options.clear'] }).click();
    await page.getByRole('status').filter({ hasText: extNl['options.cleared'] }).waitFor();
    expect(await storedInExtension(world)).toEqual({});
    for (const watch of watches) expect(await watch.problems()).toEqual([]);
  });
});

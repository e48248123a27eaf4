import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startDemoHost, type DemoHost } from '../../demo/host/server.ts';
import { DEMO_SYSTEMS_FILE, DEMO_USER } from '../../demo/twikfit-system/index.ts';
import type { RightsRequest } from '../../shared/contract/requests.ts';
import type { SystemProgress } from '../../shared/contract/systems.ts';
import { en } from '../../shared/i18n/messages/en.ts';
import { client, HOST_SECRET, hostToken, startTestServer, type TestServer } from '../server/harness.ts';
import { launchBrowser, waitFor, watchPage } from './browser.ts';
import { shown, widget } from './widget-fixture.ts';

// Issue 14's demo loop in real Chromium: the rights API fans a request out to the demo's systems file — TwikFit, a
// real webhook system on the demo host verifying signatures with the library, and the support desk, told by e-mail.
// An access request filed in the widget brings TwikFit's designs and scans into the export; an erasure takes the
// scans off the demo page, and the request lists who was told and what each did.

/** A port free right now, so the systems file can name the demo host's address before the API starts. */
async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as { port: number };
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return port;
}

describe("the demo's fulfilment loop: access and erasure reach TwikFit and the support desk", () => {
  let dir: string;
  let server: TestServer;
  let demo: DemoHost;
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  const sub = DEMO_USER.sub; // the demo host's own user: TwikFit's store is seeded with their designs and scans

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'demo-fulfilment-'));
    const port = await freePort();
    const demoSystems = JSON.parse(await readFile(DEMO_SYSTEMS_FILE, 'utf8'));
    const twikfit = demoSystems.systems.find((s: { id: string }) => s.id === 'twikfit');
    twikfit.connector.url = `http://127.0.0.1:${port}/privacy/jobs`;
    const systemsFile = join(dir, 'systems.json');
    await writeFile(systemsFile, JSON.stringify(demoSystems));
    [server, browser] = await Promise.all([startTestServer({ SYSTEMS_FILE: systemsFile }), launchBrowser()]);
    server.clock.set(new Date().toISOString());
    demo = await startDemoHost({
      port,
      apiUrl: server.url,
      hostTokenSecret: HOST_SECRET,
      twikfit: { secret: twikfit.connector.secret, storePath: join(dir, 'twikfit.json') },
    });
    server.deps.config.allowedOrigins.push(new URL(demo.url).origin);
  });
  afterEach(async () => {
    await Promise.all(contexts.splice(0).map((c) => c.close().catch(() => undefined)));
  });
  afterAll(async () => {
    await browser?.close().catch(() => undefined);
    await demo?.close().catch(() => undefined);
    await server?.stop();
    await rm(dir, { recursive: true, force: true });
  });

  async function openDemo(): Promise<Page> {
    const context = await browser.newContext({ acceptDownloads: true, viewport: { width: 1000, height: 800 } });
    contexts.push(context);
    const page = await context.newPage();
    await watchPage(page);
    const response = await page.goto(demo.url);
    expect(response?.status()).toBe(200);
    await waitFor(async () => (await page.getAttribute('.account', 'aria-busy')) === null, {
      message: 'the TwikFit account section never loaded',
    });
    return page;
  }

  const pageList = (page: Page, id: 'designs' | 'scans') => page.locator(`#${id} li`).allTextContents();

  /** The person's request of `type` as the API answers it, once `done` says it is far enough. */
  const requestWhen = (type: string, done: (request: RightsRequest, systems: SystemProgress[]) => boolean) =>
    waitFor(
      async () => {
        const answer = await client(server.url).get('/v1/requests', { token: await hostToken(sub) });
        const request = (answer.body.requests as RightsRequest[]).find((r) => r.type === type);
        return request && done(request, request.systems ?? []) ? request : null;
      },
      { timeout: 30_000, message: `the ${type} request never got that far` },
    );
  const answered =
    (id: string, state: SystemProgress['state'] = 'done') =>
    (_: RightsRequest, systems: SystemProgress[]) =>
      systems.some((s) => s.system === id && s.state === state);

  /** Opens the widget's request list (through its JS API, whatever the dialog shows now). */
  async function openRequests(page: Page) {
    await page.waitForFunction(
      () => typeof (window as { TwikitPrivacy?: { open?: unknown } }).TwikitPrivacy?.open === 'function',
    );
    await page.evaluate(() =>
      (window as unknown as { TwikitPrivacy: { open(v: string): void } }).TwikitPrivacy.open('requests'),
    );
    const w = widget(page);
    await shown(w.dialog.getByLabel(en['request.field.type']));
    return w;
  }

  /** The request list in the widget, re-read from the server (the page loaded again). */
  async function requestsShown(page: Page, expected: string): Promise<string> {
    await page.reload();
    const w = await openRequests(page);
    const list = w.dialog.locator('.tp-request-list');
    return waitFor(
      async () => {
        const text = (await list.textContent()) ?? '';
        return text.includes(expected) ? text : null;
      },
      { message: `the widget's request list never said "${expected}"` },
    );
  }

  it('R45: an access request filed in the widget completes when TwikFit has answered, and the export holds its designs and scans', async () => {
    const page = await openDemo();
    expect(await pageList(page, 'designs')).toHaveLength(2);
    expect(await pageList(page, 'scans')).toHaveLength(2);

    const w = await openRequests(page);
    await w.dialog.getByLabel(en['request.field.type']).selectOption('access');
    await w.dialog.getByRole('button', { name: en['request.send'], exact: true }).click();

    const request = await requestWhen(
      'access',
      (r, systems) => r.status === 'completed' && answered('twikfit')(r, systems),
    );
    await requestsShown(page, 'TwikFit: data collected');

    const item = widget(page).dialog.locator('li.tp-request').filter({ hasText: en['request.type.access'] });
    const [download] = await Promise.all([
      page.waitForEvent('download', { timeout: 10_000 }),
      item.getByRole('button', { name: en['requests.download.json'] }).click(),
    ]);
    const exported = JSON.parse(await readFile(await download.path(), 'utf8'));
    expect(exported.request.id).toBe(request.id);
    expect(exported.systems.twikfit).toMatchObject({ name: 'TwikFit', state: 'done' });
    expect(exported.systems.twikfit.data.designs).toHaveLength(2);
    expect(exported.systems.twikfit.data.scans).toMatchObject([{ foot: 'left' }, { foot: 'right' }]);
  });

  it('R48: an erasure takes the scans off the demo page; the request lists TwikFit as erased and the support desk until it confirms from the mail', async () => {
    const page = await openDemo();
    const w = await openRequests(page);
    await w.dialog.getByLabel(en['request.field.type']).selectOption('erasure');
    await w.dialog.getByLabel(en['request.option.all']).check();
    await w.dialog.getByLabel(en['request.field.confirmErasure']).check();
    await w.dialog.getByRole('button', { name: en['request.reviewButton'], exact: true }).click();
    await w.dialog.getByRole('button', { name: en['request.review.sendErasure'], exact: true }).click();

    const erasure = await requestWhen('erasure', answered('twikfit'));
    expect(erasure.status).not.toBe('completed'); // the support desk has not confirmed yet
    const shownNow = await requestsShown(page, 'TwikFit: erased');
    expect(shownNow).toContain('Erased: 2 body scans (measurements and scan details), 2 insole designs.');
    expect(shownNow).toContain(
      'legal obligation to keep accounting records (Art. 17(3)(b) GDPR), until March 14, 2033',
    );
    expect(shownNow).toContain('Support desk: waiting for confirmation');
    expect(await pageList(page, 'scans')).toEqual([]);
    expect(await page.locator('#scans-empty').isVisible()).toBe(true);

    // The support desk's privacy contact clicks the one-time link in its mail (the development outbox).
    const mail = [...(server.deps.mailer.outbox ?? [])].reverse().find((m) => m.to === 'privacy@support-desk.example');
    const link = /https?:\/\/\S+\/v1\/systems\/jobs\/\S+\/confirm\?token=\S+/.exec(mail?.text ?? '')?.[0];
    expect(link, 'no confirmation link mailed to the support desk').toBeTruthy();
    const confirm = new URL(link!);
    const confirmUrl = `${server.url}${confirm.pathname}${confirm.search}`;
    expect((await fetch(confirmUrl)).status).toBe(200);
    expect((await fetch(confirmUrl, { method: 'POST' })).status).toBe(200);

    await requestWhen('erasure', (r, systems) => r.status === 'completed' && answered('support_desk')(r, systems));
    const after = await requestsShown(page, 'Support desk: erased');
    expect(after).toContain(en['request.status.completed']);
  });
});

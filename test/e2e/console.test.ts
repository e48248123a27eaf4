import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { build } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ct, st } from '../../console/messages/index.ts';
import type { ConsoleMessageKey } from '../../console/messages/index.ts';
import type { Locale } from '../../shared/contract/common.ts';
import type { NoticeDocument } from '../../shared/contract/notice.ts';
import {
  ADMIN_TOKEN,
  client,
  hostToken,
  newKey,
  requestBodies,
  startTestServer,
  type TestServer,
} from '../server/harness.ts';
import { eventually, startSystemProcess, systemsEnv, webhookEntry, type SystemProcess } from '../server/system-kit.ts';
import { launchBrowser, runAxe, waitFor, watchPage } from './browser.ts';

// Issue 15, "Done when": the operator console built by vite.config.ts (mode console), served by the real reference
// server at /console under its strict CSP, in real Chromium against PGlite. Codes are read from /dev/outbox.
const DESK = 'desk@twikit.com';
const DPO = 'dpo@twikit.com';
const en = (key: ConsoleMessageKey, params?: Record<string, string | number>) => ct('en', key, params);

let server: TestServer;
let browser: Browser;
/** A data system that only access requests reach (the other flows here need no system to answer). */
let shop: SystemProcess;
let outDir: string;
const contexts: BrowserContext[] = [];

beforeAll(async () => {
  outDir = mkdtempSync(join(tmpdir(), 'tpc-e2e-console-'));
  process.env.CONSOLE_OUT_DIR = outDir;
  await build({ mode: 'console', logLevel: 'error' });
  delete process.env.CONSOLE_OUT_DIR;
  shop = await startSystemProcess('shop', { rules: { '*': { status: 'done', data: { orders: [] } } } });
  server = await startTestServer({
    OPERATORS: `${DPO}:dpo+biometric,${DESK}:operator`,
    CONSOLE_DIR: outDir,
    // A failed delivery waits an hour before its next attempt: only the operator's retry sends it sooner.
    ...systemsEnv([webhookEntry(shop, { name: 'Shop', handles: ['access'] })], {
      JOB_RETRY_BASE_MS: '3600000',
      JOB_RETRY_MAX_MS: '3600000',
    }),
  });
  browser = await launchBrowser();
});
afterAll(async () => {
  await Promise.all(contexts.map((c) => c.close().catch(() => undefined)));
  await browser?.close();
  await server?.stop();
  await shop?.close();
  rmSync(outDir, { recursive: true, force: true });
});

/** The newest code mailed to `email`, read from the development outbox over HTTP as an operator's browser could. */
async function codeFromOutbox(email: string, after: number): Promise<string> {
  return waitFor(
    async () => {
      const { body } = await client(server.url).get('/dev/outbox');
      const mail = (body.messages as Array<{ to: string; text: string; sentAt: string }>)
        .filter((m) => m.to === email && Date.parse(m.sentAt) >= after)
        .at(-1);
      return mail ? /\b(\d{6})\b/.exec(mail.text)?.[1] : undefined;
    },
    { message: `no code mailed to ${email}` },
  );
}

async function newPage(options: { dark?: boolean } = {}): Promise<Page> {
  const context = await browser.newContext();
  contexts.push(context);
  const page = await context.newPage();
  if (options.dark) await page.emulateMedia({ colorScheme: 'dark' });
  return page;
}

/**
 * Presses Tab until the focused element matches `selector` (and has exactly the text `text`, when given):
 * keyboard only, no click, no focus().
 */
async function tabTo(page: Page, selector: string, text?: string, max = 80): Promise<void> {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    const reached = await page.evaluate(
      ([s, t]) => {
        const el = document.activeElement;
        return !!el?.matches(s as string) && (t === null || el.textContent?.trim() === t);
      },
      [selector, text ?? null] as const,
    );
    if (reached) return;
  }
  throw new Error(`Tab never reached ${selector} ${text ?? ''}`);
}

/** Signs in through the console's form with the keyboard alone. */
async function signIn(page: Page, email: string): Promise<void> {
  await page.locator('#sign-in-email').waitFor();
  await tabTo(page, '#sign-in-email');
  await page.keyboard.type(email);
  const asked = Date.now() - 1000;
  await page.keyboard.press('Enter');
  await page.locator('#sign-in-code').waitFor();
  await page.keyboard.type(await codeFromOutbox(email, asked)); // focus moved to the code field by itself
  await page.keyboard.press('Enter');
  await page.locator('header nav').waitFor();
}

/** A person who filed an erasure and once consented to body scans. */
async function personWithErasure(): Promise<{ id: string; email: string }> {
  const api = client(server.url);
  const email = `console-e2e-${newKey()}@example.com`;
  const token = await hostToken(`console-e2e-${newKey()}`, { email, emailVerified: true });
  const version = (await api.get('/v1/notice')).body.notice.version;
  await api.post(
    '/v1/consents',
    {
      purpose: 'biometric_scans',
      decision: 'grant',
      method: 'ui',
      control: 'just-in-time',
      surface: { kind: 'widget', app: 'twikfit' },
      noticeVersion: version,
      locale: 'en',
    },
    { token },
  );
  const filed = await api.post('/v1/requests', requestBodies.erasure, {
    token,
    headers: { 'idempotency-key': newKey() },
  });
  return { id: filed.body.id, email };
}

const statusText = (page: Page) => page.locator('main [role="status"]').first().textContent();

describe('the operator console in real Chromium', () => {
  it('R51, R70: an operator signs in by code, finds an erasure by e-mail, extends it with a reason, completes it after a fresh code, sees body scans masked, all by keyboard; the audit log shows it under their name', async () => {
    const person = await personWithErasure();
    const page = await newPage();
    const watch = await watchPage(page);
    await page.goto(`${server.url}/console?lang=en`);
    await signIn(page, DESK);

    // The queue: search by e-mail, open the request.
    await tabTo(page, '#queue-q');
    await page.keyboard.type(person.email);
    await page.keyboard.press('Enter');
    const link = page.getByRole('link', { name: en('queue.open', { id: person.id.slice(0, 8) }) });
    await link.waitFor();
    await tabTo(page, `a[href="#/requests/${person.id}"]`);
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 2 }).filter({ hasText: 'Erase your data' }).waitFor();

    // Extend, with a reason typed; the session ends before it is sent: what was typed survives a new sign-in.
    await tabTo(page, 'button', en('action.extend'));
    await page.keyboard.press('Enter');
    await tabTo(page, '#action-reason');
    await page.keyboard.type('Three systems hold your data; we need one more month.');
    await tabTo(page, '#action-months');
    await page.keyboard.press('ArrowUp'); // 2 months → 1 month
    const token = await page.evaluate(() => sessionStorage.getItem('twikit-console.token'));
    await client(server.url).delete('/v1/console/auth/session', { token: token! });
    await tabTo(page, 'button[type="submit"]', en('action.confirm', { action: en('action.extend') }));
    await page.keyboard.press('Enter');
    await page.getByText(en('signIn.ended')).waitFor();
    await signIn(page, DESK);
    await tabTo(page, 'button', en('action.extend'));
    await page.keyboard.press('Enter');
    expect(await page.locator('#action-reason').inputValue()).toBe(
      'Three systems hold your data; we need one more month.',
    );
    await tabTo(page, '#action-months');
    await page.keyboard.press('ArrowUp');
    await tabTo(page, 'button[type="submit"]', en('action.confirm', { action: en('action.extend') }));
    await page.keyboard.press('Enter');
    await waitFor(async () => (await statusText(page))?.includes('Extended'), {
      message: 'the extension was not shown as done',
    });
    expect(await page.locator('ol.timeline').textContent()).toContain(DESK);

    // Complete: an erasure asks for a fresh code first.
    await tabTo(page, 'button', en('action.complete'));
    await page.keyboard.press('Enter');
    await tabTo(page, 'button[type="submit"]', en('action.confirm', { action: en('action.complete') }));
    await page.keyboard.press('Enter');
    await page.getByText(en('stepUp.heading')).waitFor();
    await tabTo(page, 'button', en('stepUp.send'));
    const asked = Date.now() - 1000;
    await page.keyboard.press('Enter');
    await page.locator('#step-up-code').waitFor();
    await waitFor(() => page.evaluate(() => document.activeElement?.id === 'step-up-code'));
    await page.keyboard.type(await codeFromOutbox(DESK, asked));
    await page.keyboard.press('Enter');
    await waitFor(async () => (await statusText(page))?.includes('Completed'), {
      message: 'the completion was not shown as done',
    });

    // The export preview: body scans masked for an operator without `biometric` (R70).
    await tabTo(page, 'button', en('preview.show'));
    await page.keyboard.press('Enter');
    await page.locator('pre.preview').waitFor();
    expect(await page.locator('#preview-heading ~ p.status').textContent()).toBe(en('preview.masked', { count: 1 }));
    const shown = (await page.locator('pre.preview').textContent()) ?? '';
    expect(shown).toContain('[masked: body-scan data');
    expect(shown).not.toContain('just-in-time');
    // Expected: the 401 of the session ended on purpose above, and the 403 that asked for a fresh code.
    expect(
      await watch.problems({ ignore: [/status of 401 .*\/transitions/, /status of 403 .*\/transitions/] }),
    ).toEqual([]);

    // The DPO reads the audit log: each read and action under the operator's name (R51).
    const dpoPage = await newPage();
    await dpoPage.goto(`${server.url}/console/?lang=en#/audit`);
    await signIn(dpoPage, DPO);
    await dpoPage.goto(`${server.url}/console/?lang=en#/audit`);
    await dpoPage.locator('table tbody tr').first().waitFor();
    const rows = await dpoPage
      .locator('table tbody tr')
      .evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent ?? '')));
    const byDesk = rows.filter((r) => r[1] === DESK).map((r) => r[2]);
    for (const action of [
      'queue.read',
      'request.read',
      'request.extended',
      'console.step-up',
      'request.completed',
      'export.preview',
    ])
      expect(byDesk, action).toContain(action);
    const preview = rows.find((r) => r[1] === DESK && r[2] === 'export.preview');
    expect(preview?.[4]).toContain('"bodyScans":"masked"');
  });

  it('R70: a DPO holding biometric sees the scans; an operator sees no audit or keys link, and the API refuses them', async () => {
    const person = await personWithErasure();
    const page = await newPage();
    await page.goto(`${server.url}/console/?lang=en#/requests/${person.id}`);
    await signIn(page, DPO);
    await page.getByRole('button', { name: en('preview.show') }).click();
    await page.locator('pre.preview').waitFor();
    expect(await page.locator('pre.preview').textContent()).toContain('just-in-time');
    expect(await page.getByRole('link', { name: en('nav.audit') }).count()).toBe(1);

    const desk = await newPage();
    await desk.goto(`${server.url}/console/?lang=en`);
    await signIn(desk, DESK);
    expect(await desk.getByRole('link', { name: en('nav.audit') }).count()).toBe(0);
    expect(await desk.getByRole('link', { name: en('nav.keys') }).count()).toBe(0);
    const token = await desk.evaluate(() => sessionStorage.getItem('twikit-console.token'));
    expect((await client(server.url).get('/v1/console/audit', { token: token! })).status).toBe(403);
  });

  it("an operator sees each system's attempts and last failure on the request page, retries the failed one, and it is done", async () => {
    await shop.mode('error500');
    const api = client(server.url);
    const token = await hostToken(`console-e2e-${newKey()}`, {
      email: `console-e2e-${newKey()}@example.com`,
      emailVerified: true,
    });
    const filed = await api.post('/v1/requests', requestBodies.access, {
      token,
      headers: { 'idempotency-key': newKey() },
    });
    expect(filed.status, filed.text).toBe(201);
    const id = filed.body.id as string;
    await eventually('the shop refused the first delivery', async () => {
      const jobs = (await api.get(`/v1/admin/requests/${id}/jobs`, { token: ADMIN_TOKEN })).body.jobs;
      return jobs?.[0]?.attempts >= 1 && jobs[0].lastError;
    });

    const page = await newPage();
    await page.goto(`${server.url}/console/?lang=en`);
    await signIn(page, DESK);
    // The queue lists it among the requests waiting on the shop.
    await page.locator('#queue-waiting').selectOption('shop');
    await page.getByRole('button', { name: en('queue.searchButton') }).click();
    await page.getByRole('link', { name: en('queue.open', { id: id.slice(0, 8) }) }).click();
    const row = page.locator('tr[data-system="shop"]');
    await row.waitFor();
    expect(await row.locator('th').textContent()).toBe('Shop');
    expect(await row.locator('td').nth(1).textContent()).toMatch(/^1/);
    expect(await row.locator('td').nth(2).textContent()).toMatch(/500/);
    expect(await page.locator('.flag').allTextContents()).toContain(en('queue.flag.waiting'));

    // Marking confirmed asks for a note first; the form is keyboard-reachable and axe-clean.
    await tabTo(page, 'button', en('systems.confirm', { system: 'Shop' }));
    await page.keyboard.press('Enter');
    await page.locator('#confirm-note').waitFor();
    await page.getByRole('button', { name: en('systems.confirmSubmit') }).click();
    expect(await page.locator('#confirm-note-error').textContent()).toBe(en('systems.noteRequired'));
    expect(await runAxe(page)).toEqual([]);
    await page
      .getByRole('button', { name: en('action.cancel') })
      .first()
      .click();

    await shop.mode('ok');
    await tabTo(page, 'button', en('systems.retry', { system: 'Shop' }));
    await page.keyboard.press('Enter');
    await page.getByText(en('systems.retried', { system: 'Shop' })).waitFor();
    await eventually('the shop received the job again', async () => (await shop.jobsOf(id)).length > 0);
    await eventually('the shop answered', async () => {
      const jobs = (await api.get(`/v1/admin/requests/${id}/jobs`, { token: ADMIN_TOKEN })).body.jobs;
      return jobs[0].state === 'done';
    });
    await page.reload();
    await row.waitFor();
    expect(await row.locator('td').first().textContent()).toContain(en('systems.state.done'));
    expect(await row.getByRole('button').count()).toBe(0);
  });

  it('a DPO publishes a new notice version after the contract check, marks one change material and one editorial, compares versions, tests a system and reads the reports, by keyboard; an operator sees none of those controls and the API refuses them', async () => {
    await shop.mode('ok');
    await personWithErasure(); // a consent and a request for the reports to count
    const api = client(server.url);
    const current = (await api.get('/v1/notice?locale=en')).body.notice as NoticeDocument;
    const page = await newPage();
    const watch = await watchPage(page);
    await page.goto(`${server.url}/console/?lang=en`);
    await signIn(page, DPO);
    await tabTo(page, 'a', en('nav.notices'));
    await page.keyboard.press('Enter');
    await page.locator('#publish-json').waitFor();

    // A document the contract refuses: each problem is named by its place, and nothing is sent.
    await tabTo(page, '#publish-json');
    await page.keyboard.type('{"schemaVersion": 1, "version": "", "locale": "xx"}');
    await tabTo(page, 'button[type="submit"]', en('notices.publish.check'));
    await page.keyboard.press('Enter');
    const issues = page.locator('#publish-issues');
    await issues.waitFor();
    const listed = (await issues.textContent()) ?? '';
    expect(listed).toContain('documents[0].version: ');
    expect(listed).toContain(`documents[0].locale: ${en('notices.issue.value')}`);
    expect(listed).toContain(`documents[0].purposes: ${en('notices.issue.type')}`);
    expect((await api.get('/v1/admin/notices', { token: ADMIN_TOKEN })).body.versions).toHaveLength(1);

    // The next version, pasted without its hash: one purpose renamed (material), one description reworded (editorial).
    const { contentHash: _hash, ...rest } = current;
    const next = {
      ...rest,
      version: `${current.version}-e2e`,
      purposes: current.purposes.map((p) =>
        p.id === 'third_party_sharing'
          ? { ...p, title: 'Sharing with carriers and print partners' }
          : p.id === 'telemetry'
            ? { ...p, description: `${p.description} Reworded.` }
            : p,
      ),
    };
    await page.locator('#publish-json').fill(JSON.stringify(next, null, 2)); // as pasted
    await tabTo(page, 'button[type="submit"]', en('notices.publish.check'));
    await page.keyboard.press('Enter');
    await page.locator('#publish-preview').waitFor();
    const preview = (await page.locator('#publish-preview').textContent()) ?? '';
    expect(preview).toContain('Sharing with carriers and print partners');
    expect(preview).toContain('Reworded.');
    // Both changed, so both default to material; the reworded one is marked editorial with the arrow keys.
    expect(await page.locator('input[name="material-telemetry"]').first().isChecked()).toBe(true);
    await tabTo(page, 'input[name="material-telemetry"]');
    await page.keyboard.press('ArrowDown');
    expect(await page.locator('input[name="material-telemetry"]').nth(1).isChecked()).toBe(true);
    await tabTo(page, 'button', en('notices.publish.submit', { version: next.version }));
    await page.keyboard.press('Enter');
    await page.getByText(en('notices.publish.done', { version: next.version, count: 1 })).waitFor();
    const [release] = (await api.get('/v1/admin/notices', { token: ADMIN_TOKEN })).body.versions;
    expect(release).toMatchObject({ version: next.version, current: true });
    const materialOf = (id: string) => release.purposes.find((p: { purpose: string }) => p.purpose === id).material;
    expect([materialOf('third_party_sharing'), materialOf('telemetry'), materialOf('biometric_scans')]).toEqual([
      true,
      false,
      false,
    ]);

    // The two versions compared, per purpose and per field.
    await page.locator('#compare-earlier').waitFor();
    await tabTo(page, '#compare-earlier');
    await page.keyboard.press('End'); // the oldest: the version before
    await tabTo(page, 'button[type="submit"]', en('notices.compare.submit'));
    await page.keyboard.press('Enter');
    const compared = page.locator('#compare-result');
    await compared.waitFor();
    const captions = await compared.locator('caption').allTextContents();
    expect(captions).toEqual([
      st('en', 'changes.caption', { title: 'Sharing with carriers and print partners' }),
      st('en', 'changes.caption', { title: current.purposes.find((p) => p.id === 'telemetry')!.title }),
    ]);
    expect(await compared.locator('thead th').allTextContents()).toContain(
      st('en', 'changes.now', { version: next.version }),
    );
    expect(await compared.locator('tbody th').allTextContents()).toEqual([
      'Name',
      'Description',
      'Name',
      'Description',
    ]);

    // A test job through the shop's webhook: delivered, answered, audited.
    await tabTo(page, 'a', en('nav.systems'));
    await page.keyboard.press('Enter');
    await tabTo(page, 'button', en('systemsPage.test', { system: 'Shop' }));
    await page.keyboard.press('Enter');
    await page.getByText(en('systemsPage.outcome.answered', { system: 'Shop' })).waitFor();
    expect((await shop.received()).some((j) => j.event === 'request.test' && j.job.type === 'test')).toBe(true);

    // Reports: counts only, and the audit log of today as CSV.
    await tabTo(page, 'a', en('nav.reports'));
    await page.keyboard.press('Enter');
    await page.locator('#consent-report-heading ~ .table-wrap tbody tr').first().waitFor();
    const purposes = await page.locator('#consent-report-heading ~ .table-wrap tbody th').allTextContents();
    expect(purposes).toContain('biometric_scans');
    await page.locator('#request-report-heading ~ .table-wrap tbody tr').first().waitFor();
    // The test server's clock is not the browser's: the range is the server's day.
    const serverDay = server.clock.now().toISOString().slice(0, 10);
    await page.locator('#audit-from').fill(serverDay);
    await page.locator('#audit-to').fill(serverDay);
    await tabTo(page, 'button[type="submit"]', en('reports.audit.download'));
    const [download] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('Enter')]);
    expect(download.suggestedFilename()).toBe(`twikit-privacy-audit-${serverDay}-${serverDay}.csv`);
    const csv = readFileSync((await download.path())!, 'utf8');
    expect(csv.split('\r\n')[0]).toBe('seq,at,actorKind,actor,action,requestId,subjectId,detail');
    expect(csv).toContain(`"${DPO}","notice.publish"`);
    expect(csv).toContain(`"${DPO}","system.test"`);
    expect(await watch.problems()).toEqual([]);

    // An operator: the pages read, no publishing, no test job, no reports; the API refuses each.
    const desk = await newPage();
    await desk.goto(`${server.url}/console/?lang=en#/notices`);
    await signIn(desk, DESK);
    await desk.goto(`${server.url}/console/?lang=en#/notices`);
    await desk.locator('#compare-earlier').waitFor();
    expect(await desk.locator('#publish-json').count()).toBe(0);
    expect(await desk.getByRole('link', { name: en('nav.reports') }).count()).toBe(0);
    await desk.getByRole('link', { name: en('nav.systems') }).click();
    await desk.locator('#systems-heading ~ .table-wrap table').waitFor();
    expect(await desk.getByRole('button', { name: en('systemsPage.test', { system: 'Shop' }) }).count()).toBe(0);
    const token = (await desk.evaluate(() => sessionStorage.getItem('twikit-console.token')))!;
    const publish = await api.post('/v1/admin/notices', { documents: [current] }, { token });
    const test = await api.post('/v1/admin/systems/shop/test', undefined, { token });
    const report = await api.get('/v1/admin/reports/consents', { token });
    expect([publish.status, test.status, report.status]).toEqual([403, 403, 403]);
  });

  it('axe finds zero violations in every console view, in the four locales, light and dark', async () => {
    const { id } = await personWithErasure();
    const api = client(server.url);
    await api.post('/v1/console/auth/start', { email: DPO });
    const mail = [...server.deps.mailer.outbox!].reverse().find((m) => m.to === DPO)!;
    const session = await api.post('/v1/console/auth/verify', { email: DPO, code: /\b(\d{6})\b/.exec(mail.text)![1] });
    const found: string[] = [];
    for (const dark of [false, true]) {
      for (const lang of ['en', 'nl', 'fr', 'de'] as Locale[]) {
        const page = await newPage({ dark });
        await page.goto(`${server.url}/console/?lang=${lang}`);
        await page.locator('#sign-in-email').waitFor();
        const views: Array<[string, string, string]> = [
          ['sign-in', '', '#sign-in-email'],
          ['queue', '#/queue', '#queue-q'],
          ['request', `#/requests/${id}`, 'ol.timeline'],
          ['audit', '#/audit', '#audit-heading ~ .table-wrap table'],
          ['keys', '#/keys', '#keys-heading ~ .table-wrap table, #key-name'],
          ['notices', '#/notices', '#compare-earlier'],
          ['systems', '#/systems', '#systems-heading ~ .table-wrap table'],
          ['reports', '#/reports', '#request-report-heading ~ .table-wrap table'],
        ];
        for (const [name, hash, ready] of views) {
          if (name !== 'sign-in') {
            await page.evaluate((t) => sessionStorage.setItem('twikit-console.token', t), session.body.token);
            await page.goto(`${server.url}/console/?lang=${lang}${hash}`);
            await page.reload(); // a change of hash alone does not reload: the stored session is read at start
          }
          await page.locator(ready).first().waitFor();
          if (name === 'request') {
            await page.getByRole('button', { name: ct(lang, 'action.extend') }).click();
            await page.locator('#action-reason').waitFor();
          }
          if (name === 'notices') {
            // A comparison shown, and a draft the contract refuses with its problems listed.
            await page.getByRole('button', { name: ct(lang, 'notices.compare.submit'), exact: true }).click();
            await page.locator('#compare-result caption').first().waitFor();
            await page.locator('#publish-json').fill('{"schemaVersion": 1}');
            await page.getByRole('button', { name: ct(lang, 'notices.publish.check') }).click();
            await page.locator('#publish-issues').waitFor();
          }
          if (name === 'systems') {
            await page.getByRole('button', { name: ct(lang, 'systemsPage.test', { system: 'Shop' }) }).click();
            await page.getByText(ct(lang, 'systemsPage.outcome.answered', { system: 'Shop' })).waitFor();
          }
          expect(await page.evaluate(() => document.documentElement.lang)).toBe(lang);
          for (const v of await runAxe(page))
            found.push(`${lang} ${dark ? 'dark' : 'light'} ${name}: ${v.id} ${v.help} ${v.targets.join(' ')}`);
        }
        await page.context().close();
      }
    }
    expect(found).toEqual([]);
  }, 300_000);
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { NoticeDocument } from '../../shared/contract/notice.ts';
import { en } from '../../shared/i18n/messages/en.ts';
import { defaultNoticeEn } from '../../shared/notice/default-notice.ts';
import { acceptAllPurposes } from '../../shared/notice/purpose-rules.ts';
import { withContentHash } from '../../shared/notice/content-hash.ts';
import { ADMIN_TOKEN, client } from '../server/harness.ts';
import { runAxe, waitFor } from './browser.ts';
import {
  type World,
  gone,
  pageReads,
  readCache,
  shown,
  startWorld,
  uniqueSub,
  visit,
  widget,
  waitForCache,
} from './widget-fixture.ts';

// R12 in real Chromium: a consent given through the widget, then a notice version that changes its purpose
// materially, published through the operators' API while the page is away. On the next load the first layer is
// back, showing what changed, and the page reads the consent as not given until the person gives it again.

// The purpose "accept all" grants, found by its rule, never by name.
const PURPOSE = acceptAllPurposes(defaultNoticeEn.purposes)[0]!;
// "Accept all", or, when it covers one purpose, "Allow <that purpose>" (issue 17): either way the accepting choice.
const ACCEPT = /^(Accept all|Allow )/;

let world: World;
beforeAll(async () => {
  world = await startWorld();
}, 60_000);
afterAll(async () => world?.close());

/** Publishes the current notice as a new version whose `PURPOSE` says something else. */
async function publishChanged(): Promise<{ before: NoticeDocument; title: string; description: string }> {
  const api = client(world.server.url);
  const before = (await api.get<{ notice: NoticeDocument }>('/v1/notice')).body.notice;
  const title = 'Sharing with partners and advertisers';
  const description =
    'We also share your measurements with advertising partners, who may combine them with other data.';
  const { contentHash: _hash, ...rest } = before;
  const res = await api.post(
    '/v1/admin/notices',
    {
      documents: [
        await withContentHash({
          ...rest,
          version: `${before.version}-r12-${Date.now()}`,
          purposes: before.purposes.map((p) => (p.id === PURPOSE ? { ...p, title, description } : p)),
        }),
      ],
    },
    { token: ADMIN_TOKEN },
  );
  if (res.status !== 201) throw new Error(`publish: ${res.status} ${res.text}`);
  return { before, title, description };
}

describe('R12: a materially changed notice asks again, showing what changed', () => {
  it('R12: the first layer comes back with the old and new text side by side; get() reads false until the person grants again', async () => {
    const sub = uniqueSub('reconsent');
    const { page, context, watch } = await visit(world, { sub });
    const w = widget(page);

    // First visit: the first layer opens; the person accepts all.
    await shown(w.dialog);
    await w.dialog.getByRole('button', { name: ACCEPT }).click();
    await waitFor(async () => (await pageReads(page, PURPOSE)) === true, { message: 'the consent was not given' });
    await waitForCache(page, world, sub, (s) => s.purposes.some((p: any) => p.purpose === PURPOSE && p.active));
    await page.keyboard.press('Escape');
    await gone(w.dialog);

    const { before, title, description } = await publishChanged();
    const oldPurpose = before.purposes.find((p) => p.id === PURPOSE)!;

    // Next load: the first layer is back by itself, with what changed.
    await page.reload();
    await shown(w.dialog);
    const changes = w.dialog.getByRole('region', { name: en['changes.title'] });
    await shown(changes);
    const table = changes.getByRole('table', { name: en['changes.caption'].replace('{title}', title) });
    await shown(table);
    const headers = await table.getByRole('columnheader').allTextContents();
    expect(headers).toEqual([
      en['changes.aspect'],
      en['changes.before'].replace('{version}', before.version),
      expect.stringContaining(en['changes.now'].replace(' (version {version})', '')),
    ]);
    const rows = await table.getByRole('row').allTextContents();
    expect(rows).toContain(`${en['changes.field.title']}${oldPurpose.title}${title}`);
    expect(rows).toContain(`${en['changes.field.description']}${oldPurpose.description}${description}`);
    expect(await pageReads(page, PURPOSE)).toBe(false);
    expect(await runAxe(page)).toEqual([]);

    // The device remembers the expiry: with the server unreachable, the cached state still reads not given.
    await waitForCache(page, world, sub, (s) =>
      s.purposes.some((p: any) => p.purpose === PURPOSE && !p.active && p.expired?.reason === 'notice-changed'),
    );
    await context.route(`${world.server.url}/v1/consents`, (route) => route.abort());
    await page.reload();
    await waitFor(async () => (await pageReads(page, PURPOSE)) !== undefined, { message: 'no state from the cache' });
    expect(await pageReads(page, PURPOSE)).toBe(false);
    await context.unroute(`${world.server.url}/v1/consents`);

    // Back online: the person reads the change and accepts again; the consent counts from now on.
    await page.reload();
    await shown(changes);
    await w.dialog.getByRole('button', { name: ACCEPT }).click();
    await waitFor(async () => (await pageReads(page, PURPOSE)) === true, { message: 'the renewed consent' });
    await gone(changes);
    const cache = await readCache(page);
    expect(
      cache[`${world.server.url}|consents|host:${sub}`].purposes.find((p: any) => p.purpose === PURPOSE),
    ).not.toHaveProperty('expired');
    expect(await watch.problems({ ignore: [/net::ERR_FAILED|Failed to load resource/] })).toEqual([]);
  });
});

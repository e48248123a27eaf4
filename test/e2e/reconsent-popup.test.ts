import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { NoticeDocument } from '../../shared/contract/notice.ts';
import { en } from '../../shared/i18n/messages/en.ts';
import { defaultNoticeEn } from '../../shared/notice/default-notice.ts';
import { acceptAllPurposes } from '../../shared/notice/purpose-rules.ts';
import { withContentHash } from '../../shared/notice/content-hash.ts';
import { ADMIN_TOKEN, client } from '../server/harness.ts';
import { runAxe, waitFor } from './browser.ts';
import { signInThroughPopup, startExtensionWorld, type ExtensionWorld } from './extension-fixture.ts';

// R12 in the extension's popup (real Chromium, the unpacked build): a consent given in the popup expires when the
// operators publish a notice version that changes its purpose materially; the popup's first layer shows what changed
// until the person decides again.

const PURPOSE = acceptAllPurposes(defaultNoticeEn.purposes)[0]!;
// "Accept all", or, when it covers one purpose, "Allow <that purpose>" (issue 17): either way the accepting choice.
const ACCEPT = /^(Accept all|Allow )/;

describe('R12: the popup asks again after a material notice change', () => {
  let world: ExtensionWorld;
  beforeAll(async () => {
    world = await startExtensionWorld();
  });
  afterAll(async () => world?.close());

  it('R12: the popup shows the old and new text of the changed purpose and the consent reads not given until renewed', async () => {
    const api = client(world.server.url);
    const first = await world.openPopup();
    const email = 'reconsent-popup@example.com';
    await signInThroughPopup(world, first.page, email);
    await first.page.getByRole('button', { name: ACCEPT }).click();
    const subjectState = async () => {
      const rows = await world.server.deps.db.query<{ active: boolean; event: string }>(
        `select c.active, c.event from consent_records c join users u on u.id = c.subject_id
           where u.email = $1 and c.purpose = $2 order by c.seq`,
        [email, PURPOSE],
      );
      return rows.map((r) => r.event);
    };
    await waitFor(async () => (await subjectState()).at(-1) === 'given', { message: 'the consent was never given' });
    await first.page.close();

    const before = (await api.get<{ notice: NoticeDocument }>('/v1/notice')).body.notice;
    const oldPurpose = before.purposes.find((p) => p.id === PURPOSE)!;
    const title = 'Sharing with partners and advertisers';
    const { contentHash: _hash, ...rest } = before;
    const published = await api.post(
      '/v1/admin/notices',
      {
        documents: [
          await withContentHash({
            ...rest,
            version: `${before.version}-popup-r12`,
            purposes: before.purposes.map((p) => (p.id === PURPOSE ? { ...p, title } : p)),
          }),
        ],
      },
      { token: ADMIN_TOKEN },
    );
    expect(published.status, published.text).toBe(201);

    const again = await world.openPopup();
    const changes = again.page.getByRole('region', { name: en['changes.title'] });
    await changes.waitFor({ timeout: 10_000 });
    const table = changes.getByRole('table', { name: en['changes.caption'].replace('{title}', title) });
    await table.waitFor({ timeout: 10_000 });
    expect(await table.getByRole('row').allTextContents()).toContain(
      `${en['changes.field.title']}${oldPurpose.title}${title}`,
    );
    expect(await subjectState()).toEqual(['given', 'expired']);
    expect(await runAxe(again.page)).toEqual([]);

    await again.page.getByRole('button', { name: ACCEPT }).click();
    await changes.waitFor({ state: 'hidden', timeout: 10_000 });
    await waitFor(async () => (await subjectState()).at(-1) === 'given', { message: 'the consent was not renewed' });
    expect(await again.watch.problems()).toEqual([]);
  });
});

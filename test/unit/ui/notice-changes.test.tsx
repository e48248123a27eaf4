// @vitest-environment happy-dom
import { cleanup, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import type { Locale } from '../../../shared/contract/common.ts';
import type { NoticeDocument } from '../../../shared/contract/notice.ts';
import { de } from '../../../shared/i18n/messages/de.ts';
import { nl } from '../../../shared/i18n/messages/nl.ts';
import { defaultNoticeEn } from '../../../shared/notice/default-notice.ts';
import { acceptAllPurposes } from '../../../shared/notice/purpose-rules.ts';
import { FirstLayer } from '../../../shared/ui/FirstLayer.tsx';
import { createFakeCore, publishedNotice, renderWithCore } from './fake-core.ts';

afterEach(() => cleanup());

// The purpose whose consent expired, by its rule: the one "accept all" grants.
const PURPOSE = acceptAllPurposes(defaultNoticeEn.purposes)[0]!;

/** The current notice (version v2) and an earlier v1 whose purpose said something else, in `locales`. */
async function setup(locale: Locale, earlierLocales: Locale[]) {
  const current = { ...(await publishedNotice()), version: 'v2' };
  const fake = await createFakeCore({ locale, notice: current });
  for (const at of earlierLocales) {
    const earlier: NoticeDocument = {
      ...current,
      version: 'v1',
      locale: at,
      purposes: current.purposes.map((p) =>
        p.id === PURPOSE ? { ...p, title: `old title (${at})`, dataTypes: ['measurements'] } : p,
      ),
    };
    fake.server.earlier.set(`v1|${at}`, earlier);
  }
  fake.server.state.purposes = fake.server.state.purposes.map((p) =>
    p.purpose === PURPOSE
      ? { ...p, decided: true, expired: { reason: 'notice-changed', noticeVersion: 'v1', changedIn: 'v2' } }
      : p,
  );
  await fake.core.start();
  renderWithCore(fake.core, <FirstLayer onViewChange={() => undefined} />);
  return { ...fake, current };
}

describe('what changed, on the first layer (R12)', () => {
  it('R12: compares the purpose as agreed to with the purpose now, in a table with column and row headers, in the person’s language', async () => {
    const { server, current } = await setup('nl', ['en', 'nl']);
    const section = await screen.findByRole('region', { name: nl['changes.title'] });
    const now = current.purposes.find((p) => p.id === PURPOSE)!;
    const table = await within(section).findByRole('table', {
      name: nl['changes.caption'].replace('{title}', now.title),
    });
    expect(
      within(table)
        .getAllByRole('columnheader')
        .map((h) => h.textContent),
    ).toEqual([
      nl['changes.aspect'],
      nl['changes.before'].replace('{version}', 'v1'),
      nl['changes.now'].replace('{version}', 'v2'),
    ]);
    const rows = within(table)
      .getAllByRole('row')
      .slice(1)
      .map((row) => [...row.children].map((cell) => cell.textContent));
    expect(rows[0]).toEqual([nl['changes.field.title'], 'old title (nl)', now.title]);
    expect(rows[1]).toEqual([nl['changes.field.description'], now.description, now.description]);
    // Only the facts that changed follow: here the data used.
    expect(rows.slice(2)).toEqual([[nl['notice.table.dataType'], 'measurements', now.dataTypes.join(', ')]]);
    expect(server.earlierReads).toEqual(['v1|nl']);
  });

  it('R12: without a translation of the earlier version, shows its English text, marked as English', async () => {
    await setup('de', ['en']);
    const section = await screen.findByRole('region', { name: de['changes.title'] });
    const cell = await within(section).findByText('old title (en)');
    expect(cell.getAttribute('lang')).toBe('en');
  });

  it('R12: says so when the earlier text cannot be loaded, and shows nothing while no consent expired', async () => {
    await setup('nl', []);
    const section = await screen.findByRole('region', { name: nl['changes.title'] });
    await waitFor(() => expect(within(section).getByText(nl['changes.unavailable'])).toBeTruthy());
    cleanup();
    const fake = await createFakeCore({ locale: 'nl' });
    await fake.core.start();
    renderWithCore(fake.core, <FirstLayer onViewChange={() => undefined} />);
    expect(screen.queryByRole('region', { name: nl['changes.title'] })).toBeNull();
  });
});

// @vitest-environment happy-dom
import { cleanup, render } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { EXT_MESSAGES } from '../../../extension/messages/index.ts';
import type { Locale, Region } from '../../../shared/contract/common.ts';
import type { NoticeDocument } from '../../../shared/contract/notice.ts';
import { loadMessages } from '../../../shared/i18n/messages/index.ts';
import { defaultNoticeDocuments } from '../../../shared/notice/default-notices.ts';
import { I18nContext, createI18n } from '../../../shared/ui/I18nContext.ts';
import { NoticeResidency } from '../../../shared/ui/NoticeResidency.tsx';
import { ResidencyLine } from '../../../shared/ui/ResidencyLine.tsx';

afterEach(() => cleanup());

const REGIONS: readonly Region[] = ['eea', 'us_ca'];
const LOCALES: readonly Locale[] = ['en', 'nl', 'fr', 'de'];

/** The names a region goes by in the UI catalogues of every language, which must not appear unless the notice uses them. */
const OTHER_NAMES = ['USA', 'VS', 'États-Unis', 'Kanada', 'Canada', 'EEA', 'EER', 'EEE', 'EWR'];

async function noticeIn(locale: Locale): Promise<NoticeDocument> {
  const doc = (await defaultNoticeDocuments()).find((d) => d.locale === locale);
  if (!doc) throw new Error(`no notice in ${locale}`);
  return doc;
}

const namesIn = (notice: NoticeDocument) =>
  Object.fromEntries(notice.residency.regions.map((r) => [r.region, r.residents])) as Record<Region, string>;

async function renderIn(locale: Locale, ui: preact.ComponentChild) {
  await loadMessages(locale);
  return render(<I18nContext.Provider value={createI18n(locale)}>{ui}</I18nContext.Provider>);
}

describe('one name per region on every surface, the notice’s', () => {
  for (const locale of LOCALES) {
    it(`in ${locale}, the extension options label each region with the notice’s name for it`, async () => {
      const names = namesIn(await noticeIn(locale));
      for (const region of REGIONS) expect(EXT_MESSAGES[locale][`options.region.${region}`]).toBe(names[region]);
    });

    it(`in ${locale}, the first layer (widget and popup) names the person’s region as the notice does`, async () => {
      const notice = await noticeIn(locale);
      const names = namesIn(notice);
      for (const region of REGIONS) {
        const { container } = await renderIn(locale, <ResidencyLine notice={notice} region={region} />);
        expect(container.textContent).toContain(names[region]);
        cleanup();
      }
    });

    it(`in ${locale}, the first layer without a known region names both regions as the notice does, and in no other words`, async () => {
      const notice = await noticeIn(locale);
      const names = namesIn(notice);
      const { container } = await renderIn(locale, <ResidencyLine notice={notice} region={undefined} />);
      const text = container.textContent ?? '';
      for (const region of REGIONS) expect(text).toContain(names[region]);
      // Whatever remains once the notice's own words (names and locations) are taken out names no region.
      const own = notice.residency.regions.flatMap((r) => [r.residents, r.location]);
      const rest = own.reduce((acc, words) => acc.split(words).join(''), text);
      for (const other of OTHER_NAMES) expect(rest).not.toMatch(new RegExp(`(^|[^\\p{L}])${other}([^\\p{L}]|$)`, 'u'));
    });

    it(`in ${locale}, the full notice lists each region under the notice’s name for it`, async () => {
      const notice = await noticeIn(locale);
      const names = namesIn(notice);
      const { container } = await renderIn(locale, <NoticeResidency residency={notice.residency} region="eea" />);
      const items = [...container.querySelectorAll('.tp-regions li')].map((li) => li.textContent ?? '');
      for (const region of REGIONS) expect(items.some((item) => item.startsWith(`${names[region]}:`))).toBe(true);
    });
  }
});

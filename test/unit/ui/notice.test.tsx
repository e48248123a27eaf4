// @vitest-environment happy-dom
import { cleanup, screen, within } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import { NoticeDocument } from '../../../shared/contract/notice.ts';
import { defaultNoticeDocuments } from '../../../shared/notice/default-notices.ts';
import { defaultNoticeEn, withContentHash } from '../../../shared/notice/index.ts';
import { FirstLayer } from '../../../shared/ui/FirstLayer.tsx';
import { FullNotice } from '../../../shared/ui/FullNotice.tsx';
import { createFakeCore, renderWithCore } from './fake-core.ts';

afterEach(() => cleanup());

async function setup(options: Parameters<typeof createFakeCore>[0] = {}) {
  const fake = await createFakeCore(options);
  await fake.core.start();
  const view = renderWithCore(fake.core, <FullNotice app={options.app} region={options.region} />);
  return { ...fake, view };
}

const sectionTitles = () => screen.getAllByRole('heading', { level: 3 }).map((h) => h.textContent);

describe('full notice', () => {
  it('R13: notice text is marked with its own language', async () => {
    // A notice published only in English, served to a Dutch UI: its text says it is English, the UI's is Dutch.
    const { view, core } = await setup({ locale: 'nl', notice: await withContentHash(defaultNoticeEn) });
    expect(core.locale.value).toBe('nl');
    const article = view.container.querySelector('article');
    expect(article?.getAttribute('lang')).toBe('en');
    // UI headings inside are in the UI's language (Dutch once its catalogue has loaded) and say so.
    const heading = await screen.findByRole('heading', { name: 'Beveiliging van gegevens' });
    expect(heading.getAttribute('lang')).toBe('nl');
  });

  it('R13: a translated notice is marked with its language and says at its top, in that language, that the English text prevails', async () => {
    const notice = (await defaultNoticeDocuments()).find((d) => d.locale === 'nl')!;
    const { view } = await setup({ locale: 'nl', notice });
    const article = view.container.querySelector('article')!;
    expect(article.getAttribute('lang')).toBe('nl');
    const note = await screen.findByText('Dit is een vertaling; de Engelse tekst heeft voorrang.');
    expect(note.getAttribute('lang')).toBe('nl');
    // At the top: straight after the title and version line, before the notice's own text.
    const blocks = [...article.children].map((el) => el.textContent);
    expect(blocks.indexOf(note.textContent)).toBe(2);
    expect(screen.getByRole('heading', { level: 2, name: 'Privacyverklaring' })).toBeTruthy();
    expect(screen.getByText('Europese Economische Ruimte (EER): Ierland')).toBeTruthy();
  });

  it('R13: the English notice, the original, carries no translation note', async () => {
    await setup();
    expect(screen.queryByText(/the English text prevails/)).toBeNull();
  });

  it('R1–R9: shows every section of the notice in order', async () => {
    await setup();
    expect(screen.getByRole('heading', { level: 2, name: 'Privacy Notice' })).toBeTruthy();
    expect(sectionTitles()).toEqual([
      'Who is responsible for your data',
      'What personal data we process and why',
      'Categories of data',
      'Where your data is stored and transferred',
      'How long we keep data',
      'How we share data',
      'Data security',
      'Your rights',
      'Complaints',
      'Automated decision-making',
    ]);
  });

  it('R2: the processing table has a caption and column and row headers', async () => {
    await setup();
    const table = screen.getByRole('table');
    expect(table.querySelector('caption')?.textContent).toMatch(/legal basis/);
    const cols = within(table).getAllByRole('columnheader');
    expect(cols.map((c) => c.getAttribute('scope'))).toEqual(Array(6).fill('col'));
    const rows = within(table).getAllByRole('rowheader');
    expect(rows.map((r) => [r.textContent, r.getAttribute('scope')])).toEqual([
      ['Account User Data', 'row'],
      ['Telemetry Data', 'row'],
      ['Support Data', 'row'],
      ['Biometric Data', 'row'],
    ]);
  });

  it("R2: the current app's rows come first", async () => {
    const notice = await withContentHash({
      ...defaultNoticeEn,
      processing: { ...defaultNoticeEn.processing, rows: [...defaultNoticeEn.processing.rows].reverse() },
    });
    await setup({ notice, app: 'twikit_live' });
    const rows = within(screen.getByRole('table'))
      .getAllByRole('rowheader')
      .map((r) => r.textContent);
    expect(rows).toEqual(['Support Data', 'Telemetry Data', 'Account User Data', 'Biometric Data']);
  });

  it('R3, R4: the telemetry row names its legitimate interest and the body-scan row its special category', async () => {
    await setup();
    const table = screen.getByRole('table');
    const row = (name: string) => within(table).getByRole('rowheader', { name }).closest('tr')?.textContent ?? '';
    expect(row('Telemetry Data')).toContain('legitimate interest in supporting the services');
    expect(row('Biometric Data')).toContain(
      'Special-category (health-related) data: processed only with your explicit consent.',
    );
    expect(row('Biometric Data')).toContain('If you do not consent, we cannot make a design from a scan');
  });

  it("R5: the person's storage region is highlighted", async () => {
    await setup({ region: 'us_ca' });
    const yours = screen.getByText('Applies to you').closest('li');
    expect(yours?.className).toBe('tp-yours');
    expect(yours?.textContent).toContain('USA or Canada: California, United States');
  });

  it('R8: the right to object sits in its own separate block', async () => {
    await setup();
    const block = screen.getByRole('region', { name: 'Your right to object or restrict the processing' });
    expect(block.className).toContain('tp-separate');
  });

  it('R7: the complaint authority has its address, phone links and websites opening safely', async () => {
    await setup();
    expect(screen.getByText(/Rue de la Presse 35, 1000 Bruxelles/)).toBeTruthy();
    expect(screen.getByRole('link', { name: '02 274 48 00' }).getAttribute('href')).toBe('tel:022744800');
    const site = screen.getByRole('link', { name: /dataprotectionauthority\.be/ });
    expect(site.getAttribute('target')).toBe('_blank');
    expect(site.getAttribute('rel')).toBe('noopener noreferrer');
  });

  it('R1: the privacy contact is a mailto link', async () => {
    await setup();
    for (const link of screen.getAllByRole('link', { name: 'privacy@twikit.com' }))
      expect(link.getAttribute('href')).toBe('mailto:privacy@twikit.com');
  });

  it('R12: shows the version id and effective date', async () => {
    await setup();
    expect(screen.getByText('Version 2026-12-03, effective December 3, 2026')).toBeTruthy();
  });

  it('R9: says when the notice makes no statement on automated decision-making', async () => {
    await setup();
    expect(screen.getByText('The notice makes no statement on automated decision-making.')).toBeTruthy();
  });

  it('R9: shows the statement on automated decision-making when there is one', async () => {
    const notice = await withContentHash({
      ...defaultNoticeEn,
      automatedDecisions: 'We make no decisions based solely on automated processing.',
    });
    await setup({ notice });
    expect(screen.getByText('We make no decisions based solely on automated processing.')).toBeTruthy();
  });
});

describe('notice text is data, never markup', () => {
  const hostile = async (websites = ['https://www.dataprotectionauthority.be']): Promise<NoticeDocument> =>
    withContentHash({
      ...defaultNoticeEn,
      controller: { ...defaultNoticeEn.controller, name: '<img src=x onerror=alert(1)>' },
      complaint: { ...defaultNoticeEn.complaint, authority: { ...defaultNoticeEn.complaint.authority, websites } },
    });

  it('notice text with markup is shown as text, never as HTML', async () => {
    const notice = await hostile();
    const fake = await createFakeCore({ notice });
    await fake.core.start();
    const { container } = renderWithCore(
      fake.core,
      <>
        <FirstLayer onViewChange={() => undefined} />
        <FullNotice />
      </>,
    );
    expect(container.querySelector('img')).toBeNull();
    expect(screen.getAllByText(/<img src=x onerror=alert\(1\)>/).length).toBeGreaterThanOrEqual(2);
  });

  it('a notice with a javascript: website fails the contract, so it never reaches the screen', async () => {
    const parsed = z.safeParse(NoticeDocument, await hostile(['javascript:alert(1)']));
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0]?.path).toEqual(['complaint', 'authority', 'websites', 0]);
  });
});

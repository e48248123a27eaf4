// @vitest-environment happy-dom
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/preact';
import { useState } from 'preact/hooks';
import { afterEach, describe, expect, it } from 'vitest';
import { ApiError } from '../../../shared/api/api-error.ts';
import type { Region } from '../../../shared/contract/common.ts';
import { defaultNoticeEn, withContentHash } from '../../../shared/notice/index.ts';
import { defaultNoticeDocuments } from '../../../shared/notice/default-notices.ts';
import { memoryCache } from '../../../shared/storage/cache.ts';
import { Panel } from '../../../shared/ui/Panel.tsx';
import type { PanelView } from '../../../shared/ui/views.ts';
import { createFakeCore, renderWithCore } from './fake-core.ts';

afterEach(() => cleanup());

function Harness({ initial = 'overview', region }: { initial?: PanelView; region?: Region }) {
  const [view, setView] = useState<PanelView>(initial);
  return <Panel view={view} onViewChange={setView} region={region} />;
}

describe('panel', () => {
  it('marks the current view in the nav with aria-current="page"', async () => {
    const { core } = await createFakeCore();
    await core.start();
    renderWithCore(core, <Harness />);
    const nav = screen.getByRole('navigation', { name: 'Privacy controls' });
    expect(nav.querySelectorAll('[aria-current="page"]')).toHaveLength(1);
    expect(screen.getByRole('button', { name: 'Overview' }).getAttribute('aria-current')).toBe('page');
    fireEvent.click(screen.getByRole('button', { name: 'Your choices' }));
    expect(await screen.findByRole('heading', { level: 2, name: 'Your privacy choices' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Your choices' }).getAttribute('aria-current')).toBe('page');
    expect(screen.getByRole('button', { name: 'Overview' }).hasAttribute('aria-current')).toBe(false);
  });

  it('R11: one click on the first layer opens the full notice and moves focus to its heading', async () => {
    const { core } = await createFakeCore();
    await core.start();
    renderWithCore(core, <Harness />);
    fireEvent.click(screen.getByRole('button', { name: 'Read the full privacy notice' }));
    const heading = await screen.findByRole('heading', { level: 2, name: 'Privacy notice' });
    await waitFor(() => expect(document.activeElement).toBe(heading));
    expect(screen.getByRole('table')).toBeTruthy();
  });

  for (const [locale, title] of [
    ['en', 'privacy notice'],
    ['nl', 'privacyverklaring'],
  ] as const) {
    it(`the full notice view (${locale}) has one heading saying "${title}", not the view's and the notice's both`, async () => {
      const notice = (await defaultNoticeDocuments()).find((d) => d.locale === locale);
      const { core } = await createFakeCore({ locale, notice });
      await core.start();
      const { container } = renderWithCore(core, <Harness initial="notice" />);
      await waitFor(() => expect(container.querySelector('.tp-panel')?.getAttribute('lang')).toBe(locale));
      expect(await screen.findByRole('table')).toBeTruthy();
      const saying = screen.getAllByRole('heading').filter((h) => h.textContent?.trim().toLowerCase() === title);
      expect(saying).toHaveLength(1);
      expect(saying[0]?.tagName).toBe('H2');
    });
  }

  it('shows a busy loading state until the notice is there', async () => {
    const { core } = await createFakeCore();
    const { container } = renderWithCore(core, <Harness />);
    expect(container.querySelector('.tp-view')?.getAttribute('aria-busy')).toBe('true');
    expect(screen.getByText('Loading the privacy notice…')).toBeTruthy();
    await core.start();
    await waitFor(() => expect(container.querySelector('.tp-view')?.getAttribute('aria-busy')).toBe('false'));
    expect(screen.getByRole('button', { name: 'Allow sharing with third parties' })).toBeTruthy();
  });

  it('says the notice could not be loaded, in words chosen by the error kind, and can try again', async () => {
    const { core, server } = await createFakeCore({
      fail: { notice: new ApiError('server', '<h1>502 Bad Gateway</h1>', 502) },
    });
    await core.start();
    renderWithCore(core, <Harness />);
    expect(screen.getByRole('alert').textContent).toBe('Something went wrong on our side. Try again later.');
    expect(screen.queryByText(/Bad Gateway/)).toBeNull();
    delete server.fail.notice;
    fireEvent.click(screen.getByRole('button', { name: 'Try again' }));
    expect(await screen.findByRole('button', { name: 'Allow sharing with third parties' })).toBeTruthy();
  });

  it('offline with a saved copy: shows it and says changes are kept and sent later', async () => {
    const cache = memoryCache();
    const online = await createFakeCore({ cache });
    await online.core.start();
    const offline = await createFakeCore({
      cache,
      fail: { notice: new ApiError('offline', 'x'), consents: new ApiError('offline', 'x') },
    });
    await offline.core.start();
    renderWithCore(offline.core, <Harness />);
    const status = screen.getByText(
      'You are offline — showing what this device saved. What you change is kept here and sent when the connection is back.',
    );
    expect(status.getAttribute('role')).toBe('status');
    expect(screen.getByRole('button', { name: 'Allow sharing with third parties' })).toBeTruthy();
  });

  it('R13: the panel says which language its own text is in', async () => {
    const { core } = await createFakeCore({ locale: 'fr' });
    await core.start();
    const { container } = renderWithCore(core, <Harness />);
    // Until the French catalogue has loaded the UI is English and says so; then it is French and says that.
    expect(container.querySelector('.tp-panel')?.getAttribute('lang')).toBe('en');
    await waitFor(() => expect(container.querySelector('.tp-panel')?.getAttribute('lang')).toBe('fr'));
    expect(screen.getByRole('button', { name: 'Autoriser le partage avec des tiers' })).toBeTruthy();
  });

  it('R13: a French panel given a notice only in English puts no English name in a French sentence', async () => {
    const { core } = await createFakeCore({ locale: 'fr', notice: await withContentHash(defaultNoticeEn) });
    await core.start();
    renderWithCore(core, <Harness />);
    expect(await screen.findByRole('button', { name: 'Tout accepter' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Tout refuser' })).toBeTruthy();
    expect(screen.queryByRole('button', { name: /^Autoriser / })).toBeNull();
  });

  it('the requests view needs no notice to open', async () => {
    const { core } = await createFakeCore({ fail: { notice: new ApiError('offline', 'x') } });
    renderWithCore(core, <Harness initial="requests" />);
    expect(await screen.findByRole('heading', { name: 'Make a request' })).toBeTruthy();
  });
});

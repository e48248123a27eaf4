// @vitest-environment happy-dom
// Purposes come from the notice (issue 13.1): given a notice version that adds a newsletter and retires the
// objection purpose, the consents view and the first layer show and decide exactly that notice's purposes.
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { en } from '../../../shared/i18n/messages/en.ts';
import { ConsentList } from '../../../shared/ui/ConsentList.tsx';
import { FirstLayer } from '../../../shared/ui/FirstLayer.tsx';
import { defaultNoticeEn } from '../../../shared/notice/default-notice.ts';
import { changedNotice, KEPT, NEWSLETTER, RETIRED } from '../../server/changed-notice.ts';
import { createFakeCore, renderWithCore, serverActive } from './fake-core.ts';

afterEach(() => cleanup());

const SPECIAL = KEPT.find((p) => p.specialCategory)!;
const SHARED = KEPT.find((p) => p.gpc === 'off')!;

async function setup(ui: 'consents' | 'first', options: { gpc?: boolean; withoutSpecial?: boolean } = {}) {
  const changed = await changedNotice();
  const notice = options.withoutSpecial
    ? { ...changed, purposes: changed.purposes.filter((p) => !p.specialCategory) }
    : changed;
  const fake = await createFakeCore({ notice, ...(options.gpc ? { gpc: true } : {}) });
  await fake.core.start();
  renderWithCore(fake.core, ui === 'consents' ? <ConsentList /> : <FirstLayer onViewChange={() => undefined} />);
  await fake.core.notice.settled();
  return fake;
}

describe('a notice version that adds and retires purposes, in the consents view', () => {
  it("shows the added purpose's switch, off, and nothing of the retired one", async () => {
    await setup('consents');
    const names = screen.getAllByRole('switch').map((s) => s.textContent ?? '');
    expect(names).toHaveLength(KEPT.filter((p) => p.kind === 'consent').length + 1);
    const newsletter = screen.getByRole('switch', { name: NEWSLETTER.title });
    expect(newsletter.getAttribute('aria-checked')).toBe('false');
    expect(screen.queryByText(RETIRED.title)).toBeNull();
    expect(screen.queryByText(RETIRED.description)).toBeNull();
  });

  it('switching the added purpose on records it, announced by the name the notice gives it', async () => {
    const { server } = await setup('consents');
    fireEvent.click(screen.getByRole('switch', { name: NEWSLETTER.title }));
    await waitFor(() => expect(serverActive(server, NEWSLETTER.id)).toBe(true));
    await waitFor(() => expect(screen.getByText(new RegExp(`Consent for ${NEWSLETTER.name} given`))).toBeTruthy());
  });
});

describe('a notice version that adds and retires purposes, on the first layer', () => {
  it('R17, R22: "Accept all" grants what this notice puts in it, the added purpose too, never the special category', async () => {
    const { server } = await setup('first');
    expect(screen.getByText(NEWSLETTER.title)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Accept all' }));
    await waitFor(() => expect(serverActive(server, NEWSLETTER.id)).toBe(true));
    expect(serverActive(server, SHARED.id)).toBe(true);
    expect(serverActive(server, SPECIAL.id)).toBe(false);
    expect(server.decisions.map((d) => d.purpose)).not.toContain(RETIRED.id);
  });

  it('R28, R29: with GPC on, "Accept all" leaves alone what this notice says GPC keeps off, and grants the rest', async () => {
    const { server } = await setup('first', { gpc: true });
    fireEvent.click(screen.getByRole('button', { name: 'Accept all' }));
    await waitFor(() => expect(serverActive(server, NEWSLETTER.id)).toBe(true));
    expect(serverActive(server, SHARED.id)).toBe(false);
    // The retired objection purpose is not objected to by GPC: the notice in force no longer has it.
    expect(server.decisions.map((d) => d.purpose)).not.toContain(RETIRED.id);
    expect(defaultNoticeEn.purposes.map((p) => p.id)).toContain(RETIRED.id);
  });

  it('says body scans are asked separately only while the notice has a purpose asked just in time', async () => {
    await setup('first');
    expect(screen.getByText(en['first.scansSeparately'])).toBeTruthy();
    cleanup();
    await setup('first', { withoutSpecial: true });
    expect(screen.queryByText(en['first.scansSeparately'])).toBeNull();
    expect(screen.queryByText(en['first.biometric'])).toBeNull();
    expect(screen.getByRole('button', { name: 'Accept all' })).toBeTruthy();
  });
});

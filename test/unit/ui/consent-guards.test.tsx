// @vitest-environment happy-dom
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { ApiError } from '../../../shared/api/api-error.ts';
import { ConsentList } from '../../../shared/ui/ConsentList.tsx';
import { FirstLayer } from '../../../shared/ui/FirstLayer.tsx';
import { FullNotice } from '../../../shared/ui/FullNotice.tsx';
import { createFakeCore, renderWithCore, serverActive } from './fake-core.ts';

afterEach(() => cleanup());

async function setup(ui: 'consents' | 'first' | 'notice', options: Parameters<typeof createFakeCore>[0] = {}) {
  const fake = await createFakeCore(options);
  await fake.core.start();
  const views = {
    consents: <ConsentList />,
    first: <FirstLayer app="twikfit" region={undefined} onViewChange={() => undefined} />,
    notice: <FullNotice app="twikfit" region={undefined} />,
  };
  renderWithCore(fake.core, views[ui]);
  return fake;
}

const scans = () => screen.getByRole('switch', { name: 'Body scans in TwikFit' });
const sharing = () => screen.getByRole('switch', { name: 'Sharing with third parties' });
const sharingDecisions = (decisions: Array<{ purpose: string; decision: string; control?: string | undefined }>) =>
  decisions.filter((d) => d.purpose === 'third_party_sharing').map((d) => [d.decision, d.control]);

describe('the body-scan step and the age of consent', () => {
  it('R27: the body-scan step asks the person to confirm they are 13 or older before they consent', async () => {
    await setup('consents');
    fireEvent.click(scans());
    expect(await screen.findByText('You confirm you are 13 or older.')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'I am under 13' })).toBeTruthy();
  });

  it('R27: under 13, the step says a parent or guardian must decide, and records nothing', async () => {
    const { server } = await setup('consents');
    fireEvent.click(scans());
    fireEvent.click(await screen.findByRole('button', { name: 'I am under 13' }));
    const child = await screen.findByText('Under 13, a parent or guardian must decide.');
    expect(child.getAttribute('role')).toBe('status');
    expect(screen.queryByRole('button', { name: 'I consent' })).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Not now' }));
    await waitFor(() => expect(screen.queryByText(/a parent or guardian must decide/)).toBeNull());
    expect(server.decisions).toEqual([]);
    expect(scans().getAttribute('aria-checked')).toBe('false');
  });
});

describe('conflicts with Global Privacy Control', () => {
  it('R29: with GPC on, switching sharing on asks to confirm; "keep it off" records nothing', async () => {
    const { server } = await setup('consents', { gpc: true });
    fireEvent.click(sharing());
    expect(await screen.findByRole('heading', { name: 'Share despite Global Privacy Control?' })).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Not now' }));
    await waitFor(() => expect(document.activeElement).toBe(sharing()));
    expect(sharingDecisions(server.decisions).filter(([d]) => d === 'grant')).toEqual([]);
    expect(serverActive(server, 'third_party_sharing')).toBe(false);
  });

  it('R29: a confirmed exception is recorded as such (control gpc-override-confirmed)', async () => {
    const { server } = await setup('consents', { gpc: true });
    fireEvent.click(sharing());
    fireEvent.click(await screen.findByRole('button', { name: 'I consent' }));
    await waitFor(() => expect(serverActive(server, 'third_party_sharing')).toBe(true));
    expect(sharingDecisions(server.decisions).at(-1)).toEqual(['grant', 'gpc-override-confirmed']);
  });

  it('R29: without GPC, switching sharing on asks nothing', async () => {
    const { server } = await setup('consents');
    fireEvent.click(sharing());
    await waitFor(() => expect(serverActive(server, 'third_party_sharing')).toBe(true));
    expect(screen.queryByRole('heading', { name: 'Share despite Global Privacy Control?' })).toBeNull();
    expect(sharingDecisions(server.decisions)).toEqual([['grant', 'toggle']]);
  });

  it('R29: "Accept all" with GPC on never creates the exception', async () => {
    const { server } = await setup('first', { gpc: true });
    fireEvent.click(screen.getByRole('button', { name: 'Allow sharing with third parties' }));
    await new Promise((resolve) => setTimeout(resolve, 100)); // time for a wrongly sent decision to arrive
    expect(server.decisions.filter((d) => d.control === 'accept-all')).toEqual([]);
    expect(sharingDecisions(server.decisions).filter(([d]) => d === 'grant')).toEqual([]);
    expect(serverActive(server, 'third_party_sharing')).toBe(false);
  });

  it('R29: the notice explains how conflicts with GPC are handled', async () => {
    await setup('notice');
    const how = screen.getByText(/With Global Privacy Control, sharing is on only if you confirm it/);
    expect(how.closest('section')?.querySelector('h3')?.textContent).toBe('How we share data');
  });
});

describe('a decision under a replaced notice', () => {
  it('R12: refused because its notice was replaced, the switch stays off, the person is told, and the notice is asked for again', async () => {
    const { core, server } = await setup('consents');
    server.fail.decide = new ApiError('conflict', 'replaced', 409, {
      type: 'https://privacy.twikit.com/problems/notice-version-superseded',
      title: 'This notice version has been replaced',
      detail: 'Notice version "old" has been replaced by "new"; show the current notice and ask again.',
    });
    fireEvent.click(sharing());
    expect(
      await screen.findByText('This changed in the meantime. Reload to see the current state, then try again.'),
    ).toBeTruthy();
    expect(core.consents.noticeChanged.value).toBe(1); // core.ts reloads the notice on this (notice-superseded.test.ts)
    expect(sharing().getAttribute('aria-checked')).toBe('false');
    expect(serverActive(server, 'third_party_sharing')).toBe(false);
  });
});

// @vitest-environment happy-dom
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { FirstLayer } from '../../../shared/ui/FirstLayer.tsx';
import { createFakeCore, renderWithCore, serverActive } from './fake-core.ts';

afterEach(() => cleanup());

async function setup(options: Parameters<typeof createFakeCore>[0] = {}) {
  const fake = await createFakeCore(options);
  await fake.core.start();
  const views: string[] = [];
  renderWithCore(
    fake.core,
    <FirstLayer app={options.app} region={options.region} onViewChange={(v) => views.push(v)} />,
  );
  return { ...fake, views };
}

describe('first layer', () => {
  it('R10: shows the controller, its address and the privacy e-mail as a mailto link', async () => {
    await setup();
    expect(screen.getByText(/Twikit NV, Hessenplein 2, 2000 Antwerpen, Belgium/)).toBeTruthy();
    const mail = screen.getByRole('link', { name: 'privacy@twikit.com' });
    expect(mail.getAttribute('href')).toBe('mailto:privacy@twikit.com');
  });

  it('R10: puts body scans and the storage location first, before identity and purposes', async () => {
    await setup({ region: 'us_ca' });
    const headings = screen.getAllByRole('heading', { level: 3 }).map((h) => h.textContent);
    expect(headings[0]).toBe('Most important');
    const key = screen.getByRole('region', { name: 'Most important' });
    expect(within(key).getByText(/special-category data/)).toBeTruthy();
    expect(within(key).getByText('California, United States')).toBeTruthy();
  });

  it('R5: a resident of the EEA is told their data is stored in Ireland', async () => {
    await setup({ region: 'eea' });
    const key = screen.getByRole('region', { name: 'Most important' });
    expect(key.textContent).toContain('your data is stored in Ireland by Amazon AWS');
    expect(key.textContent).not.toContain('California');
  });

  it('R10: lists each purpose on one line and the rights in short', async () => {
    await setup();
    const purposes = screen.getByRole('region', { name: 'What your data is used for' });
    const lines = within(purposes)
      .getAllByRole('listitem')
      .map((li) => li.textContent ?? '');
    expect(lines.some((l) => l.startsWith('Account User Data'))).toBe(true);
    expect(lines.some((l) => l.startsWith('Biometric Data'))).toBe(true);
    expect(lines.some((l) => l.startsWith('Sharing with third parties: only if you agree'))).toBe(true);
    expect(screen.getByRole('region', { name: 'Your rights' }).textContent).toMatch(/withdraw consent at any time/);
  });

  it('R11: the full notice is one click away', async () => {
    const { views } = await setup();
    fireEvent.click(screen.getByRole('button', { name: 'Read the full privacy notice' }));
    expect(views).toEqual(['notice']);
  });

  it('R12: shows the notice version and its effective date', async () => {
    await setup();
    expect(screen.getByText('Version 2026-12-03, effective December 3, 2026')).toBeTruthy();
  });

  it('R17: Accept all and Reject all are buttons with the same classes', async () => {
    await setup();
    const accept = screen.getByRole('button', { name: 'Allow sharing with third parties' });
    const reject = screen.getByRole('button', { name: 'Don’t allow' });
    expect(reject.tagName).toBe('BUTTON');
    expect(accept.className).toBe(reject.className);
    expect(accept.parentElement).toBe(reject.parentElement);
    expect(screen.queryByRole('link', { name: /reject/i })).toBeNull();
  });

  it('R22: Accept all never switches body scans on', async () => {
    const { server } = await setup({ app: 'twikfit' });
    fireEvent.click(screen.getByRole('button', { name: 'Allow sharing with third parties' }));
    await waitFor(() => expect(serverActive(server, 'third_party_sharing')).toBe(true));
    expect(server.decisions.map((d) => [d.purpose, d.decision, d.control])).toEqual([
      ['third_party_sharing', 'grant', 'accept-all'],
    ]);
    expect(serverActive(server, 'biometric_scans')).toBe(false);
    expect(screen.getByText('Body scans are always asked separately, at the moment of scanning.')).toBeTruthy();
  });

  it('R22: "Don’t allow" refuses sharing and leaves a body-scan consent given in its own step alone', async () => {
    const { server, core } = await setup({ app: 'twikfit' });
    await core.consents.decide('biometric_scans', 'grant', 'just-in-time');
    fireEvent.click(screen.getByRole('button', { name: 'Don’t allow' }));
    await waitFor(() => expect(server.decisions).toHaveLength(2));
    expect(server.decisions.slice(1).map((d) => [d.purpose, d.decision, d.control])).toEqual([
      ['third_party_sharing', 'deny', 'reject-all'],
    ]);
    expect(serverActive(server, 'biometric_scans')).toBe(true);
    const status = await screen.findByText(/Consent for sharing with third parties refused — recorded/);
    expect(status.getAttribute('role')).toBe('status');
  });

  it('R17: the two choices say what they decide when they cover one purpose, and the question names who would receive the data', async () => {
    await setup();
    const choices = screen.getByRole('region', { name: 'Your choice' });
    expect(
      within(choices)
        .getAllByRole('button')
        .map((b) => b.textContent),
    ).toEqual(['Allow sharing with third parties', 'Don’t allow', 'Choose one by one']);
    expect(choices.textContent).toContain(
      'Twikit shares your data (Name and E-Mail) with companies, organisations or people outside Twikit only if you allow it.',
    );
    expect(choices.textContent).not.toMatch(/body scan/i);
  });

  it('hands what was recorded to a shell that closes on a decision', async () => {
    const fake = await createFakeCore({});
    await fake.core.start();
    const said: string[] = [];
    renderWithCore(fake.core, <FirstLayer onViewChange={() => undefined} onDecided={(s) => said.push(s)} />);
    fireEvent.click(screen.getByRole('button', { name: 'Allow sharing with third parties' }));
    await waitFor(() => expect(said).toHaveLength(1));
    expect(said[0]).toMatch(/^Consent for sharing with third parties given — recorded /);
  });
});

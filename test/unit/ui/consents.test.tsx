// @vitest-environment happy-dom
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { ApiError } from '../../../shared/api/api-error.ts';
import { ConsentList } from '../../../shared/ui/ConsentList.tsx';
import { createFakeCore, renderWithCore, serverActive } from './fake-core.ts';

afterEach(() => cleanup());

async function setup(options: Parameters<typeof createFakeCore>[0] = {}) {
  const fake = await createFakeCore(options);
  await fake.core.start();
  renderWithCore(fake.core, <ConsentList />);
  return fake;
}

/** Waits until a control's decision has gone through (the model clears `pending` after storing the state). */
const settled = (el: HTMLElement) => waitFor(() => expect(el.hasAttribute('aria-busy')).toBe(false));

const scans = () => screen.getByRole('switch', { name: 'Body scans in TwikFit' });
const sharing = () => screen.getByRole('switch', { name: 'Sharing with third parties' });

describe('consent switches', () => {
  it('R16: every consent switch starts off (aria-checked="false")', async () => {
    await setup();
    const switches = screen.getAllByRole('switch');
    expect(switches).toHaveLength(2);
    for (const s of switches) expect(s.getAttribute('aria-checked')).toBe('false');
  });

  it('R15: one switch per consent purpose, grouped in a fieldset with a legend', async () => {
    await setup();
    const group = screen.getByRole('group', { name: 'Consents: off until you switch them on' });
    expect(group.tagName).toBe('FIELDSET');
    expect(group.contains(scans()) && group.contains(sharing())).toBe(true);
  });

  it('R53: switches expose role, state, a stable label and a description', async () => {
    await setup();
    const sw = sharing();
    expect(sw.tagName).toBe('BUTTON');
    expect(sw.getAttribute('type')).toBe('button');
    const ids = (sw.getAttribute('aria-describedby') ?? '').split(' ');
    const root = sw.getRootNode() as Document;
    const description = ids.map((id) => root.getElementById(id)?.textContent ?? '').join(' ');
    expect(description).toContain('With your consent, Twikit may share');
    expect(description).toContain('Data used: Name, E-Mail.');
    expect(description).toContain('Controller: Twikit NV, Hessenplein 2, 2000 Antwerpen, Belgium.');
    expect(description).toContain('You can withdraw at any time.');
    fireEvent.click(sw);
    await waitFor(() => expect(sharing().getAttribute('aria-checked')).toBe('true'));
    expect(screen.getByRole('switch', { name: 'Sharing with third parties' })).toBe(sw); // the label did not change
  });

  it('R19: the controller, data types and right to withdraw are visible before switching on', async () => {
    await setup();
    expect(screen.getAllByText('You can withdraw at any time.')).toHaveLength(2);
    const described = (sw: HTMLElement) =>
      (sw.getAttribute('aria-describedby') ?? '').split(' ').map((id) => document.getElementById(id)?.textContent);
    expect(described(scans())).toContain('Data used: 3D body scan data.');
    expect(described(sharing())).toContain('Controller: Twikit NV, Hessenplein 2, 2000 Antwerpen, Belgium.');
  });

  it('a switch is busy and ignores clicks while its decision is on its way', async () => {
    const { server } = await setup();
    server.hold = true;
    fireEvent.click(sharing());
    await waitFor(() => expect(sharing().getAttribute('aria-busy')).toBe('true'));
    expect(sharing().getAttribute('aria-disabled')).toBe('true');
    fireEvent.click(sharing());
    server.release();
    await waitFor(() => expect(sharing().hasAttribute('aria-busy')).toBe(false));
    expect(sharing().getAttribute('aria-checked')).toBe('true');
    expect(sharing().hasAttribute('aria-disabled')).toBe(false);
    expect(server.decisions).toHaveLength(1);
  });

  it('announces each decision in a status region', async () => {
    await setup();
    fireEvent.click(sharing());
    const status = await screen.findByText(/^Consent for sharing with third parties given — recorded /);
    expect(status.getAttribute('role')).toBe('status');
  });

  it('an offline decision shows at once, marked "Not sent yet", and says it is kept on this device', async () => {
    const { server } = await setup();
    server.fail.decide = new ApiError('offline', 'fetch failed');
    fireEvent.click(sharing());
    await screen.findByText(
      'Your choice for sharing with third parties is saved on this device and will be recorded as soon as the connection is back.',
    );
    expect(sharing().getAttribute('aria-checked')).toBe('true');
    const marker = screen.getByText('Not sent yet');
    expect(sharing().getAttribute('aria-describedby')?.split(' ')).toContain(marker.id);
    expect(server.decisions).toHaveLength(0);
  });

  it('a decision the server refuses goes back, with a message', async () => {
    const { server } = await setup();
    server.fail.decide = new ApiError('invalid-input', 'no such notice version', 422);
    fireEvent.click(sharing());
    await screen.findByRole('alert');
    expect(sharing().getAttribute('aria-checked')).toBe('false');
    expect(screen.queryByText('Not sent yet')).toBeNull();
  });

  it('when the state cannot be loaded and nothing is saved, says so instead of only showing "off"', async () => {
    await setup({ fail: { consents: new ApiError('timeout', 'x') } });
    expect(screen.getByRole('alert').textContent).toBe(
      'The privacy service took too long to answer. Try again in a moment.',
    );
  });
});

describe('body scans', () => {
  it('R22: switching body scans on asks the just-in-time question first', async () => {
    const { server } = await setup({ app: 'twikfit' });
    fireEvent.click(scans());
    const step = await screen.findByRole('region', { name: 'Before you scan: your explicit consent' });
    expect(server.decisions).toHaveLength(0);
    expect(scans().getAttribute('aria-checked')).toBe('false');
    expect(step.textContent).toContain(
      'I explicitly consent to Twikit processing my 3D body scan to create my design.',
    );
    expect(step.textContent).toContain('special-category data');
    const consent = screen.getByRole('button', { name: 'I consent' });
    expect(consent.className).toBe(screen.getByRole('button', { name: 'Not now' }).className);
    fireEvent.click(consent);
    await waitFor(() =>
      expect(screen.queryByRole('region', { name: 'Before you scan: your explicit consent' })).toBeNull(),
    );
    expect(scans().getAttribute('aria-checked')).toBe('true');
    expect(server.decisions.map((d) => [d.purpose, d.decision, d.control])).toEqual([
      ['biometric_scans', 'grant', 'just-in-time'],
    ]);
    expect(document.activeElement).toBe(scans());
    expect(screen.getByText(/^Consent for body scans given — recorded /)).toBeTruthy();
  });

  it('R18: "Not now" records no decision and leaves body scans off', async () => {
    const { server } = await setup();
    fireEvent.click(scans());
    fireEvent.click(await screen.findByRole('button', { name: 'Not now' }));
    expect(server.decisions).toHaveLength(0);
    expect(scans().getAttribute('aria-checked')).toBe('false');
    expect(document.activeElement).toBe(scans());
  });

  it('R23: withdrawing body-scan consent takes one interaction', async () => {
    const { server, core } = await setup();
    await core.consents.decide('biometric_scans', 'grant', 'just-in-time');
    await waitFor(() => expect(scans().getAttribute('aria-checked')).toBe('true'));
    fireEvent.click(scans());
    await waitFor(() => expect(serverActive(server, 'biometric_scans')).toBe(false));
    expect(server.decisions.at(-1)).toMatchObject({ purpose: 'biometric_scans', decision: 'deny', control: 'toggle' });
    expect(await screen.findByText(/^Consent for body scans withdrawn — recorded /)).toBeTruthy();
  });
});

describe('telemetry and GPC', () => {
  it('R25: telemetry is an Object button, not a switch', async () => {
    const { server } = await setup();
    expect(screen.queryByRole('switch', { name: /Telemetry/ })).toBeNull();
    const block = screen.getByRole('region', { name: /Telemetry/ });
    expect(block.className).toContain('tp-separate');
    expect(block.textContent).toContain('Legal basis: Legitimate interests.');
    expect(block.textContent).toContain('legitimate interest in supporting the services');
    fireEvent.click(screen.getByRole('button', { name: 'Object' }));
    await settled(await screen.findByRole('button', { name: 'Withdraw objection' }));
    expect(server.decisions.at(-1)).toMatchObject({ purpose: 'telemetry', decision: 'object' });
    fireEvent.click(screen.getByRole('button', { name: 'Withdraw objection' }));
    await screen.findByRole('button', { name: 'Object' });
    expect(server.decisions.at(-1)).toMatchObject({ purpose: 'telemetry', decision: 'withdraw-objection' });
  });

  it('R28: with GPC on, the panel says GPC is honoured', async () => {
    const { server } = await setup({ gpc: true });
    const status = await screen.findByText(/^Global Privacy Control honoured/);
    expect(status.getAttribute('role')).toBe('status');
    expect(serverActive(server, 'telemetry')).toBe(true);
    expect(sharing().getAttribute('aria-checked')).toBe('false');
  });

  it('R28: without GPC nothing claims it is honoured', async () => {
    await setup();
    expect(screen.queryByText(/Global Privacy Control/)).toBeNull();
  });
});

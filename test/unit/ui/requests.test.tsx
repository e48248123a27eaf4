// @vitest-environment happy-dom
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiError } from '../../../shared/api/api-error.ts';
import { RequestsView } from '../../../shared/ui/RequestsView.tsx';
import { createFakeCore, makeRequest, renderWithCore } from './fake-core.ts';

afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

async function setup(options: Parameters<typeof createFakeCore>[0] = {}) {
  const fake = await createFakeCore(options);
  renderWithCore(fake.core, <RequestsView />);
  // The list loads once the view knows who the person is (a visitor's never does).
  if (options.identity !== 'device')
    await waitFor(() => expect(['idle', 'loading']).not.toContain(fake.core.requests.status.value));
  return fake;
}

const pickType = (label: string) => {
  const select = screen.getByLabelText('What do you want to ask?') as HTMLSelectElement;
  const option = within(select).getByRole('option', { name: label }) as HTMLOptionElement;
  fireEvent.change(select, { target: { value: option.value } });
};
const type = (label: string | RegExp, value: string) =>
  fireEvent.input(screen.getByLabelText(label), { target: { value } });

describe('request form', () => {
  it('R37: shows only the fields the chosen type needs', async () => {
    await setup();
    pickType('Correct your data');
    expect(screen.getByLabelText('What is wrong?').tagName).toBe('SELECT');
    expect(screen.getByLabelText('The correct information').tagName).toBe('TEXTAREA');
    expect(screen.queryByText('What should be erased?')).toBeNull();
    pickType('Object to the use of your data');
    expect(screen.queryByLabelText('The correct information')).toBeNull();
    expect(screen.queryByLabelText('Why, given your particular situation?')).toBeNull();
    fireEvent.click(screen.getByLabelText('Processing based on Twikit’s legitimate interests'));
    expect(screen.getByLabelText('Why, given your particular situation?')).toBeTruthy();
  });

  it('R59: a failed submit keeps what was typed and shows errors beside the fields', async () => {
    const { core, server } = await setup();
    pickType('Correct your data');
    type('A statement to add to your data (optional)', 'My name is spelled with an accent.');
    fireEvent.click(screen.getByRole('button', { name: 'Send request' }));
    const summary = await screen.findByRole('heading', { name: 'There is a problem' });
    await waitFor(() => expect(document.activeElement).toBe(summary.parentElement));
    const correction = screen.getByLabelText('The correct information');
    expect(correction.getAttribute('aria-invalid')).toBe('true');
    const described = (correction.getAttribute('aria-describedby') ?? '')
      .split(' ')
      .map((id) => document.getElementById(id)?.textContent);
    expect(described).toEqual([
      'At most 500 characters.',
      'Enter the correct information, or say what is wrong and how it should read.',
    ]);
    expect(screen.getByLabelText('What is wrong?').getAttribute('aria-invalid')).toBe('true');
    expect((screen.getByLabelText('A statement to add to your data (optional)') as HTMLTextAreaElement).value).toBe(
      'My name is spelled with an accent.',
    );
    expect(core.requests.drafts.value.rectification?.statement).toBe('My name is spelled with an accent.');
    expect(server.filed).toHaveLength(0);
    // The summary links move focus to the field.
    fireEvent.click(
      within(summary.parentElement as HTMLElement).getByRole('link', { name: /Enter the correct information/ }),
    );
    expect(document.activeElement).toBe(correction);
  });

  it('R59: a text that is too long says how to shorten it', async () => {
    await setup();
    pickType('Correct your data');
    fireEvent.change(screen.getByLabelText('What is wrong?'), { target: { value: 'name' } });
    type('The correct information', 'x'.repeat(501));
    fireEvent.click(screen.getByRole('button', { name: 'Send request' }));
    expect(
      await screen.findByText('Shorten to at most 500 characters (now 501).', { selector: '.tp-field-error' }),
    ).toBeTruthy();
  });

  it('R59: erasure asks for confirmation before it is sent', async () => {
    const { server } = await setup();
    pickType('Erase your data');
    fireEvent.click(screen.getByLabelText('Only some of my data'));
    type('Which data should be erased?', 'My old body scans');
    fireEvent.click(screen.getByRole('button', { name: 'Review and confirm' }));
    expect(await screen.findByText('Tick the box to confirm.', { selector: '.tp-field-error' })).toBeTruthy();
    fireEvent.click(screen.getByLabelText('I understand that erased data cannot be recovered.'));
    fireEvent.click(screen.getByRole('button', { name: 'Review and confirm' }));
    const review = await screen.findByRole('heading', { name: 'Check before you send' });
    await waitFor(() => expect(document.activeElement).toBe(review));
    expect(screen.getByText('My old body scans').tagName).toBe('BLOCKQUOTE');
    expect(server.filed).toHaveLength(0);
    fireEvent.click(screen.getByRole('button', { name: 'Send erasure request' }));
    await waitFor(() => expect(server.filed).toHaveLength(1));
    expect(server.filed[0]).toMatchObject({
      type: 'erasure',
      scope: 'specific',
      details: 'My old body scans',
      confirmed: true,
    });
    expect(await screen.findByText(/^Request received: Erase your data\. Answer due by /)).toBeTruthy();
    await waitFor(() => expect(document.activeElement).toBe(screen.getByLabelText('What do you want to ask?')));
    expect(screen.getByText('Erase your data', { selector: 'h4' })).toBeTruthy(); // the list shows the new request
  });

  it('R59: account deletion can go back from the confirmation without sending', async () => {
    const { server } = await setup();
    pickType('Delete your account');
    fireEvent.click(
      screen.getByLabelText('I understand that my account and its data will be deleted and cannot be recovered.'),
    );
    fireEvent.click(screen.getByRole('button', { name: 'Review and confirm' }));
    expect(await screen.findByRole('button', { name: 'Delete my account' })).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Back to the form' }));
    expect((screen.getByLabelText(/I understand that my account/) as HTMLInputElement).checked).toBe(true);
    await waitFor(() =>
      expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Review and confirm' })),
    );
    expect(server.filed).toHaveLength(0);
  });

  it('offline: the request is kept on this device, listed as not sent yet, and the message says so', async () => {
    const { server, core } = await setup();
    server.fail.fileRequest = new ApiError('offline', 'fetch failed');
    pickType('A copy of your data');
    type('Anything else you want to add (optional)', 'Please include support tickets.');
    fireEvent.click(screen.getByRole('button', { name: 'Send request' }));
    await screen.findByText(
      'Request saved on this device: A copy of your data. It will be sent as soon as the connection is back.',
    );
    const item = screen.getByText('Not sent yet').closest('li')!;
    expect(item.textContent).toContain('A copy of your data');
    expect(server.filed).toHaveLength(0);
    expect(core.outbox.entries.value[0]?.body).toMatchObject({
      type: 'access',
      message: 'Please include support tickets.',
    });
    // Back online: it is sent and listed as received.
    delete server.fail.fileRequest;
    await core.outbox.flush();
    await waitFor(() => expect(screen.queryByText('Not sent yet')).toBeNull());
    expect(server.filed).toHaveLength(1);
  });

  it('R50: an objection to telemetry asks no reason and says the switch in "Your choices" does the same', async () => {
    const { server } = await setup();
    pickType('Object to the use of your data');
    fireEvent.click(screen.getByLabelText('Processing based on Twikit’s legitimate interests'));
    fireEvent.change(screen.getByLabelText(/^Which processing\?/), { target: { value: 'telemetry' } });
    const grounds = screen.getByLabelText('Why, given your particular situation? (optional)');
    const hint = (grounds.getAttribute('aria-describedby') ?? '')
      .split(' ')
      .map((id) => document.getElementById(id)?.textContent ?? '')
      .join(' ');
    expect(hint).toContain('Optional for telemetry');
    expect(hint).toContain('“Object” in “Your choices”');
    fireEvent.click(screen.getByRole('button', { name: 'Send request' }));
    await waitFor(() => expect(server.filed).toHaveLength(1));
    expect(server.filed[0]).toMatchObject({ type: 'objection', scope: 'legitimate-interest', processing: 'telemetry' });
    expect(server.filed[0]).not.toHaveProperty('grounds');
  });

  it('R50: an objection to other legitimate-interest processing still asks the person’s grounds, which Twikit weighs', async () => {
    const { server } = await setup();
    pickType('Object to the use of your data');
    fireEvent.click(screen.getByLabelText('Processing based on Twikit’s legitimate interests'));
    fireEvent.change(screen.getByLabelText(/^Which processing\?/), { target: { value: 'account' } });
    const grounds = screen.getByLabelText('Why, given your particular situation?');
    fireEvent.click(screen.getByRole('button', { name: 'Send request' }));
    await screen.findByRole('heading', { name: 'There is a problem' });
    expect(grounds.getAttribute('aria-invalid')).toBe('true');
    expect(screen.getAllByText('Enter why you object, given your particular situation.').length).toBeGreaterThan(0);
    expect(server.filed).toHaveLength(0);
  });

  it('identity-required: says that filing a request needs a signed-in account, never the server text', async () => {
    const { server } = await setup();
    server.fail.fileRequest = new ApiError('identity-required', '<b>Forbidden</b> raw server text', 403);
    pickType('A copy of your data');
    fireEvent.click(screen.getByRole('button', { name: 'Send request' }));
    expect((await screen.findByRole('alert')).textContent).toBe(
      'Filing a request needs you to be signed in to your Twikit account.',
    );
    expect(screen.queryByText(/raw server text/)).toBeNull();
  });
});

describe('request list', () => {
  it('R38: each request shows its due date', async () => {
    await setup({
      requests: [
        makeRequest({ receivedAt: '2026-01-30T09:00:00.000Z' }),
        makeRequest({ receivedAt: '2026-03-10T10:00:00.000Z', status: 'completed' }),
      ],
    });
    const items = screen.getAllByRole('listitem').filter((li) => li.className === 'tp-request');
    expect(items).toHaveLength(2);
    expect(items[0]?.textContent).toContain('Answer due by March 2, 2026'); // 30 Jan + 1 month → 28 Feb (Saturday) → Monday 2 March
    expect(items[0]?.textContent).toContain('Received January 30, 2026');
    // an ended request shows when it ended, not a deadline
    expect(items[1]?.textContent).not.toContain('Answer due by');
    expect(items[1]?.textContent).toContain('Completed on');
  });

  it('R39: an extended request shows the reason and the first due date', async () => {
    await setup({
      requests: [makeRequest({ status: 'extended', dueAt: '2026-04-30', extensionReason: 'Many systems to search' })],
    });
    expect(screen.getByText('Answer due by April 30, 2026')).toBeTruthy();
    expect(
      screen.getByText('The deadline was extended (first due March 2, 2026) because: Many systems to search'),
    ).toBeTruthy();
  });

  it('R40: a refused request shows the reason and the right to complain', async () => {
    await setup({ requests: [makeRequest({ status: 'rejected', statusReason: '<script>alert(1)</script>' })] });
    expect(screen.getByText('Refused because: <script>alert(1)</script>')).toBeTruthy();
    expect(document.querySelector('script')).toBeNull();
    expect(screen.getByText('You can complain to a data protection authority or go to court.')).toBeTruthy();
  });

  it('an open request can be cancelled; a finished one cannot', async () => {
    const open = makeRequest();
    const { server } = await setup({ requests: [open, makeRequest({ status: 'completed' })] });
    const buttons = screen.getAllByRole('button', { name: 'Cancel request' });
    expect(buttons).toHaveLength(1);
    fireEvent.click(buttons[0] as HTMLElement);
    // it asks first; keeping the request sends nothing
    expect(screen.getByText(/^Cancel this request\? Twikit stops working on it\./)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Keep the request' }));
    expect(server.requests.find((r) => r.id === open.id)?.status).toBe('received');
    fireEvent.click(screen.getByRole('button', { name: 'Cancel request' }));
    fireEvent.click(screen.getByRole('button', { name: 'Yes, cancel the request' }));
    await waitFor(() => expect(screen.queryByRole('button', { name: 'Cancel request' })).toBeNull());
    expect(server.requests.find((r) => r.id === open.id)?.status).toBe('cancelled');
    expect(screen.getAllByText('Cancelled').length).toBeGreaterThan(0);
  });

  it('R44: a completed access request downloads its export as a file', async () => {
    const request = makeRequest({
      status: 'completed',
      completedAt: '2026-02-10T10:00:00.000Z',
      export: { formats: ['json', 'csv'], href: '/v1/requests/x/export' },
    });
    const { server } = await setup({ requests: [request] });
    const createObjectURL = vi.fn(() => 'blob:export');
    Object.assign(URL, { createObjectURL, revokeObjectURL: vi.fn() });
    let clicked: HTMLAnchorElement | null = null;
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      clicked = this;
    });
    fireEvent.click(screen.getByRole('button', { name: 'Download JSON' }));
    await waitFor(() => expect(clicked).not.toBeNull());
    expect(server.exports).toEqual([{ id: request.id, format: 'json' }]);
    expect(clicked!.download).toBe(`twikit-privacy-export-${request.id}.json`);
    expect(clicked!.getAttribute('href')).toBe('blob:export');
    expect(clicked!.isConnected).toBe(false);
    expect(screen.getByRole('button', { name: 'Download CSV' })).toBeTruthy();
  });

  it('identity-required on loading says a signed-in account is needed', async () => {
    await setup({ fail: { requests: new ApiError('identity-required', 'nope', 403) } });
    expect(screen.getByRole('alert').textContent).toBe(
      'Filing a request needs you to be signed in to your Twikit account.',
    );
  });

  it('R38: a request explains itself: status chip, reference, what was asked, and for an ended one when and why', async () => {
    const refused = makeRequest({
      status: 'rejected',
      statusReason: 'We hold no data about this address',
      completedAt: '2026-02-12T10:00:00.000Z',
      input: {
        type: 'objection',
        scope: 'legitimate-interest',
        processing: 'telemetry',
        grounds: 'I do not want my usage tracked at all, for reasons of my own that go on and on',
        locale: 'en',
        surface: { kind: 'widget', app: 'twikit_live' },
      } as never,
    });
    await setup({ requests: [refused] });
    const item = screen.getAllByRole('listitem').find((li) => li.className === 'tp-request')!;
    const chip = item.querySelector('.tp-chip')!;
    expect(chip.textContent).toBe('Status: Refused');
    expect(item.textContent).toContain(`Reference ${refused.id.replace(/-/g, '').slice(0, 8).toUpperCase()}`);
    expect(item.textContent).toContain(
      'You asked: Processing based on Twikit’s legitimate interests · Telemetry · “I do not want my usage tracked at all, for reasons of my ow…”',
    );
    expect(item.textContent).toContain('Refused on February 12, 2026');
    expect(item.textContent).toContain('Refused because: We hold no data about this address');
    expect(item.textContent).not.toContain('Answer due by');
  });

  it('a visitor without an account is told how to make a request, before any form, and nothing is fetched', async () => {
    const { core } = await setup({ identity: 'device' });
    await core.start(); // the notice, for the privacy address
    await waitFor(() => expect(screen.getByText(/You are not signed in here/)).toBeTruthy());
    expect(screen.queryByLabelText('What do you want to ask?')).toBeNull();
    expect(screen.getByRole('link', { name: 'privacy@twikit.com' }).getAttribute('href')).toBe(
      'mailto:privacy@twikit.com',
    );
    expect(core.requests.status.value).toBe('idle'); // the list was never asked for: no 403
  });
});

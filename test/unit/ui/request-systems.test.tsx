// @vitest-environment happy-dom
import { cleanup, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import type { SystemProgress } from '../../../shared/contract/systems.ts';
import { loadMessages } from '../../../shared/i18n/messages/index.ts';
import { createI18n, I18nContext } from '../../../shared/ui/I18nContext.ts';
import { RequestSystems } from '../../../shared/ui/RequestSystems.tsx';
import { RequestsView } from '../../../shared/ui/RequestsView.tsx';
import { createFakeCore, makeRequest, renderWithCore } from './fake-core.ts';

afterEach(() => cleanup());

const at = '2026-02-02T10:00:00.000Z';
const twikfitErased: SystemProgress = {
  system: 'twikfit',
  name: 'TwikFit',
  kind: 'app',
  state: 'done',
  erased: ['2 body scans (measurements and scan details)', '2 insole designs'],
  kept: [
    {
      what: 'invoice TF-2026-0011',
      ground: 'legal obligation to keep accounting records (Art. 17(3)(b) GDPR)',
      until: '2033-03-14',
    },
  ],
  updatedAt: at,
};
const supportWaiting: SystemProgress = {
  system: 'support_desk',
  name: 'Support desk',
  kind: 'processor',
  state: 'sent',
  updatedAt: at,
};
const liveNothing: SystemProgress = {
  system: 'twikit_live',
  name: 'Twikit Live',
  kind: 'app',
  state: 'not_found',
  updatedAt: at,
};
const erasure = { type: 'erasure', scope: 'all', confirmed: true, locale: 'en', surface: { kind: 'api' } } as const;

async function showRequests(...requests: ReturnType<typeof makeRequest>[]) {
  const fake = await createFakeCore({ requests });
  renderWithCore(fake.core, <RequestsView />);
  // The list loads once the view knows the person has an account here (a visitor is shown how to ask instead).
  await waitFor(() => expect(['idle', 'loading']).not.toContain(fake.core.requests.status.value));
}

/** The "Where your request went" list of the only request shown. */
const systemsList = () => screen.getByRole('list', { name: 'Where your request went:' });
const lines = (list: HTMLElement) =>
  within(list)
    .getAllByRole('listitem')
    .filter((li) => li.parentElement === list)
    .map((li) => li.firstElementChild?.textContent);

describe('what each system did with a request', () => {
  it('R48: lists each system told of an erasure by name with its state in words, and what it erased and kept, on which ground, until when', async () => {
    await showRequests(
      makeRequest({ input: erasure, status: 'in_progress', systems: [twikfitErased, supportWaiting, liveNothing] }),
    );
    const list = systemsList();
    expect(lines(list)).toEqual([
      'TwikFit: erased',
      'Support desk: waiting for confirmation',
      'Twikit Live: nothing held',
    ]);
    const twikfit = within(list).getAllByRole('listitem')[0]!;
    expect(
      within(twikfit).getByText('Erased: 2 body scans (measurements and scan details), 2 insole designs.'),
    ).toBeTruthy();
    expect(within(twikfit).getByText('Kept, because the law requires it:')).toBeTruthy();
    expect(
      within(twikfit).getByText(
        'invoice TF-2026-0011 — legal obligation to keep accounting records (Art. 17(3)(b) GDPR), until March 14, 2033',
      ),
    ).toBeTruthy();
  });

  it('says the state in words for every system, not by colour: an access request collects data, a failure is followed up', async () => {
    await showRequests(
      makeRequest({
        status: 'in_progress',
        systems: [
          { ...twikfitErased, erased: undefined, kept: undefined },
          { ...supportWaiting, state: 'pending' },
          { ...liveNothing, state: 'failed', reason: 'HTTP 500 for three days' },
        ],
      }),
    );
    expect(lines(systemsList())).toEqual([
      'TwikFit: data collected',
      'Support desk: about to be told',
      'Twikit Live: not done yet — Twikit is following it up',
    ]);
  });

  it('a correction says what each system corrected; a system closed by an operator gives the reason', async () => {
    await showRequests(
      makeRequest({
        input: {
          type: 'rectification',
          field: 'name',
          correction: 'Démo Üser',
          locale: 'en',
          surface: { kind: 'api' },
        },
        status: 'completed',
        systems: [
          { ...twikfitErased, erased: undefined, kept: undefined, corrected: ['name, now “Démo Üser”'] },
          { ...supportWaiting, state: 'closed', reason: 'The support desk confirmed by phone.' },
        ],
      }),
    );
    const list = systemsList();
    expect(lines(list)).toEqual(['TwikFit: corrected', 'Support desk: closed by Twikit']);
    expect(within(list).getByText('Corrected: name, now “Démo Üser”.')).toBeTruthy();
    expect(within(list).getByText('Reason: The support desk confirmed by phone.')).toBeTruthy();
  });

  it('a request without systems (a server before the fan-out) shows no list', async () => {
    await showRequests(makeRequest({ input: erasure, status: 'completed' }));
    expect(screen.getByText('Completed')).toBeTruthy();
    expect(screen.queryByRole('list', { name: 'Where your request went:' })).toBeNull();
  });

  it.each([
    [
      'nl',
      'Waar uw verzoek naartoe ging:',
      ['TwikFit: gewist', 'Support desk: wacht op bevestiging'],
      'tot 14 maart 2033',
    ],
    [
      'fr',
      'Où votre demande a été transmise :',
      ['TwikFit : données effacées', 'Support desk : en attente de confirmation'],
      'jusqu’au 14 mars 2033',
    ],
    [
      'de',
      'Wohin Ihre Anfrage ging:',
      ['TwikFit: gelöscht', 'Support desk: Bestätigung ausstehend'],
      'bis zum 14. März 2033',
    ],
  ] as const)('speaks %s', async (locale, title, expected, until) => {
    await loadMessages(locale);
    render(
      <I18nContext.Provider value={createI18n(locale)}>
        <RequestSystems type="erasure" systems={[twikfitErased, supportWaiting]} />
      </I18nContext.Provider>,
    );
    const list = screen.getByRole('list', { name: title });
    expect(lines(list)).toEqual(expected);
    expect(list.textContent).toContain(until);
  });
});

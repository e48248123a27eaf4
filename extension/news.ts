// What counts as news about a request, decided from what the person last saw. Pure: the background poll and
// the popup both use it, and it is unit-tested without a browser.
import type { RequestStatus, RightsRequest } from '../shared/contract/requests.ts';
import type { SeenRequest, Stored } from './settings.ts';

/** The moves a person is told about by a notification (R-area: the person is kept informed of their request). */
export const NOTIFY_ON: readonly RequestStatus[] = ['completed', 'extended', 'rejected'];

export interface Notification {
  id: string;
  type: RightsRequest['type'];
  status: RequestStatus;
  dueAt: string;
}

export interface PollOutcome {
  seen: Stored['seen'];
  news: string[];
  notified: Stored['notified'];
  notify: Notification[];
}

const stateOf = (r: Pick<RightsRequest, 'status' | 'dueAt'>) => `${r.status}|${r.dueAt}`;

/**
 * Compares the server's requests with what the person last saw. A request whose status or deadline changed is
 * news until the person looks at it in the popup; a move to completed, extended or rejected is notified once.
 * A request this device has never seen (filed in an app) is news only when it has already reached such a state.
 */
export function pollOutcome(
  requests: readonly RightsRequest[],
  previous: Pick<Stored, 'seen' | 'news' | 'notified'>,
): PollOutcome {
  const seen = { ...previous.seen };
  const notified: Stored['notified'] = {};
  const news = new Set(previous.news.filter((id) => requests.some((r) => r.id === id)));
  const notify: Notification[] = [];
  for (const request of requests) {
    const last = seen[request.id];
    const moved = last ? stateOf(last) !== stateOf(request) : NOTIFY_ON.includes(request.status);
    if (!last && !moved) seen[request.id] = { status: request.status, dueAt: request.dueAt };
    if (moved) news.add(request.id);
    const state = stateOf(request);
    if (previous.notified[request.id]) notified[request.id] = previous.notified[request.id]!;
    if (moved && NOTIFY_ON.includes(request.status) && previous.notified[request.id] !== state) {
      notify.push({ id: request.id, type: request.type, status: request.status, dueAt: request.dueAt });
      notified[request.id] = state;
    }
  }
  return { seen, news: [...news], notified, notify };
}

/** The person has looked at these requests (the popup's list): none of them is news any more. */
export function markSeen(
  requests: readonly Pick<RightsRequest, 'id' | 'status' | 'dueAt'>[],
  previous: Pick<Stored, 'seen' | 'news'>,
): Pick<Stored, 'seen' | 'news'> {
  const seen = { ...previous.seen };
  for (const r of requests) seen[r.id] = { status: r.status, dueAt: r.dueAt } satisfies SeenRequest;
  const ids = new Set(requests.map((r) => r.id));
  return { seen, news: previous.news.filter((id) => !ids.has(id)) };
}

import { describe, expect, it } from 'vitest';
import type { RightsRequest } from '../../../shared/contract/requests.ts';
import { markSeen, pollOutcome } from '../../../extension/news.ts';

const request = (id: string, status: RightsRequest['status'], dueAt = '2026-04-10'): RightsRequest =>
  ({ id, type: 'access', status, dueAt }) as RightsRequest;
const empty = { seen: {}, news: [], notified: {} };

describe('what is news about a request', () => {
  it('a request first seen while still open is remembered quietly; one already completed is news and notified', () => {
    const out = pollOutcome([request('a', 'received'), request('b', 'completed')], empty);
    expect(out.news).toEqual(['b']);
    expect(out.notify.map((n) => [n.id, n.status])).toEqual([['b', 'completed']]);
    expect(out.seen).toEqual({ a: { status: 'received', dueAt: '2026-04-10' } });
  });

  it('a move to completed, extended or rejected is notified once; a move to in progress is news without a notification', () => {
    const seen = {
      a: { status: 'received' as const, dueAt: '2026-04-10' },
      b: { status: 'received' as const, dueAt: '2026-04-10' },
    };
    const first = pollOutcome([request('a', 'extended', '2026-06-10'), request('b', 'in_progress')], {
      ...empty,
      seen,
    });
    expect(first.news.sort()).toEqual(['a', 'b']);
    expect(first.notify.map((n) => n.id)).toEqual(['a']);
    // The worker restarts and polls again: the same state is not notified twice.
    const second = pollOutcome([request('a', 'extended', '2026-06-10'), request('b', 'in_progress')], first);
    expect(second.notify).toEqual([]);
    expect(second.news.sort()).toEqual(['a', 'b']);
    // A further move is.
    const third = pollOutcome([request('a', 'completed', '2026-06-10'), request('b', 'in_progress')], second);
    expect(third.notify.map((n) => [n.id, n.status])).toEqual([['a', 'completed']]);
  });

  it('looking at the list clears the news; a request gone from the server is no longer counted', () => {
    const out = pollOutcome([request('a', 'completed'), request('b', 'rejected')], empty);
    expect(markSeen([request('a', 'completed')], out).news).toEqual(['b']);
    expect(pollOutcome([request('a', 'completed')], out).news).toEqual(['a']);
  });
});

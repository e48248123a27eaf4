// The background service worker: polls the person's requests on an alarm, keeps the badge at the number of
// requests with news, and notifies a completed, extended or refused request. MV3 workers stop when idle:
// every listener is registered at the top level (so an event wakes the worker) and all memory is in storage.
import browser from 'webextension-polyfill';
import { isApiError } from '../shared/api/api-error.ts';
import { requestsApi } from '../shared/api/requests-api.ts';
import { createTransport } from '../shared/api/transport.ts';
import { showBadge } from './badge.ts';
import { API_BASES } from './config.ts';
import { extLocale } from './locale.ts';
import { extT, panelT } from './messages/index.ts';
import { pollOutcome, type Notification } from './news.ts';
import { readStored, writeStored } from './settings.ts';
import { withNewsLock } from './news-lock.ts';

export const POLL_ALARM = 'poll-requests';
/** Deadlines run in months (Art. 12(3)): a poll every 15 minutes tells a person the same day, at no cost. */
const POLL_MINUTES = 15;

async function ensureAlarm(): Promise<void> {
  if (!(await browser.alarms.get(POLL_ALARM)))
    await browser.alarms.create(POLL_ALARM, { delayInMinutes: 1, periodInMinutes: POLL_MINUTES });
}

function notificationText(n: Notification, locale: ReturnType<typeof extLocale>): string {
  const type = panelT(locale, `request.type.${n.type}`);
  if (n.status === 'completed') return extT(locale, 'notify.completed', { type });
  if (n.status === 'rejected') return extT(locale, 'notify.rejected', { type });
  const date = new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'UTC' }).format(
    new Date(`${n.dueAt}T00:00:00Z`),
  );
  return extT(locale, 'notify.extended', { type, date });
}

/** One poll: fetch the requests, work out the news, update the badge, notify. Never throws. */
export async function poll(): Promise<void> {
  const stored = await readStored('session', 'region', 'locale');
  const locale = extLocale(stored.locale);
  if (!stored.session) return showBadge(0, locale);
  const session = stored.session;
  const transport = createTransport({
    baseUrl: API_BASES[stored.region ?? 'eea'],
    token: async (rejected) => (rejected ? null : session.token),
  });
  const requests = await requestsApi(transport)
    .requests()
    .catch((error: unknown) => {
      // Offline, server down or session expired: keep what is known; the popup says why when it opens.
      if (!isApiError(error)) console.error('Twikit Privacy: request poll failed', error);
      return null;
    });
  if (!requests) return;
  const notify = await withNewsLock(async () => {
    const previous = await readStored('seen', 'news', 'notified', 'session');
    if (previous.session?.token !== session.token) return []; // signed out meanwhile
    const outcome = pollOutcome(requests, previous);
    await writeStored({ seen: outcome.seen, news: outcome.news, notified: outcome.notified });
    await showBadge(outcome.news.length, locale);
    return outcome.notify;
  });
  for (const n of notify) {
    await browser.notifications.create(`request:${n.id}:${n.status}`, {
      type: 'basic',
      iconUrl: browser.runtime.getURL('icons/icon-128.png'),
      title: extT(locale, 'notify.title'),
      message: notificationText(n, locale),
    });
  }
}

browser.runtime.onInstalled.addListener(() => void ensureAlarm());
browser.runtime.onStartup.addListener(() => void ensureAlarm().then(poll));
browser.alarms.onAlarm.addListener((alarm) => {
  if (alarm.name === POLL_ALARM) void poll();
});
browser.storage.onChanged.addListener((changes, area) => {
  if (area !== 'local') return;
  // Signed in (or out): poll at once, so the badge is right without waiting for the alarm.
  if ('session' in changes) void ensureAlarm().then(poll);
  else if ('news' in changes || 'locale' in changes)
    void readStored('news', 'locale').then((s) => showBadge(s.news.length, extLocale(s.locale)));
});

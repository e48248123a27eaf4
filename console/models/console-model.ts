import { signal } from '@preact/signals';
import type { ConsoleMe } from '../../shared/contract/console.ts';
import type { Locale } from '../../shared/contract/common.ts';
import { pickLocale } from '../../shared/i18n/pick-locale.ts';
import { createConsoleApi } from '../api.ts';

export type Route =
  | { view: 'queue' }
  | { view: 'request'; id: string }
  | { view: 'audit' }
  | { view: 'keys' }
  | { view: 'notices' }
  | { view: 'systems' }
  | { view: 'reports' };

const PAGES = ['audit', 'keys', 'notices', 'systems', 'reports'] as const;

const TOKEN_KEY = 'twikit-console.token';
const LOCALE_KEY = 'twikit-console.locale';

/** The hash is the route: `#/queue`, `#/requests/<id>`, `#/audit`, `#/notices`… (a reload keeps the place). */
export function parseRoute(hash: string): Route {
  const request = /^#\/requests\/([0-9a-f-]{36})$/i.exec(hash);
  if (request?.[1]) return { view: 'request', id: request[1] };
  const page = PAGES.find((p) => hash === `#/${p}`);
  if (page) return { view: page };
  return { view: 'queue' };
}

export const hrefOf = (route: Route): string =>
  route.view === 'request' ? `#/requests/${route.id}` : `#/${route.view}`;

/**
 * The console's session state. The token lives in sessionStorage: it survives a reload, dies with the tab, and
 * is sent as a bearer (no cookie, so no cross-site request can use it). When the server says the session ended,
 * the token goes and `ended` is set; drafts stay (console/draft.ts), so signing in again loses nothing.
 */
export function createConsoleModel() {
  const stored = (key: string) => {
    try {
      return sessionStorage.getItem(key);
    } catch {
      return null;
    }
  };
  const save = (key: string, value: string | null) => {
    try {
      if (value === null) sessionStorage.removeItem(key);
      else sessionStorage.setItem(key, value);
    } catch {
      // Storage refused (private mode): the session then lasts as long as the page.
    }
  };
  const token = signal<string | null>(stored(TOKEN_KEY));
  const me = signal<ConsoleMe | null>(null);
  const ended = signal(false);
  const route = signal<Route>(parseRoute(location.hash));
  const asked = new URLSearchParams(location.search).get('lang');
  const locale = signal<Locale>(pickLocale(asked ?? stored(LOCALE_KEY), null, navigator.languages));

  const api = createConsoleApi(
    () => token.value,
    () => {
      token.value = null;
      me.value = null;
      ended.value = true;
      save(TOKEN_KEY, null);
    },
  );

  return {
    api,
    token,
    me,
    ended,
    route,
    locale,
    signedIn(next: string, who: ConsoleMe) {
      token.value = next;
      me.value = who;
      ended.value = false;
      save(TOKEN_KEY, next);
    },
    signedOut() {
      token.value = null;
      me.value = null;
      save(TOKEN_KEY, null);
    },
    setLocale(next: Locale) {
      locale.value = next;
      save(LOCALE_KEY, next);
      document.documentElement.lang = next;
    },
    go(next: Route) {
      if (location.hash !== hrefOf(next)) location.hash = hrefOf(next);
      route.value = next;
    },
  };
}

export type ConsoleModel = ReturnType<typeof createConsoleModel>;

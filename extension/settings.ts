// What the extension keeps in `storage.local`: the person's settings, their session, and the poll's memory.
// Extension storage, not IndexedDB, for these: the background worker reads them too, and they are not cache.
import browser from 'webextension-polyfill';
import type { Locale, Region } from '../shared/contract/common.ts';
import type { RequestStatus } from '../shared/contract/requests.ts';
import { CACHE_DB_NAME } from '../shared/storage/cache.ts';

/** An e-mail session. Only ever in extension storage (never in a page, a URL or IndexedDB). */
export interface StoredSession {
  token: string;
  email: string;
  subjectId: string;
  expiresAt: string;
}

/** The last state of a request the person has seen, to tell what is news. */
export interface SeenRequest {
  status: RequestStatus;
  dueAt: string;
}

export interface Stored {
  region: Region | null;
  locale: Locale | null;
  session: StoredSession | null;
  /** Request id → what the person last saw of it (in the popup) or was told (by a notification). */
  seen: Record<string, SeenRequest>;
  /** Ids of requests that moved since the person last looked: the badge count. */
  news: string[];
  /** Ids already notified for their current state, so a restarted worker does not repeat itself. */
  notified: Record<string, string>;
}

const DEFAULTS: Stored = { region: null, locale: null, session: null, seen: {}, news: [], notified: {} };

export async function readStored<K extends keyof Stored>(...keys: K[]): Promise<Pick<Stored, K>> {
  const got = (await browser.storage.local.get(keys)) as Partial<Stored>;
  const out = {} as Pick<Stored, K>;
  for (const key of keys) out[key] = (got[key] ?? DEFAULTS[key]) as Stored[K];
  return out;
}

export async function writeStored(values: Partial<Stored>): Promise<void> {
  await browser.storage.local.set(values);
}

/** Calls `listener` with the keys that changed in `storage.local` (another popup, the options page, the worker). */
export function onStoredChange(listener: (changed: Partial<Stored>) => void): () => void {
  const handler = (changes: Record<string, browser.Storage.StorageChange>, area: string) => {
    if (area !== 'local') return;
    const changed: Partial<Stored> = {};
    for (const [key, change] of Object.entries(changes))
      (changed as Record<string, unknown>)[key] = change.newValue ?? DEFAULTS[key as keyof Stored];
    listener(changed);
  };
  browser.storage.onChanged.addListener(handler);
  return () => browser.storage.onChanged.removeListener(handler);
}

/** Forgets the session and what the poll remembered about it (sign-out keeps region and language). */
export async function clearSession(): Promise<void> {
  await browser.storage.local.remove(['session', 'seen', 'news', 'notified']);
}

/** Everything this extension keeps on this device: extension storage and the IndexedDB cache. */
export async function clearLocalData(): Promise<void> {
  await browser.storage.local.clear();
  await new Promise<void>((resolve) => {
    const request = indexedDB.deleteDatabase(CACHE_DB_NAME);
    // `blocked`: an open popup still holds it; it is deleted as soon as that closes.
    request.onsuccess = request.onerror = request.onblocked = () => resolve();
  });
}

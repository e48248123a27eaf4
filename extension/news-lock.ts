/**
 * Runs `task` while no other context of the extension (worker, popups, options) changes the news state:
 * the poll and the popup's "seen" both read, modify and write it. Web Locks span every page of one origin.
 */
export async function withNewsLock<T>(task: () => Promise<T>): Promise<T> {
  if (!globalThis.navigator?.locks) return task();
  return navigator.locks.request('twikit-privacy-news', task) as Promise<T>;
}

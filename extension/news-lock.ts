import { exclusive } from '../shared/models/outbox.ts';

/**
 * Runs `task` while no other context of the extension (worker, popups, options) changes the news state:
 * the poll and the popup's "seen" both read, modify and write it. Web Locks span every page of one origin.
 */
export const withNewsLock = <T>(task: () => Promise<T>): Promise<T> => exclusive('twikit-privacy-news', task);

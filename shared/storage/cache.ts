import { wrap, type IDBPDatabase } from 'idb';

/**
 * A small key-value cache. `persistent` is false when this device cannot remember (no IndexedDB, or it threw,
 * or a write failed, e.g. over quota); it can turn false later, and `onPersistenceLost` says when.
 */
export interface Cache {
  readonly persistent: boolean;
  /** Called once when the cache falls back to memory after it was persistent (a write failed). */
  onPersistenceLost(listener: () => void): void;
  get<T>(key: string): Promise<T | undefined>;
  /** Resolves once the value is stored (awaited before anything depends on it surviving a reload). */
  set(key: string, value: unknown): Promise<void>;
  delete(key: string): Promise<void>;
  close(): void;
}

/** The IndexedDB database of the cache (the extension deletes it on "clear local data"). */
export const CACHE_DB_NAME = 'twikit-privacy';
const DB_NAME = CACHE_DB_NAME;
const STORE = 'kv';
const VERSION = 1;

/** A cache kept in memory only: the controls still work, this device just will not remember. */
export function memoryCache(): Cache {
  const map = new Map<string, unknown>();
  return {
    persistent: false,
    onPersistenceLost: () => undefined,
    get: async <T>(key: string) => structuredClone(map.get(key)) as T | undefined,
    set: async (key, value) => void map.set(key, structuredClone(value)),
    delete: async (key) => void map.delete(key),
    close: () => undefined,
  };
}

/**
 * Opens the IndexedDB cache, or falls back to memory when IndexedDB is missing, blocked or throws.
 * Invariant: no method rejects — a failing read is a miss, a failing write is dropped (the cache is a cache).
 */
export async function openCache(indexedDB: IDBFactory | undefined = globalThis.indexedDB): Promise<Cache> {
  if (!indexedDB) return memoryCache();
  let db: IDBPDatabase;
  let closed = false;
  // Opened through the factory given (not idb's openDB, which always uses the global one).
  // After another tab upgraded the database, reopen it at whatever version it now has: asking for ours
  // would fail with a VersionError, and a newer schema that still has our store serves us as well.
  const open = async (atCurrentVersion = false): Promise<IDBPDatabase> => {
    const request = atCurrentVersion ? indexedDB.open(DB_NAME) : indexedDB.open(DB_NAME, VERSION);
    request.onupgradeneeded = () => {
      if (!request.result.objectStoreNames.contains(STORE)) request.result.createObjectStore(STORE);
    };
    const opened = (await wrap(request)) as IDBPDatabase;
    if (!opened.objectStoreNames.contains(STORE)) {
      opened.close();
      throw new Error('the cache store is gone');
    }
    // Another tab upgrades the schema: close ours so it is not blocked; the next call reopens.
    opened.addEventListener('versionchange', () => {
      opened.close();
      closed = true;
    });
    opened.addEventListener('close', () => void (closed = true));
    closed = false;
    return opened;
  };
  try {
    db = await open();
  } catch {
    return memoryCache();
  }
  let disposed = false;
  const reopen = async (): Promise<IDBPDatabase> => {
    if (disposed) throw new Error('cache closed');
    return closed ? (db = await open(true)) : db;
  };
  const fallback = memoryCache();
  let persistent = true;
  const listeners: Array<() => void> = [];
  const lost = () => {
    if (!persistent || disposed) return;
    persistent = false;
    for (const listener of listeners.splice(0)) listener();
  };
  return {
    get persistent() {
      return persistent;
    },
    onPersistenceLost(listener) {
      if (persistent) listeners.push(listener);
      else listener();
    },
    async get<T>(key: string) {
      // A value that could only be kept in memory (its write failed) is newer than the one on disk.
      const remembered = await fallback.get<T>(key);
      if (remembered !== undefined) return remembered;
      try {
        return (await (await reopen()).get(STORE, key)) as T | undefined;
      } catch {
        return undefined;
      }
    },
    async set(key, value) {
      try {
        await (await reopen()).put(STORE, value, key);
      } catch {
        await fallback.set(key, value); // quota or a broken database: remember for this page at least
        lost();
      }
    },
    async delete(key) {
      await fallback.delete(key);
      try {
        await (await reopen()).delete(STORE, key);
      } catch {
        // nothing to forget
      }
    },
    close: () => {
      disposed = true;
      db.close();
    },
  };
}

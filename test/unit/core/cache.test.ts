import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { memoryCache, openCache } from '../../../shared/storage/cache.ts';

/** An IndexedDB that throws the moment anyone tries to open it (a browser in a strict private mode, a sandbox). */
const throwingFactory = (): IDBFactory =>
  ({
    open() {
      throw new DOMException('The user denied permission to access the database.', 'SecurityError');
    },
  }) as unknown as IDBFactory;

describe('openCache', () => {
  it('stores, reads and forgets a value', async () => {
    const cache = await openCache(new IDBFactory());
    const value = { purposes: [{ purpose: 'telemetry', active: true }], at: '2026-03-10T10:00:00.000Z' };
    await cache.set('k', value);
    expect(await cache.get('k')).toEqual(value);
    await cache.delete('k');
    expect(await cache.get('k')).toBeUndefined();
    expect(await cache.get('never-set')).toBeUndefined();
    cache.close();
  });

  it('is persistent with IndexedDB (the default global factory)', async () => {
    const cache = await openCache();
    expect(cache.persistent).toBe(true);
    cache.close();
  });

  it('is persistent with an IndexedDB factory passed in', async () => {
    const cache = await openCache(new IDBFactory());
    expect(cache.persistent).toBe(true);
    cache.close();
  });

  it('is a memory cache, not persistent, on a device without IndexedDB: openCache(undefined)', async () => {
    // `undefined` takes the default (the global factory), so the global has to be missing too.
    const cache = await withoutGlobalIndexedDB(() => openCache(undefined));
    expect(cache.persistent).toBe(false);
    await cache.set('a', [1, 2]);
    expect(await cache.get('a')).toEqual([1, 2]);
    await cache.delete('a');
    expect(await cache.get('a')).toBeUndefined();
    cache.close();
  });

  it('falls back to memory when opening IndexedDB throws, and never rejects', async () => {
    const cache = await openCache(throwingFactory());
    expect(cache.persistent).toBe(false);
    await expect(cache.set('x', { a: 1 })).resolves.toBeUndefined();
    await expect(cache.get('x')).resolves.toEqual({ a: 1 });
    await expect(cache.delete('x')).resolves.toBeUndefined();
    await expect(cache.get('x')).resolves.toBeUndefined();
    expect(() => cache.close()).not.toThrow();
  });

  it('uses the factory it is given: two factories are two separate devices', async () => {
    const a = await openCache(new IDBFactory());
    const b = await openCache(new IDBFactory());
    await a.set('who', 'device A');
    expect(await b.get('who')).toBeUndefined();
    a.close();
    b.close();
  });

  it('keeps values across closing and reopening on the same factory (a reload)', async () => {
    const factory = new IDBFactory();
    const before = await openCache(factory);
    await before.set('draft', { rectification: { correction: 'Jan Janssens' } });
    await before.set('gone', 1);
    await before.delete('gone');
    before.close();

    const after = await openCache(factory);
    expect(after.persistent).toBe(true);
    expect(await after.get('draft')).toEqual({ rectification: { correction: 'Jan Janssens' } });
    expect(await after.get('gone')).toBeUndefined();
    after.close();
  });

  it('never rejects after it was closed: reads miss, writes fall back to memory', async () => {
    const cache = await openCache(new IDBFactory());
    cache.close();
    await expect(cache.get('k')).resolves.toBeUndefined();
    await expect(cache.set('k', 1)).resolves.toBeUndefined();
    await expect(cache.get('k')).resolves.toBe(1);
    await expect(cache.delete('k')).resolves.toBeUndefined();
    await expect(cache.get('k')).resolves.toBeUndefined();
  });

  it('returns copies: changing a value read or written does not change what is stored', async () => {
    for (const cache of [memoryCache(), await openCache(new IDBFactory())]) {
      const value = { list: [1] };
      await cache.set('v', value);
      value.list.push(2);
      const read = await cache.get<{ list: number[] }>('v');
      expect(read).toEqual({ list: [1] });
      read!.list.push(3);
      expect(await cache.get('v')).toEqual({ list: [1] });
      cache.close();
    }
  });
});

/** Runs `fn` on a device where `indexedDB` does not exist at all. */
async function withoutGlobalIndexedDB<T>(fn: () => Promise<T>): Promise<T> {
  const saved = globalThis.indexedDB;
  // @ts-expect-error -- removing the global for this call only
  delete globalThis.indexedDB;
  try {
    return await fn();
  } finally {
    globalThis.indexedDB = saved;
  }
}

import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { createOutbox, type OutboxEntry, type SendOutcome } from '../../../shared/models/outbox.ts';
import { memoryCache, openCache } from '../../../shared/storage/cache.ts';

const key = async () => 'outbox|person';
const entry = (k: string, kind: OutboxEntry['kind'] = 'decision') => ({ key: k, kind, body: { n: k } });

describe('the outbox', () => {
  it('keeps an entry on the device before the first attempt, and removes it once sent', async () => {
    const cache = memoryCache();
    const outbox = createOutbox(cache, key);
    const seenStored: unknown[] = [];
    outbox.register('decision', async (e) => {
      seenStored.push(await cache.get('outbox|person'));
      return e.key === 'a' ? 'sent' : 'retry';
    });
    await outbox.add(entry('a'));
    expect((seenStored[0] as OutboxEntry[]).map((e) => e.key)).toEqual(['a']); // written before sending
    expect(outbox.entries.value).toEqual([]);
    await outbox.add(entry('b'));
    expect(outbox.entries.value.map((e) => e.key)).toEqual(['b']);
    expect(((await cache.get('outbox|person')) as OutboxEntry[]).map((e) => e.key)).toEqual(['b']);
    outbox.dispose();
  });

  it('keeps the order within a kind: one that must wait holds back the later ones; a refused one is dropped', async () => {
    const outbox = createOutbox(memoryCache(), key);
    const sent: string[] = [];
    let online = false;
    const outcomes: Record<string, SendOutcome> = { refused: 'refused' };
    outbox.register('decision', async (e) => {
      if (outcomes[e.key]) return outcomes[e.key]!;
      if (!online) return 'retry';
      sent.push(e.key);
      return 'sent';
    });
    outbox.register('request', async (e) => (sent.push(e.key), 'sent'));
    await outbox.add(entry('grant'));
    await outbox.add(entry('r1', 'request')); // another kind goes on
    await outbox.add(entry('withdraw'));
    await outbox.add(entry('refused'));
    expect(sent).toEqual(['r1']);
    expect(outbox.entries.value.map((e) => e.key)).toEqual(['grant', 'withdraw', 'refused']);
    online = true;
    await outbox.flush();
    expect(sent).toEqual(['r1', 'grant', 'withdraw']);
    expect(outbox.entries.value).toEqual([]);
    outbox.dispose();
  });

  it('a kind without a sender waits (the widget panel brings the requests sender) and goes when it is registered', async () => {
    const outbox = createOutbox(memoryCache(), key);
    await outbox.add(entry('r1', 'request'));
    expect(outbox.entries.value.map((e) => e.key)).toEqual(['r1']);
    const sent: string[] = [];
    outbox.register('request', async (e) => (sent.push(e.key), 'sent'));
    await outbox.flush();
    expect(sent).toEqual(['r1']);
    outbox.dispose();
  });

  it('two pages on one device flushing at once send each entry; a retry from either uses the same key', async () => {
    const factory = new IDBFactory();
    const [cacheA, cacheB] = [await openCache(factory), await openCache(factory)];
    const a = createOutbox(cacheA, key);
    const b = createOutbox(cacheB, key);
    const keysSent: string[] = [];
    a.register('decision', async () => 'retry');
    await a.add(entry('k1'));
    await a.add(entry('k2'));
    const send = async (e: OutboxEntry): Promise<SendOutcome> => (keysSent.push(e.key), 'sent');
    a.register('decision', send);
    b.register('decision', send);
    await b.load();
    await Promise.all([a.flush(), b.flush()]);
    // Without Web Locks (node) both may send: the keys are what make the server file each once.
    expect(new Set(keysSent)).toEqual(new Set(['k1', 'k2']));
    await a.changed();
    expect(a.entries.value).toEqual([]);
    for (const o of [a, b]) o.dispose();
    cacheA.close();
    cacheB.close();
  });
});

describe('the cache when storage fails', () => {
  it('a write that fails (quota) keeps the value in memory, reads it back, and says this device no longer remembers', async () => {
    const factory = new IDBFactory();
    const cache = await openCache(factory);
    await cache.set('k', 'on disk');
    let told = 0;
    cache.onPersistenceLost(() => told++);
    const put = IDBObjectStore.prototype.put;
    IDBObjectStore.prototype.put = () => {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    };
    try {
      await cache.set('k', 'newer, in memory');
    } finally {
      IDBObjectStore.prototype.put = put;
    }
    expect(await cache.get('k')).toBe('newer, in memory');
    expect(cache.persistent).toBe(false);
    expect(told).toBe(1);
    cache.close();
  });

  it('another page upgrading the database does not break this one: it reopens at the new version', async () => {
    const factory = new IDBFactory();
    const cache = await openCache(factory);
    await cache.set('k', 1);
    // A newer widget in another tab upgrades the schema (version 2, one more store).
    await new Promise<void>((resolve, reject) => {
      const request = factory.open('twikit-privacy', 2);
      request.onupgradeneeded = () => request.result.createObjectStore('more');
      request.onsuccess = () => (request.result.close(), resolve());
      request.onerror = () => reject(request.error);
      request.onblocked = () => reject(new Error('blocked: the old connection did not close on versionchange'));
    });
    await cache.set('k', 2);
    expect(await cache.get('k')).toBe(2);
    expect(cache.persistent).toBe(true);
    cache.close();
  });
});

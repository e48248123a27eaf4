// What the person did that the server has not confirmed yet: consent decisions and rights requests, each with
// the Idempotency-Key it is sent under. Written to the device before the first attempt (write-ahead), so a
// reload, a closed browser or a dropped connection mid-request loses nothing, and the key makes every retry —
// from this tab, another tab or after a restart — land exactly once on the server.
import { signal, type Signal } from '@preact/signals-core';
import type { Cache } from '../storage/cache.ts';

export type OutboxKind = 'decision' | 'request';

export interface OutboxEntry {
  /** The Idempotency-Key: the server files the entry once, however often it is sent. */
  key: string;
  kind: OutboxKind;
  body: unknown;
  queuedAt: string;
}

/** What a sender made of one attempt: delivered, try again later (offline, server down), or refused for good. */
export type SendOutcome = 'sent' | 'retry' | 'refused';

export type Sender = (entry: OutboxEntry) => Promise<SendOutcome>;

export interface Outbox {
  /** The entries of the current person still waiting, oldest first. */
  entries: Signal<readonly OutboxEntry[]>;
  /** Reads what is waiting (after a reload or for another person). */
  load(): Promise<void>;
  /** Stores the entry on the device (resolved once it is written) and tries to send it with the others. */
  add(entry: Omit<OutboxEntry, 'queuedAt'>): Promise<void>;
  /** How entries of a kind are sent; a kind without a sender waits (the widget's panel brings the requests one). */
  register(kind: OutboxKind, send: Sender): void;
  /** Sends what is waiting, oldest first. Within a kind, one that must wait holds back the later ones (order matters). */
  flush(): Promise<void>;
  /** Re-reads the outbox after another tab changed it (tab sync). */
  changed(): Promise<void>;
  /** Stops the retry timer and the `online` listener (what aborting the `signal` given to `createOutbox` does). */
  dispose(): void;
}

/** Waits between retries while something could not be sent: soon at first, then once a minute. */
const RETRY_MS = [2_000, 5_000, 15_000, 30_000, 60_000];

const isEntry = (v: unknown): v is OutboxEntry =>
  typeof v === 'object' &&
  v !== null &&
  typeof (v as OutboxEntry).key === 'string' &&
  ((v as OutboxEntry).kind === 'decision' || (v as OutboxEntry).kind === 'request');

/** Runs `task` alone across this origin's tabs and workers (Web Locks), or just runs it where they are missing. */
export const exclusive = <T>(name: string, task: () => Promise<T>): Promise<T> =>
  globalThis.navigator?.locks ? (globalThis.navigator.locks.request(name, task) as Promise<T>) : task();

/** The outbox of one person (`storageKey`); its timer and listener live until `options.signal` aborts. */
export function createOutbox(
  cache: Cache,
  storageKey: () => Promise<string>,
  options: { onChange?: () => void; signal?: AbortSignal } = {},
): Outbox {
  const entries = signal<readonly OutboxEntry[]>([]);
  const senders: Partial<Record<OutboxKind, Sender>> = {};
  let chain: Promise<void> = Promise.resolve();
  let retryTimer: ReturnType<typeof setTimeout> | null = null;
  let failures = 0;
  let disposed = false;
  const scheduleRetry = (waiting: boolean) => {
    if (retryTimer) clearTimeout(retryTimer);
    retryTimer = null;
    if (!waiting || disposed) return void (failures = 0);
    retryTimer = setTimeout(() => void outbox.flush(), RETRY_MS[Math.min(failures++, RETRY_MS.length - 1)]);
  };
  // Back online: try at once rather than at the next timer.
  const onOnline = () => void outbox.flush();
  const listening = new AbortController();
  globalThis.addEventListener?.('online', onOnline, { signal: listening.signal });

  const read = async (): Promise<OutboxEntry[]> => {
    const stored = await cache.get<unknown>(await storageKey());
    return Array.isArray(stored) ? stored.filter(isEntry) : [];
  };
  const write = async (next: OutboxEntry[]) => {
    await cache.set(await storageKey(), next);
    entries.value = next;
    options.onChange?.();
  };
  const lockName = async () => `twikit-privacy-outbox:${await storageKey()}`;

  async function flushOnce(): Promise<void> {
    await exclusive(await lockName(), async () => {
      // Re-read inside the lock: another tab may have sent (and removed) entries meanwhile.
      let waiting = await read();
      const held = new Set<OutboxKind>();
      for (const entry of [...waiting]) {
        const send = senders[entry.kind];
        if (!send || held.has(entry.kind)) {
          held.add(entry.kind);
          continue;
        }
        let outcome: SendOutcome;
        try {
          outcome = await send(entry);
        } catch {
          outcome = 'retry';
        }
        if (outcome === 'retry') {
          held.add(entry.kind);
          continue;
        }
        waiting = waiting.filter((e) => e.key !== entry.key);
        await write(waiting);
      }
      entries.value = waiting;
      scheduleRetry(waiting.some((e) => senders[e.kind]));
    });
  }

  const outbox: Outbox = {
    entries,
    async load() {
      entries.value = await read();
    },
    async add(entry) {
      await exclusive(await lockName(), async () =>
        write([...(await read()), { ...entry, queuedAt: new Date().toISOString() }]),
      );
      await outbox.flush();
    },
    register(kind, send) {
      senders[kind] = send;
      if (entries.value.some((e) => e.kind === kind)) void outbox.flush();
    },
    flush() {
      // One flush at a time in this tab; a call during a flush runs once more after it.
      const run = chain.then(flushOnce, flushOnce);
      chain = run.catch(() => undefined);
      return run;
    },
    async changed() {
      entries.value = await read();
    },
    dispose() {
      disposed = true;
      if (retryTimer) clearTimeout(retryTimer);
      listening.abort();
    },
  };
  if (options.signal?.aborted) outbox.dispose();
  options.signal?.addEventListener('abort', () => outbox.dispose(), { once: true });
  return outbox;
}

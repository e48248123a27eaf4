// Keeps the tabs (and extension pages) of one origin in step: a change in one shows in the others at once,
// without each polling the server. Messages carry only what the sender already stored; receivers check them
// against the contract before use, like any other input.

export type SyncMessage =
  | { kind: 'consents'; subject: string; state: unknown }
  | { kind: 'requests'; subject: string }
  | { kind: 'outbox'; subject: string };

export interface TabSync {
  post(message: SyncMessage): void;
  /** Calls `listener` for each message from another tab until `signal` aborts; returns a function that stops it. */
  listen(listener: (message: SyncMessage) => void, signal?: AbortSignal): () => void;
  close(): void;
}

const isMessage = (v: unknown): v is SyncMessage =>
  typeof v === 'object' &&
  v !== null &&
  typeof (v as SyncMessage).subject === 'string' &&
  ['consents', 'requests', 'outbox'].includes((v as SyncMessage).kind);

/**
 * A channel per API base (two widgets for two services on one page stay apart), closed when `signal` aborts.
 * No BroadcastChannel: a no-op.
 */
export function createTabSync(apiBase: string, signal?: AbortSignal): TabSync {
  if (typeof BroadcastChannel === 'undefined')
    return { post: () => undefined, listen: () => () => undefined, close: () => undefined };
  const channel = new BroadcastChannel(`twikit-privacy|${apiBase}`);
  signal?.addEventListener('abort', () => channel.close(), { once: true });
  const listeners = new Set<(message: SyncMessage) => void>();
  channel.onmessage = (event: MessageEvent) => {
    if (!isMessage(event.data)) return;
    for (const listener of listeners) listener(event.data);
  };
  return {
    post(message) {
      try {
        channel.postMessage(message);
      } catch {
        // a closed channel (the page is going away): the other tabs learn it from the server later
      }
    },
    listen(listener, stop) {
      const remove = () => void listeners.delete(listener);
      if (stop?.aborted) return remove;
      listeners.add(listener);
      stop?.addEventListener('abort', remove, { once: true });
      return remove;
    },
    close: () => channel.close(),
  };
}

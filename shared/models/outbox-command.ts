// One command that goes through the outbox (a consent decision, a rights request): written to the device before
// its first attempt, sent under its idempotency key, retried while the failure may pass (`retriesLater`), refused
// for good otherwise. The caller that made it waits for the first attempt's outcome; later attempts (a retry, a
// flush after a reload, another tab) report through `onSent` / `onRefused` only.
import { computed, signal, type ReadonlySignal } from '@preact/signals-core';
import type { ApiError, ApiErrorKind } from '../api/api-error.ts';
import { asApiError } from './load-state.ts';
import type { Outbox, OutboxEntry, OutboxKind } from './outbox.ts';

/** What the first attempt of `run` came to: the server's answer, refused for good, or waiting on this device. */
export type CommandOutcome<R> = { sent: R } | { refused: ApiError } | { waiting: ApiErrorKind | null };

export interface OutboxCommandOptions<B, R> {
  /** One attempt; throws on failure. */
  send(body: B, key: string): Promise<R>;
  /** The server took it (on any attempt), before `run` resolves. */
  onSent?(result: R, entry: OutboxEntry): Promise<void> | void;
  /** An attempt failed in a way that passes (offline, busy): it waits. */
  onWait?(error: ApiError, entry: OutboxEntry): void;
  /** The server refused it; `first`: the attempt `run` waits on (its caller handles the refusal). */
  onRefused?(error: ApiError, entry: OutboxEntry, first: boolean): Promise<void> | void;
}

export interface OutboxCommand<B, R> {
  /** The bodies waiting on this device, not counting those on their first attempt (busy, not "not sent yet"). */
  queued: ReadonlySignal<readonly B[]>;
  /** Keeps `body` on the device under `key`, tries it once, and says how that went. */
  run(key: string, body: B): Promise<CommandOutcome<R>>;
}

/** Registers the sender of `kind` with the outbox and returns the command that adds to it. */
export function createOutboxCommand<B, R>(
  outbox: Outbox,
  kind: OutboxKind,
  options: OutboxCommandOptions<B, R>,
): OutboxCommand<B, R> {
  /** Keys on their first attempt, with the outcome that attempt came to once known. */
  const outcomes = new Map<string, CommandOutcome<R> | null>();
  const firstAttempt = signal<ReadonlySet<string>>(new Set());
  const setFirst = (key: string, on: boolean) => {
    const next = new Set(firstAttempt.value);
    if (on) next.add(key);
    else next.delete(key);
    firstAttempt.value = next;
  };
  const settle = (key: string, outcome: CommandOutcome<R>) => void (outcomes.has(key) && outcomes.set(key, outcome));

  outbox.register(kind, async (entry) => {
    const first = outcomes.has(entry.key);
    try {
      const result = await options.send(entry.body as B, entry.key);
      settle(entry.key, { sent: result });
      await options.onSent?.(result, entry);
      return 'sent';
    } catch (error) {
      const apiError = asApiError(error);
      if (apiError.retryable) {
        // The first attempt's reason goes back to `run`, so the person is told why it waits.
        settle(entry.key, { waiting: apiError.kind });
        options.onWait?.(apiError, entry);
        return 'retry';
      }
      settle(entry.key, { refused: apiError });
      await options.onRefused?.(apiError, entry, first);
      return 'refused';
    }
  });

  return {
    queued: computed(() =>
      outbox.entries.value.filter((e) => e.kind === kind && !firstAttempt.value.has(e.key)).map((e) => e.body as B),
    ),
    async run(key, body) {
      outcomes.set(key, null);
      setFirst(key, true);
      try {
        // Kept on the device before the first attempt: a reload or a lost connection mid-send loses nothing.
        await outbox.add({ key, kind, body });
        return outcomes.get(key) ?? { waiting: null };
      } finally {
        outcomes.delete(key);
        setFirst(key, false);
      }
    },
  };
}

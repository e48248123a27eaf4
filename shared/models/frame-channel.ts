import * as z from 'zod/mini';

// Both ends of the widget ↔ sign-in frame channel (shared/contract/frame-messages.ts), written once (R69): a
// message is posted to one exact origin, never '*', and one is taken only from the expected window at the
// expected origin, and only when its schema accepts it. Anything else is dropped without a word: a page may post
// whatever it likes to its windows, and an answer would tell it what we listen for.

/** Posts `message` to `target`, readable only by a document at `origin` (an exact origin, never '*'). */
export function postTo(target: Window | null | undefined, origin: string, message: object): void {
  target?.postMessage({ type: 'twikit-frame', ...message }, origin);
}

/**
 * Calls `onMessage` with each message from the window `source()` (at the time it arrives) at exactly `origin`
 * that `schema` accepts, until `signal` aborts.
 */
export function listenFrom<T>(
  origin: string,
  source: () => MessageEventSource | null | undefined,
  schema: z.ZodMiniType<T>,
  onMessage: (message: T) => void,
  signal: AbortSignal,
): void {
  addEventListener(
    'message',
    (event: MessageEvent) => {
      if (event.origin !== origin || !event.source || event.source !== source()) return;
      const parsed = z.safeParse(schema, event.data);
      if (parsed.success) onMessage(parsed.data);
    },
    { signal },
  );
}

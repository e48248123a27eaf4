/** A fresh idempotency key: random, so a retry of the same action reuses it and a new action never collides. */
export const newIdempotencyKey = (): string => globalThis.crypto.randomUUID();

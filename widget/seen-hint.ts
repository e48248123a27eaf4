// A hint, in the host page's localStorage, that this device has already seen someone at this API: read
// synchronously when the runtime starts, so a first visit can fetch the panel and the notice before
// IndexedDB has even opened (≈ 30–75 ms at CPU 1×–4×). Only a hint: whether the first layer opens by itself
// is still decided by the IndexedDB cache (widget/runtime.ts); a missing hint costs a returning person one
// early fetch, a wrong one only the early start. Nothing personal is stored: the key names the API, the value is "1".
// Storage that throws (blocked, sandboxed, over quota) reads as "not seen" and is never written.

const keyOf = (apiBase: string) => `twikit-privacy|seen|${apiBase}`;

/** True when this device has recorded seeing someone at `apiBase`. */
export function seenHint(apiBase: string): boolean {
  try {
    return globalThis.localStorage?.getItem(keyOf(apiBase)) === '1';
  } catch {
    return false;
  }
}

/** Records that this device has seen someone at `apiBase` (a no-op where storage is refused). */
export function rememberSeen(apiBase: string): void {
  try {
    globalThis.localStorage?.setItem(keyOf(apiBase), '1');
  } catch {
    // Refused storage: the next visit just starts a little later.
  }
}

// The page-facing events: one `twikit-privacy:ready` once the state is known, then a `twikit-privacy:change` (and a
// call to each subscriber) per purpose that moves. All of it stops when `signal` aborts.
import { effect, type ReadonlySignal } from '@preact/signals-core';
import type { ConsentState } from '../shared/contract/consent.ts';
import type { PurposeId } from '../shared/contract/notice.ts';
import type { ChangeDetail, TwikitPrivacyApi } from './public-api.ts';

export type ConsentEvents = Pick<TwikitPrivacyApi, 'get' | 'ready' | 'subscribe'> & {
  /** Ends the wait of `ready()` without a state (nothing known: offline, nothing cached). */
  giveUp(): void;
};

/** Watches the consent state and tells the page about it, until `signal` aborts (then `ready()` resolves too). */
export function watchConsents(state: ReadonlySignal<ConsentState | null>, signal: AbortSignal): ConsentEvents {
  const listeners = new Set<{ purpose: PurposeId | '*'; listener: (d: ChangeDetail) => void }>();
  let known: Map<PurposeId, boolean> | null = null;
  let resolveReady!: () => void;
  const readyPromise = new Promise<void>((resolve) => (resolveReady = resolve));
  const stop = effect(() => {
    const current = state.value;
    if (!current || signal.aborted) return;
    const next = new Map(current.purposes.map((p) => [p.purpose, p.active] as const));
    const previous = known;
    known = next;
    if (!previous) {
      document.dispatchEvent(
        new CustomEvent('twikit-privacy:ready', { detail: { purposes: Object.fromEntries(next) } }),
      );
      resolveReady();
      return;
    }
    for (const [purpose, active] of next) {
      if (previous.get(purpose) === active) continue;
      const detail: ChangeDetail = { purpose, active };
      document.dispatchEvent(new CustomEvent('twikit-privacy:change', { detail }));
      for (const l of listeners) if (l.purpose === '*' || l.purpose === purpose) safeCall(() => l.listener(detail));
    }
  });
  const end = () => {
    stop();
    listeners.clear();
    resolveReady();
  };
  if (signal.aborted) end();
  else signal.addEventListener('abort', end, { once: true });
  return {
    get: (purpose) => known?.get(purpose),
    ready: () => readyPromise,
    subscribe(purpose, listener) {
      const entry = { purpose, listener };
      if (!signal.aborted) listeners.add(entry);
      return () => void listeners.delete(entry);
    },
    giveUp: () => resolveReady(),
  };
}

function safeCall(fn: () => void): void {
  try {
    fn();
  } catch (error) {
    console.warn('[twikit-privacy] a listener threw', error);
  }
}

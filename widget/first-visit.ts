// The first layer on a first visit. A device that has seen no one here will show it: fetch the panel, its language
// and the notice now, alongside the identity and consent calls, not after them. A returning person (who opens the
// panel rarely) pays nothing for this. The synchronous hint starts it before IndexedDB opens; the cache decides,
// and starts it if the hint was missing.
import type { BaseCore } from '../shared/base-core.ts';
import type { Locale } from '../shared/contract/common.ts';
import { lastSubjectKey } from '../shared/models/identity.ts';
import { fetchNoticeEarly } from './early-notice.ts';
import { loadPanel } from './load-panel.ts';
import type { InitOptions } from './public-api.ts';
import type { Early, PanelModule } from './runtime-types.ts';
import { rememberSeen, seenHint } from './seen-hint.ts';

export interface FirstVisitPlace {
  options: InitOptions;
  apiBase: string;
  locale: Locale;
  early: Early;
  /** The page's own fetch (the early answers bypass the map they go into). */
  pageFetch: typeof fetch;
  signal: AbortSignal;
}

export interface FirstVisit {
  /** Once the core exists: the cache decides whether this device has seen anyone; if not, `open` the first layer. */
  withCore(core: BaseCore, dialog: { opening(): boolean; open(): void }): void;
  /**
   * Once the server answered: open the first layer while no consent is decided (R14), or when a consent expired by a
   * notice change (R12); remember this device.
   */
  started(core: BaseCore, dialog: { opening(): boolean; open(): void }): void;
}

/** Starts the first visit's prefetch at once (when the hint says so) and returns its two later steps. */
export function firstVisit({ options, apiBase, locale, early, pageFetch, signal }: FirstVisitPlace): FirstVisit {
  const inline = options.mode === 'inline';
  const autoOpens = !inline && options.autoOpen !== false;
  let prefetched: Promise<PanelModule> | null = null;
  const prefetch = () => {
    if (prefetched) return prefetched;
    fetchNoticeEarly(early, pageFetch, apiBase, locale, signal); // unless the loader already did
    prefetched = loadPanel();
    return prefetched;
  };
  // Read once; written back only when missing (one localStorage write on a first visit, none after).
  const hinted = seenHint(apiBase);
  const remember = () => void (hinted || rememberSeen(apiBase));
  if (autoOpens && !hinted) void prefetch().catch(() => undefined);

  return {
    withCore(core, dialog) {
      if (!autoOpens) return;
      // What the first layer needs (the notice checked, the language) is prepared while the cache is asked whether
      // this device has seen anyone; the cache alone decides whether it opens.
      const prepare = () => prefetch().then((panel) => panel.prepare(core, { firstVisit: true }));
      const prepared = prefetched ? prepare() : null;
      prepared?.catch(() => undefined);
      void core.cache
        .get(lastSubjectKey(apiBase))
        .then(async (seen) => {
          if (signal.aborted) return;
          if (seen !== undefined) return remember();
          // A visitor (no host account) on a device that has seen no one cannot have decided anything yet: the first
          // layer can show without waiting for the identity and consent calls. A host's user may have decided on
          // another device, so for them it waits for the server's state (`started`).
          await (prepared ?? prepare());
          if (!options.getToken && !dialog.opening() && !signal.aborted) dialog.open();
        })
        .catch(() => undefined);
    },
    started(core, dialog) {
      const state = core.consents.state.value;
      if (state) remember();
      // Only once the server answered, so a decision can be recorded.
      const undecided = state?.purposes.every((p) => p.kind !== 'consent' || !p.decided);
      // A consent the person gave ended because the notice changed it (R12): the first layer shows what changed.
      const reconsent = state?.purposes.some((p) => p.expired);
      // `autoOpen` as the page has it now: it may have turned it off since (init after start).
      if (
        !inline &&
        options.autoOpen !== false &&
        state &&
        !core.consents.fromCache.value &&
        (undecided || reconsent) &&
        !dialog.opening() &&
        !signal.aborted
      )
        dialog.open();
    },
  };
}

import { batch, computed, signal, type ReadonlySignal, type Signal } from '@preact/signals-core';
import type { ConsentsApi } from '../api/consents-api.ts';
import type { DecisionsApi } from '../api/decisions-api.ts';
import type { Locale, Surface } from '../contract/common.ts';
import type { ConsentDecisionInput, ConsentState, DecidedRecord } from '../contract/consent.ts';
import { ConsentStateCheck } from '../contract/first-load.ts';
import type { PurposeId } from '../contract/notice.ts';
import type { Cache } from '../storage/cache.ts';
import { gpcDecisionsNeeded } from './gpc.ts';
import { newIdempotencyKey } from './ids.ts';
import { asApiError, createLoadState, type LoadState } from './load-state.ts';

export type Decision = ConsentDecisionInput['decision'];

export interface ConsentContext {
  surface: Surface;
  locale: () => Locale;
  /** The version of the notice the person is shown; decisions are recorded against it. */
  noticeVersion: () => Promise<string>;
  /** The API for recording decisions; in the widget it arrives with the panel (a decision loads it if needed). */
  decisions: () => Promise<Pick<DecisionsApi, 'decide'>>;
  subjectKey: () => Promise<string>;
  /** `navigator.globalPrivacyControl` as this page sees it. */
  gpc: boolean;
}

export interface ConsentModel extends LoadState {
  state: Signal<ConsentState | null>;
  /** Purposes with a decision on its way to the server. */
  pending: Signal<ReadonlySet<PurposeId>>;
  /** GPC is on and the state honours it (shown as "GPC honoured", R28). */
  gpcHonored: ReadonlySignal<boolean>;
  active(purpose: PurposeId): boolean;
  load(signal?: AbortSignal): Promise<void>;
  /** Sends one decision; resolves with the server's record, or rejects with an ApiError (state unchanged). */
  decide(purpose: PurposeId, decision: Decision, control: string, method?: 'ui' | 'gpc'): Promise<DecidedRecord>;
}

/** Consent and objection state, shown from the cache at once and confirmed by the server. */
export function createConsentModel(api: ConsentsApi, cache: Cache, context: ConsentContext): ConsentModel {
  const load = createLoadState();
  const state = signal<ConsentState | null>(null);
  const pending = signal<ReadonlySet<PurposeId>>(new Set());
  const cacheKey = async () => `${api.baseUrl}|consents|${await context.subjectKey()}`;
  const gpcAppliedKey = async () => `${api.baseUrl}|gpc-applied|${await context.subjectKey()}`;

  const setPending = (purpose: PurposeId, on: boolean) => {
    const next = new Set(pending.value);
    if (on) next.add(purpose);
    else next.delete(purpose);
    pending.value = next;
  };

  async function store(next: ConsentState) {
    state.value = next;
    await cache.set(await cacheKey(), next);
  }

  const model: ConsentModel = {
    ...load,
    state,
    pending,
    gpcHonored: computed(() => {
      const s = state.value;
      if (!s || !(context.gpc || s.gpc.signal)) return false;
      const active = (p: PurposeId) => s.purposes.find((x) => x.purpose === p)?.active ?? false;
      return !active('third_party_sharing') && active('telemetry');
    }),
    active: (purpose) => state.value?.purposes.find((p) => p.purpose === purpose)?.active ?? false,
    async load(abort) {
      load.status.value = 'loading';
      // A cached state that no longer fits the contract is ignored, never shown.
      const cached = await ConsentStateCheck['~standard'].validate(await cache.get(await cacheKey()));
      if (!cached.issues && !state.value) {
        state.value = cached.value;
        load.fromCache.value = true;
      }
      try {
        await store(await api.consents(abort));
        load.fromCache.value = false;
        load.error.value = null;
        load.status.value = 'ready';
        await applyGpcOnce();
      } catch (error) {
        if (abort?.aborted) return; // torn down: not an error anyone should see
        load.error.value = asApiError(error);
        load.status.value = state.value ? 'ready' : 'error';
      }
    },
    async decide(purpose, decision, control, method = 'ui') {
      setPending(purpose, true);
      try {
        const input = {
          purpose, decision, method, control, surface: context.surface, locale: context.locale(),
          noticeVersion: await context.noticeVersion(),
        } as ConsentDecisionInput;
        const result = await (await context.decisions()).decide(input, newIdempotencyKey());
        // State and pending change together, so no frame shows the new state while still busy.
        batch(() => {
          state.value = result.state;
          load.error.value = null;
          setPending(purpose, false);
        });
        await cache.set(await cacheKey(), result.state);
        return result.record;
      } catch (error) {
        const apiError = asApiError(error);
        load.error.value = apiError;
        throw apiError;
      } finally {
        setPending(purpose, false);
      }
    },
  };

  // GPC set only in JS (no Sec-GPC header reached the server): apply it once per person on this device,
  // so a later opt-in the person confirms is not overridden again (R29).
  async function applyGpcOnce() {
    const current = state.value;
    if (!current || !context.gpc || current.gpc.signal) return;
    const key = await gpcAppliedKey();
    if (await cache.get(key)) return;
    for (const { purpose, decision } of gpcDecisionsNeeded(current, true)) {
      await model.decide(purpose, decision, 'gpc', 'gpc');
    }
    await cache.set(key, true);
  }

  return model;
}

import { batch, computed, signal, type ReadonlySignal, type Signal } from '@preact/signals-core';
import type { ApiError } from '../api/api-error.ts';
import type { ConsentsApi } from '../api/consents-api.ts';
import type { DecisionsApi } from '../api/decisions-api.ts';
import type { Locale, Surface } from '../contract/common.ts';
import type { ConsentDecisionInput, ConsentEvent, ConsentState, DecidedRecord } from '../contract/consent.ts';
import { ConsentStateCheck } from '../contract/first-load.ts';
import type { PurposeId } from '../contract/notice.ts';
import type { Cache } from '../storage/cache.ts';
import { activeAfter, eventOf, gpcReflected } from '../registry/purpose-rules.ts';
import { gpcDecisionsNeeded } from './gpc.ts';
import { newIdempotencyKey } from './ids.ts';
import { asApiError, createLoadState, type LoadState } from './load-state.ts';
import type { Outbox, OutboxEntry, SendOutcome } from './outbox.ts';
import { shouldWait } from './outbox-errors.ts';

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
  /** Where decisions wait until the server confirms them (shared with rights requests). */
  outbox: Outbox;
  /** Tells the other tabs of this origin about a new state. */
  broadcast?: (state: ConsentState) => void;
}

/** A decision kept on this device because the server could not be reached; it is sent when it can be. */
export interface QueuedDecision {
  queued: true;
  purpose: PurposeId;
  event: ConsentEvent;
  /** Why it waits, when the server said so: it is busy (a rate limit), not unreachable. */
  reason?: 'rate-limited';
}

/** What deciding did: the server's record, or the decision queued on this device. */
export type DecisionOutcome = DecidedRecord | QueuedDecision;

export const isQueued = (outcome: object | undefined): outcome is QueuedDecision => !!outcome && 'queued' in outcome;

export interface ConsentModel extends LoadState {
  state: Signal<ConsentState | null>;
  /** Purposes with a decision on its way to the server. */
  pending: Signal<ReadonlySet<PurposeId>>;
  /** Purposes whose latest decision is kept on this device, not yet recorded by the server. */
  queued: ReadonlySignal<ReadonlySet<PurposeId>>;
  /** GPC is on and the state honours it (shown as "GPC honoured", R28). */
  gpcHonored: ReadonlySignal<boolean>;
  active(purpose: PurposeId): boolean;
  load(signal?: AbortSignal): Promise<void>;
  /**
   * Records one decision: the state shows it at once; resolves with the server's record, or — offline, server
   * down — with the decision queued on this device (sent later, exactly once). Rejects with an ApiError only when
   * the server refused it (the state goes back).
   */
  decide(purpose: PurposeId, decision: Decision, control: string, method?: 'ui' | 'gpc'): Promise<DecisionOutcome>;
  /** A state another tab stored (checked against the contract first). */
  receive(state: unknown): Promise<void>;
  /** Re-applies the queued decisions after the outbox changed in another tab. */
  refresh(): void;
}


/** The server's state with the decisions still waiting on this device applied on top, in order. */
function withQueued(server: ConsentState | null, waiting: readonly OutboxEntry[]): ConsentState | null {
  if (!server) return server;
  let purposes = server.purposes;
  for (const entry of waiting) {
    if (entry.kind !== 'decision') continue;
    const input = entry.body as ConsentDecisionInput;
    purposes = purposes.map((p) => (p.purpose === input.purpose ? { ...p, active: activeAfter(input.decision), decided: true } : p));
  }
  return purposes === server.purposes ? server : { ...server, purposes };
}

/** Consent and objection state, shown from the cache at once and confirmed by the server. */
export function createConsentModel(api: ConsentsApi, cache: Cache, context: ConsentContext): ConsentModel {
  const load = createLoadState();
  const state = signal<ConsentState | null>(null);
  const pending = signal<ReadonlySet<PurposeId>>(new Set());
  const { outbox } = context;
  /** The last state the server (or the cache of it) gave; `state` is this plus the queued decisions. */
  let confirmed: ConsentState | null = null;
  /**
   * Counts the states that arrived from elsewhere than a read (a decision's answer, another tab's state). A read
   * that was on its way meanwhile answers with the state from before them: storing it would undo the person's
   * decision on screen (and in the cache) while the server holds it.
   */
  let newer = 0;
  /** Outcomes of sends, by idempotency key, for the `decide` call waiting on them. */
  const outcomes = new Map<string, { record?: DecidedRecord; error?: unknown; waiting?: ApiError['kind'] }>();
  /** Keys on their first attempt: the switch is busy then, not "not sent yet". */
  const firstAttempt = signal<ReadonlySet<string>>(new Set());
  const queued = computed(
    () => new Set(outbox.entries.value.filter((e) => e.kind === 'decision' && !firstAttempt.value.has(e.key)).map((e) => (e.body as ConsentDecisionInput).purpose)),
  );
  const attempting = (key: string, on: boolean) => {
    const next = new Set(firstAttempt.value);
    if (on) next.add(key);
    else next.delete(key);
    firstAttempt.value = next;
  };
  const show = () => void (state.value = withQueued(confirmed, outbox.entries.value));
  const cacheKey = async () => `${api.baseUrl}|consents|${await context.subjectKey()}`;
  const gpcAppliedKey = async () => `${api.baseUrl}|gpc-applied|${await context.subjectKey()}`;

  const setPending = (purpose: PurposeId, on: boolean) => {
    const next = new Set(pending.value);
    if (on) next.add(purpose);
    else next.delete(purpose);
    pending.value = next;
  };

  async function store(next: ConsentState) {
    confirmed = next;
    show();
    await cache.set(await cacheKey(), next);
    context.broadcast?.(next);
  }

  // Sends one queued decision. Offline, a server error, a rate limit or a session to renew: it waits.
  async function send(entry: OutboxEntry): Promise<SendOutcome> {
    try {
      const result = await (await context.decisions()).decide(entry.body as ConsentDecisionInput, entry.key);
      outcomes.set(entry.key, { record: result.record });
      load.error.value = null;
      newer++;
      await store(result.state);
      return 'sent';
    } catch (error) {
      const apiError = asApiError(error);
      if (shouldWait(apiError)) {
        load.error.value = apiError;
        // The first attempt's reason goes back to `decide`, so the person is told why it waits.
        if (firstAttempt.value.has(entry.key)) outcomes.set(entry.key, { waiting: apiError.kind });
        return 'retry';
      }
      outcomes.set(entry.key, { error: apiError });
      return 'refused';
    }
  }
  outbox.register('decision', send);

  const model: ConsentModel = {
    ...load,
    state,
    pending,
    queued,
    gpcHonored: computed(() => {
      const s = state.value;
      if (!s || !(context.gpc || s.gpc.signal)) return false;
      return gpcReflected(s.purposes);
    }),
    active: (purpose) => state.value?.purposes.find((p) => p.purpose === purpose)?.active ?? false,
    async load(abort) {
      load.status.value = 'loading';
      // A cached state that no longer fits the contract is ignored, never shown.
      const cached = await ConsentStateCheck['~standard'].validate(await cache.get(await cacheKey()));
      if (!cached.issues && !confirmed) {
        confirmed = cached.value;
        show();
        load.fromCache.value = true;
      }
      const seen = newer;
      try {
        const read = await api.consents(abort);
        if (newer === seen) await store(read); // else a decision (or another tab) brought a newer state meanwhile
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
        const wasActive = model.active(purpose);
        const key = newIdempotencyKey();
        // Kept on the device before the first attempt: a reload or a lost connection mid-send loses nothing.
        attempting(key, true);
        try {
          await outbox.add({ key, kind: 'decision', body: input });
        } finally {
          attempting(key, false);
        }
        const outcome = outcomes.get(key);
        outcomes.delete(key);
        if (outcome?.record) return outcome.record;
        if (outcome?.error) {
          const apiError = asApiError(outcome.error);
          load.error.value = apiError;
          show(); // the refused decision is gone from the outbox: the state goes back
          throw apiError;
        }
        show();
        return { queued: true, purpose, event: eventOf(decision, wasActive), ...(outcome?.waiting === 'rate-limited' ? { reason: 'rate-limited' as const } : {}) };
      } catch (error) {
        throw asApiError(error);
      } finally {
        setPending(purpose, false);
      }
    },
    async receive(next) {
      const checked = await ConsentStateCheck['~standard'].validate(next);
      if (checked.issues) return;
      newer++;
      confirmed = checked.value;
      show();
    },
    refresh: show,
  };

  // GPC set only in JS (no Sec-GPC header reached the server): apply it once per person on this device,
  // so a later opt-in the person confirms is not overridden again (R29).
  async function applyGpcOnce() {
    const current = confirmed;
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

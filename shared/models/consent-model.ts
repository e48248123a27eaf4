import { computed, signal, type ReadonlySignal, type Signal } from '@preact/signals-core';
import type { ConsentsApi } from '../api/consents-api.ts';
import type { DecisionsApi } from '../api/decisions-api.ts';
import type { Locale, Surface } from '../contract/common.ts';
import type { ConsentDecisionInput, ConsentEvent, ConsentState, DecidedRecord } from '../contract/consent.ts';
import { ConsentStateCheck } from '../contract/first-load.ts';
import type { PurposeId } from '../contract/notice.ts';
import type { Cache } from '../storage/cache.ts';
import { activeAfter, eventOf, gpcReflected, stateFacts } from '../notice/purpose-rules.ts';
import { gpcDecisionsNeeded } from './gpc.ts';
import { newIdempotencyKey } from './ids.ts';
import { createCachedResource } from './cached-resource.ts';
import { asApiError, createLoadState, type LoadState } from './load-state.ts';
import type { Outbox, OutboxEntry } from './outbox.ts';
import { createOutboxCommand } from './outbox-command.ts';

export type Decision = ConsentDecisionInput['decision'];

export interface ConsentContext {
  surface: Surface;
  locale: () => Locale;
  /** The version of the notice the person is shown; decisions are recorded against it. */
  noticeVersion: () => Promise<string>;
  /** The API for recording decisions, loaded the first time it is needed (base-core.ts). */
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
  /**
   * Counts decisions the server refused because the notice they cited was replaced or never published (R12): the
   * surface reloads the notice so the person sees the current text and decides again.
   */
  noticeChanged: Signal<number>;
  /** The browser sends GPC (this page reads it, or the server saw `Sec-GPC: 1`): switching sharing on needs a confirmation (R29). */
  gpcOn: ReadonlySignal<boolean>;
  active(purpose: PurposeId): boolean;
  load(signal?: AbortSignal): Promise<void>;
  /**
   * Records one decision: the state shows it at once; resolves with the server's record, or — offline, server
   * down — with the decision queued on this device (sent later, exactly once). Rejects with an ApiError only when
   * the server refused it (the state goes back).
   */
  decide(purpose: PurposeId, decision: Decision, control: string, method?: 'ui' | 'gpc'): Promise<DecisionOutcome>;
  /**
   * Ends a visitor's visit (the host hands the device to the next person): the server lets their body-scan
   * consent lapse now. Resolves true once the new state is shown, false when the server could not be reached.
   */
  endVisit(): Promise<boolean>;
  /** A state another tab stored (checked against the contract first). */
  receive(state: unknown): Promise<void>;
  /** Re-applies the queued decisions after the outbox changed in another tab. */
  refresh(): void;
}

/** GPC is on (in this page or as the server saw it) and the state honours it, as each purpose's `gpc` asks. */
function gpcHonored(s: ConsentState | null, gpc: boolean): boolean {
  if (!s || !(gpc || s.gpc.signal)) return false;
  return gpcReflected(stateFacts(s.purposes), s.purposes);
}

/** The server's state with the decisions still waiting on this device applied on top, in order. */
function withQueued(server: ConsentState | null, waiting: readonly OutboxEntry[]): ConsentState | null {
  if (!server) return server;
  let purposes = server.purposes;
  for (const entry of waiting) {
    if (entry.kind !== 'decision') continue;
    const input = entry.body as ConsentDecisionInput;
    purposes = purposes.map((p) =>
      p.purpose === input.purpose ? { ...p, active: activeAfter(input.decision), decided: true } : p,
    );
  }
  return purposes === server.purposes ? server : { ...server, purposes };
}

/** Consent and objection state, shown from the cache at once and confirmed by the server. */
export function createConsentModel(api: ConsentsApi, cache: Cache, context: ConsentContext): ConsentModel {
  const load = createLoadState();
  const state = signal<ConsentState | null>(null);
  const pending = signal<ReadonlySet<PurposeId>>(new Set());
  const noticeChanged = signal(0);
  const { outbox } = context;
  /** The last state the server (or the cache of it) gave; `state` is this plus the queued decisions. */
  let confirmed: ConsentState | null = null;
  const show = () => void (state.value = withQueued(confirmed, outbox.entries.value));
  const gpcAppliedKey = async () => `${api.baseUrl}|gpc-applied|${await context.subjectKey()}`;

  const setPending = (purpose: PurposeId, on: boolean) => {
    const next = new Set(pending.value);
    if (on) next.add(purpose);
    else next.delete(purpose);
    pending.value = next;
  };

  const resource = createCachedResource<ConsentState>(load, {
    cache,
    key: async () => `${api.baseUrl}|consents|${await context.subjectKey()}`,
    check: async (value) => {
      // A cached state that no longer fits the contract is ignored, never shown.
      const checked = await ConsentStateCheck['~standard'].validate(value);
      return checked.issues ? undefined : checked.value;
    },
    showCached: (cached) => {
      if (confirmed) return false;
      confirmed = cached;
      show();
      return true;
    },
    read: (abort) => api.consents(abort),
    // Overtaken: a decision (or another tab) brought a newer state meanwhile, which stays.
    store: async (read, overtaken) => (overtaken ? undefined : store(read)),
    hasValue: () => state.value !== null,
  });

  async function store(next: ConsentState) {
    confirmed = next;
    show();
    await resource.writeCache(next);
    context.broadcast?.(next);
  }

  // Offline, a server error, a rate limit or a session to renew: the decision waits (outbox-command.ts).
  const command = createOutboxCommand<ConsentDecisionInput, DecidedRecord>(outbox, 'decision', {
    send: async (input, key) => {
      const result = await (await context.decisions()).decide(input, key);
      load.error.value = null;
      resource.overtake();
      await store(result.state);
      return result.record;
    },
    onWait: (error) => void (load.error.value = error),
    // Refused, also when sent later from the outbox: the person is told (the error) and, when the notice it cited is
    // gone, shown the current one to decide again; the decision is not dropped unseen.
    onRefused: (error) => {
      load.error.value = error;
      if (/\/notice-version-/.test(error.problem?.type ?? '')) noticeChanged.value++;
    },
  });
  const queued = computed(() => new Set(command.queued.value.map((input) => input.purpose)));

  const model: ConsentModel = {
    ...load,
    state,
    pending,
    noticeChanged,
    queued,
    gpcHonored: computed(() => gpcHonored(state.value, context.gpc)),
    gpcOn: computed(() => context.gpc || !!state.value?.gpc.signal),
    active: (purpose) => state.value?.purposes.find((p) => p.purpose === purpose)?.active ?? false,
    load: (abort) => resource.load(abort, applyGpcOnce),
    async decide(purpose, decision, control, method = 'ui') {
      setPending(purpose, true);
      try {
        const input = {
          purpose,
          decision,
          method,
          control,
          surface: context.surface,
          locale: context.locale(),
          noticeVersion: await context.noticeVersion(),
          // The client's claim of when the person decided: kept by the server apart from when it received it.
          decidedAt: new Date().toISOString(),
        } as ConsentDecisionInput;
        const wasActive = model.active(purpose);
        const outcome = await command.run(newIdempotencyKey(), input);
        if ('sent' in outcome) return outcome.sent;
        if ('refused' in outcome) {
          load.error.value = outcome.refused;
          show(); // the refused decision is gone from the outbox: the state goes back
          throw outcome.refused;
        }
        show();
        return {
          queued: true,
          purpose,
          event: eventOf(decision, wasActive),
          ...(outcome.waiting === 'rate-limited' ? { reason: 'rate-limited' as const } : {}),
        };
      } catch (error) {
        throw asApiError(error);
      } finally {
        setPending(purpose, false);
      }
    },
    endVisit: () =>
      api.endVisit().then(
        async (next) => {
          resource.overtake();
          await store(next);
          return true;
        },
        () => false,
      ),
    async receive(next) {
      const checked = await ConsentStateCheck['~standard'].validate(next);
      if (checked.issues) return;
      resource.overtake();
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

import { useId } from 'preact/hooks';
import type { DecisionOutcome } from '../models/consent-model.ts';
import { acceptAllDecisions, acceptAllPurposes, gpcKeepsOff } from '../notice/purpose-rules.ts';
import { announcement } from './announce.ts';
import { useCore } from './CoreContext.ts';
import { DecisionStatus } from './DecisionStatus.tsx';
import { useT } from './I18nContext.ts';
import { useDecisions } from './useDecisions.ts';

export interface AcceptRejectProps {
  onChooseOneByOne(): void;
  /**
   * Called with what was recorded once a choice is made; a shell that closes on a decision (the widget's dialog)
   * announces the sentence itself, outside what it closes. Without it the sentence stays in this view's status.
   */
  onDecided?: ((said: string) => void) | undefined;
  /** The notice's data types of the purpose the choice covers, in the notice's words, when it covers one. */
  dataTypes?: string | undefined;
}

/**
 * "Accept all" / "Reject all" (R17): two buttons of one class, so the same size, weight and contrast, kept in view
 * (a sticky bar) however long the first layer is. When they cover one purpose they say so ("Allow sharing with
 * third parties" / "Don't allow") and the question names who would receive the data. A special category (body
 * scans) is never part of either (R22): it is asked, and withdrawn, only in its own step and in "Your choices".
 * While the browser sends GPC, accept all leaves the purposes GPC keeps off alone (R29): an exception to the
 * signal is made only one purpose at a time, confirmed, in the consents view.
 */
export function AcceptReject({ onChooseOneByOne, onDecided, dataTypes }: AcceptRejectProps) {
  const i18n = useT();
  const { t } = i18n;
  const { consents, notice } = useCore();
  const id = useId();
  const decisions = useDecisions();
  const busy = consents.pending.value.size > 0;
  const gpcOn = consents.gpcOn.value;
  const purposes = notice.response.value?.notice.purposes ?? [];
  const covered = acceptAllPurposes(purposes);
  // The buttons name the one purpose they cover in the UI's own sentence, so only when the notice is in the UI's
  // language (R13): a notice served in English to a French panel (no translation yet) keeps the general labels
  // rather than put English words in a French sentence.
  const sameLanguage = notice.response.value?.notice.locale === i18n.lang;
  const only = covered.length === 1 && sameLanguage ? purposes.find((p) => p.id === covered[0]) : undefined;

  const choose = (accept: boolean) =>
    decisions.run(async () => {
      const records: DecisionOutcome[] = [];
      // In order, one at a time: what the notice says accept all / reject all decides.
      // With GPC on, accept all leaves what GPC keeps off alone: an exception is confirmed one purpose at a time.
      const keptOff = accept && gpcOn ? gpcKeepsOff(purposes) : [];
      for (const { purpose, decision } of acceptAllDecisions(purposes, accept, consents.active)) {
        if (keptOff.includes(purpose)) continue;
        records.push(await consents.decide(purpose, decision, accept ? 'accept-all' : 'reject-all'));
      }
      // Nothing to record (GPC kept the one purpose off): the sentence says the state as it stands.
      if (onDecided) onDecided(records.map((r) => announcement(i18n, r, purposes)).join(' ') || t('first.unchanged'));
      return records;
    });

  return (
    <section class="tp-choices" aria-labelledby={id}>
      <h3 id={id} class="tp-sr">
        {t('first.choices')}
      </h3>
      <p class="tp-choices-intro">
        {only && dataTypes ? t('first.oneQuestion', { data: dataTypes }) : t('first.choicesIntro')}
      </p>
      <div class="tp-choice-buttons">
        <button
          type="button"
          class="tp-btn tp-btn-choice"
          aria-disabled={busy || undefined}
          onClick={() => !busy && void choose(true)}
        >
          {only ? capitalise(t('first.allowOne', { purpose: only.name })) : t('first.acceptAll')}
        </button>
        <button
          type="button"
          class="tp-btn tp-btn-choice"
          aria-disabled={busy || undefined}
          onClick={() => !busy && void choose(false)}
        >
          {only ? t('first.denyOne') : t('first.rejectAll')}
        </button>
      </div>
      <button type="button" class="tp-link" onClick={onChooseOneByOne}>
        {t('first.oneByOne')}
      </button>
      <DecisionStatus status={decisions.status} error={decisions.error} />
    </section>
  );
}

const capitalise = (text: string) => text.charAt(0).toLocaleUpperCase() + text.slice(1);

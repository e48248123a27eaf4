import { useId } from 'preact/hooks';
import type { DecisionOutcome } from '../models/consent-model.ts';
import { acceptAllDecisions, gpcKeepsOff } from '../notice/purpose-rules.ts';
import { useCore } from './CoreContext.ts';
import { DecisionStatus } from './DecisionStatus.tsx';
import { useT } from './I18nContext.ts';
import { useDecisions } from './useDecisions.ts';

/**
 * "Accept all" / "Reject all" (R17): two buttons of one class, so the same size, weight and contrast.
 * Accept all grants only the purposes the notice says it covers (`acceptAll`); a special category is never part
 * of it (R22). Reject all refuses those and withdraws any other consent given.
 * While the browser sends GPC, accept all leaves the purposes GPC keeps off alone (R29): an exception to the
 * signal is made only one purpose at a time, confirmed, in the consents view.
 */
export function AcceptReject({ onChooseOneByOne }: { onChooseOneByOne(): void }) {
  const { t } = useT();
  const { consents, notice } = useCore();
  const id = useId();
  const decisions = useDecisions();
  const busy = consents.pending.value.size > 0;
  const gpcOn = consents.gpcOn.value;
  const purposes = notice.response.value?.notice.purposes ?? [];

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
      return records;
    });

  return (
    <section class="tp-choices" aria-labelledby={id}>
      <h3 id={id}>{t('first.choices')}</h3>
      <p>{t('first.choicesIntro')}</p>
      <div class="tp-choice-buttons">
        <button
          type="button"
          class="tp-btn tp-btn-choice"
          aria-disabled={busy || undefined}
          onClick={() => !busy && void choose(true)}
        >
          {t('first.acceptAll')}
        </button>
        <button
          type="button"
          class="tp-btn tp-btn-choice"
          aria-disabled={busy || undefined}
          onClick={() => !busy && void choose(false)}
        >
          {t('first.rejectAll')}
        </button>
      </div>
      {purposes.some((p) => p.specialCategory && p.justInTime) && <p class="tp-note">{t('first.scansSeparately')}</p>}
      <button type="button" class="tp-link" onClick={onChooseOneByOne}>
        {t('first.oneByOne')}
      </button>
      <DecisionStatus status={decisions.status} error={decisions.error} />
    </section>
  );
}

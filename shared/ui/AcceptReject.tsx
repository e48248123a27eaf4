import { useId } from 'preact/hooks';
import type { DecisionOutcome } from '../models/consent-model.ts';
import { useCore } from './CoreContext.ts';
import { DecisionStatus } from './DecisionStatus.tsx';
import { useT } from './I18nContext.ts';
import { useDecisions } from './useDecisions.ts';

/**
 * "Accept all" / "Reject all" (R17): two buttons of one class, so the same size, weight and contrast.
 * Accept all grants only third-party sharing: body scans are never part of it (R22).
 */
export function AcceptReject({ onChooseOneByOne }: { onChooseOneByOne(): void }) {
  const { t } = useT();
  const { consents } = useCore();
  const id = useId();
  const decisions = useDecisions();
  const busy = consents.pending.value.size > 0;

  const choose = (accept: boolean) =>
    decisions.run(async () => {
      const records: DecisionOutcome[] = [await consents.decide('third_party_sharing', accept ? 'grant' : 'deny', accept ? 'accept-all' : 'reject-all')];
      if (!accept && consents.active('biometric_scans')) records.push(await consents.decide('biometric_scans', 'deny', 'reject-all'));
      return records;
    });

  return (
    <section class="tp-choices" aria-labelledby={id}>
      <h3 id={id}>{t('first.choices')}</h3>
      <p>{t('first.choicesIntro')}</p>
      <div class="tp-choice-buttons">
        <button type="button" class="tp-btn tp-btn-choice" aria-disabled={busy || undefined} onClick={() => !busy && void choose(true)}>
          {t('first.acceptAll')}
        </button>
        <button type="button" class="tp-btn tp-btn-choice" aria-disabled={busy || undefined} onClick={() => !busy && void choose(false)}>
          {t('first.rejectAll')}
        </button>
      </div>
      <p class="tp-note">{t('first.scansSeparately')}</p>
      <button type="button" class="tp-link" onClick={onChooseOneByOne}>
        {t('first.oneByOne')}
      </button>
      <DecisionStatus status={decisions.status} error={decisions.error} />
    </section>
  );
}

import { useId } from 'preact/hooks';
import type { Locale } from '../contract/common.ts';
import type { Purpose } from '../contract/notice.ts';
import { useCore } from './CoreContext.ts';
import { useT } from './I18nContext.ts';
import type { Decisions } from './useDecisions.ts';

/**
 * A legitimate-interest purpose (telemetry) as information plus an "Object" button, never a switch (R25),
 * in its own visually separate block (R8). The button's name says what it will do.
 */
export function ObjectionBlock({
  purpose,
  noticeLang,
  decisions,
}: {
  purpose: Purpose;
  noticeLang: Locale;
  decisions: Decisions;
}) {
  const { t, tx } = useT();
  const { consents } = useCore();
  const id = useId();
  const objected = consents.active(purpose.id);
  const pending = consents.pending.value.has(purpose.id);
  const decide = () =>
    decisions.run(async () => [
      await consents.decide(purpose.id, objected ? 'withdraw-objection' : 'object', 'object-button'),
    ]);
  return (
    <section class="tp-separate tp-objection" aria-labelledby={id}>
      <h3 id={id} lang={noticeLang}>
        {purpose.title}
      </h3>
      <p>{t('objection.basis', { basis: t(`basis.${purpose.legalBasis}`) })}</p>
      <p lang={noticeLang}>{purpose.description}</p>
      <p>{tx('consent.dataTypes', { types: <span lang={noticeLang}>{purpose.dataTypes.join(', ')}</span> })}</p>
      <p class="tp-state">{objected ? t('objection.active') : t('objection.inactive')}</p>
      <button
        type="button"
        class="tp-btn tp-btn-secondary"
        aria-disabled={pending ? 'true' : undefined}
        aria-busy={pending ? 'true' : undefined}
        onClick={() => !pending && void decide()}
      >
        {objected ? t('objection.withdraw') : t('objection.object')}
      </button>
    </section>
  );
}

import type { DeletionOutcome } from '../contract/requests.ts';
import { formatDueDate } from './format.ts';
import { useT } from './I18nContext.ts';

/** What an erasure or account deletion erased and what it had to keep, why and until when (R48). */
export function RequestOutcome({ outcome }: { outcome: DeletionOutcome }) {
  const { t, locale } = useT();
  return (
    <div class="tp-outcome">
      {outcome.erased.length > 0 && <p>{t('requests.erased', { what: outcome.erased.join(', ') })}</p>}
      {outcome.kept.length > 0 && (
        <>
          <p>{t('requests.kept')}</p>
          <ul>
            {outcome.kept.map((k) => (
              <li key={k.what}>
                {t('requests.keptItem', { what: k.what, ground: k.ground, until: formatDueDate(k.until, locale) })}
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}

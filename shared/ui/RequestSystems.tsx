import { useId } from 'preact/hooks';
import type { RequestType } from '../contract/requests.ts';
import type { SystemProgress } from '../contract/systems.ts';
import { formatDueDate } from './format.ts';
import { useT } from './I18nContext.ts';

/**
 * Where a request went and what each system did, in plain words: "TwikFit: erased", "Support desk: waiting for
 * confirmation" (Art. 19: the person can see who was told). The state is text, never colour alone; an erasure
 * says per system what was erased and what was kept, on which ground, until when (R48).
 */
export function RequestSystems({ type, systems }: { type: RequestType; systems: readonly SystemProgress[] }) {
  const { t, tx, locale } = useT();
  const id = useId();
  const state = (s: SystemProgress) =>
    s.state === 'done' ? t(`requests.systems.done.${type}`) : t(`requests.systems.state.${s.state}`);
  return (
    <div class="tp-systems">
      <p id={id} class="tp-label">
        {t('requests.systems.title')}
      </p>
      <ul aria-labelledby={id}>
        {systems.map((s) => (
          <li key={s.system} data-state={s.state}>
            <span>{tx('requests.systems.item', { system: <strong>{s.name}</strong>, state: state(s) })}</span>
            {s.state === 'closed' && s.reason && <p>{t('requests.systems.closedReason', { reason: s.reason })}</p>}
            {s.erased && s.erased.length > 0 && <p>{t('requests.erased', { what: s.erased.join(', ') })}</p>}
            {s.corrected && s.corrected.length > 0 && (
              <p>{t('requests.corrected', { what: s.corrected.join(', ') })}</p>
            )}
            {s.kept && s.kept.length > 0 && (
              <>
                <p>{t('requests.kept')}</p>
                <ul>
                  {s.kept.map((k) => (
                    <li key={k.what}>
                      {k.until
                        ? t('requests.keptItem', {
                            what: k.what,
                            ground: k.ground,
                            until: formatDueDate(k.until, locale),
                          })
                        : t('requests.keptItemOpen', { what: k.what, ground: k.ground })}
                    </li>
                  ))}
                </ul>
              </>
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}

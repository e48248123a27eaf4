import type { Region } from '../contract/common.ts';
import type { NoticeDocument } from '../contract/notice.ts';
import { useT } from './I18nContext.ts';
import { NoticeSection } from './NoticeSection.tsx';

/** Storage and transfers (R5), with the person's own region highlighted and labelled as theirs. */
export function NoticeResidency({
  residency,
  region,
}: {
  residency: NoticeDocument['residency'];
  region?: Region | undefined;
}) {
  const { t, lang } = useT();
  return (
    <NoticeSection title={t('notice.residency')}>
      <p>{residency.statement}</p>
      <ul class="tp-regions">
        {residency.regions.map((r) =>
          r.region === region ? (
            <li key={r.region} class="tp-yours">
              <strong>
                {r.residents}: {r.location}
              </strong>{' '}
              <span class="tp-badge" lang={lang}>
                {t('notice.yourRegion')}
              </span>
            </li>
          ) : (
            <li key={r.region}>
              {r.residents}: {r.location}
            </li>
          ),
        )}
      </ul>
      <p>{residency.transfers.intro}</p>
      <ul>
        {residency.transfers.safeguards.map((s) => (
          <li key={s}>{s}</li>
        ))}
      </ul>
    </NoticeSection>
  );
}

import type { NoticeDocument } from '../contract/notice.ts';
import { useT } from './I18nContext.ts';
import { NoticeSection } from './NoticeSection.tsx';

/**
 * "How we share data": the notice's cases, each with its own heading, then how a conflict with Global Privacy
 * Control is settled (R29) — the kit's own words, in the interface's language.
 */
export function NoticeSharing({ sharing }: { sharing: NoticeDocument['sharing'] }) {
  const { t, lang } = useT();
  return (
    <NoticeSection title={t('notice.sharing')}>
      <p>{sharing.intro}</p>
      {sharing.cases.map((c) => (
        <div key={c.id} class="tp-notice-case">
          <h4>{c.title}</h4>
          {c.paragraphs.map((p) => (
            <p key={p}>{p}</p>
          ))}
          {c.items.length > 0 && (
            <ul>
              {c.items.map((i) => (
                <li key={i}>{i}</li>
              ))}
            </ul>
          )}
        </div>
      ))}
      <p lang={lang}>{t('consent.gpcConflicts')}</p>
    </NoticeSection>
  );
}

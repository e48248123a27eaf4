import type { NoticeDocument } from '../contract/notice.ts';
import { useT } from './I18nContext.ts';
import { NoticeSection } from './NoticeSection.tsx';

/** "How we share data": the notice's cases, each with its own heading. */
export function NoticeSharing({ sharing }: { sharing: NoticeDocument['sharing'] }) {
  const { t } = useT();
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
    </NoticeSection>
  );
}

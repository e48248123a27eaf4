import { useId } from 'preact/hooks';
import type { NoticeDocument } from '../contract/notice.ts';
import { useT } from './I18nContext.ts';
import { NoticeSection } from './NoticeSection.tsx';

type Rights = NoticeDocument['rights'];

/** The rights (R6) and how to exercise them; the right to object sits in its own, visually separate block (R8). */
export function NoticeRights({ rights }: { rights: Rights }) {
  const { t, lang } = useT();
  const objectId = useId();
  const objection = rights.items.find((r) => r.id === 'object_restrict');
  return (
    <NoticeSection title={t('notice.rights')}>
      {rights.intro.map((p) => (
        <p key={p}>{p}</p>
      ))}
      {rights.items
        .filter((r) => r !== objection)
        .map((r) => (
          <div key={r.id} class="tp-right">
            <h4>{r.title}</h4>
            {r.paragraphs.map((p) => (
              <p key={p}>{p}</p>
            ))}
          </div>
        ))}
      {objection && (
        <section class="tp-separate tp-object-right" aria-labelledby={objectId}>
          <h4 id={objectId}>{objection.title}</h4>
          {objection.paragraphs.map((p) => (
            <p key={p}>{p}</p>
          ))}
        </section>
      )}
      <p lang={lang}>{t('notice.withdrawal')}</p>
      <p>{rights.howToExercise.text}</p>
      <p>
        <a href={`mailto:${rights.howToExercise.email}`}>{rights.howToExercise.email}</a>
      </p>
    </NoticeSection>
  );
}

import type { NoticeDocument, Purpose } from '../../shared/contract/notice.ts';
import { PurposeChange } from '../../shared/ui/NoticeChanges.tsx';
import { useConsole } from './ConsoleContext.ts';
import { sharedI18n } from './shared-i18n.ts';

/** Parts of a notice besides its purposes that a comparison names when they differ. */
const IDENTITY = new Set(['version', 'effectiveDate', 'contentHash', 'locale', 'translationOf', 'purposes']);

interface Marks {
  /** Per purpose both versions have: whether consents to it are asked again. */
  value: Record<string, boolean>;
  onChange: (purpose: string, material: boolean) => void;
}

interface Props {
  earlier: NoticeDocument;
  later: NoticeDocument;
  /** When publishing: a material/editorial choice beside each changed purpose. */
  marks?: Marks;
}

/**
 * What differs between two notice versions: each changed purpose field by field, with the table the person's
 * "What changed" shows (shared/ui/NoticeChanges.tsx, in the shared catalogue's words); purposes added or removed,
 * and the other sections that changed, by name.
 */
export function NoticeDiff({ earlier, later, marks }: Props) {
  const { t, locale } = useConsole();
  const i18n = sharedI18n(locale);
  const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
  const added = later.purposes.filter((p) => !earlier.purposes.some((e) => e.id === p.id));
  const removed = earlier.purposes.filter((p) => !later.purposes.some((l) => l.id === p.id));
  const changed = later.purposes.flatMap((after) => {
    const before = earlier.purposes.find((e) => e.id === after.id);
    return before && !same(before, after) ? [{ before, after }] : [];
  });
  const sections = [...new Set([...Object.keys(earlier), ...Object.keys(later)])].filter(
    (key) => !IDENTITY.has(key) && !same(earlier[key as keyof NoticeDocument], later[key as keyof NoticeDocument]),
  );

  return (
    <div class="diff">
      {changed.length + added.length + removed.length + sections.length === 0 && <p>{t('notices.diff.none')}</p>}
      {changed.map(({ after }) => (
        <div key={after.id} class="diff-purpose">
          <PurposeChange purpose={after.id} before={earlier} now={later} i18n={i18n} />
          {marks && (
            <fieldset>
              <legend>{t('notices.material.legend', { title: after.title })}</legend>
              {([true, false] as const).map((material) => (
                <label key={String(material)} class="choice">
                  <input
                    type="radio"
                    name={`material-${after.id}`}
                    checked={marks.value[after.id] === material}
                    onChange={() => marks.onChange(after.id, material)}
                  />
                  {t(material ? 'notices.material.yes' : 'notices.material.no')}
                </label>
              ))}
            </fieldset>
          )}
        </div>
      ))}
      <PurposeNames label={t('notices.diff.added')} purposes={added} lang={later.locale} />
      <PurposeNames label={t('notices.diff.removed')} purposes={removed} lang={earlier.locale} />
      {sections.length > 0 && (
        <p>
          {t('notices.diff.sections')} <code>{sections.join(', ')}</code>
        </p>
      )}
    </div>
  );
}

/** Purposes a version added or removed, by title and id (nothing when there are none). */
function PurposeNames({ label, purposes, lang }: { label: string; purposes: readonly Purpose[]; lang: string }) {
  if (purposes.length === 0) return null;
  return (
    <p>
      {label}{' '}
      {purposes.map((p, i) => (
        <span key={p.id} lang={lang}>
          {i > 0 && ', '}“{p.title}” ({p.id})
        </span>
      ))}
    </p>
  );
}

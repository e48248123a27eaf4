import { useEffect, useId, useState } from 'preact/hooks';
import type { Locale } from '../contract/common.ts';
import type { NoticeDocument, Purpose } from '../contract/notice.ts';
import type { MessageKey } from '../i18n/translate.ts';
import { useCore } from './CoreContext.ts';
import { type I18n, useT } from './I18nContext.ts';

// R12: a consent a materially changed notice ended is asked again with the change shown — the purpose as the person
// agreed to it beside the purpose as it is now, in their language (the earlier version in their locale, else English).

/** Fields shown on every comparison, then every other field that differs (new fields of `Purpose` included). */
const ALWAYS: readonly string[] = ['title', 'description'];
const NEVER: readonly string[] = ['id'];
const LABELS: Partial<Record<string, MessageKey>> = {
  title: 'changes.field.title',
  description: 'changes.field.description',
  legalBasis: 'notice.table.basis',
  dataTypes: 'notice.table.dataType',
  apps: 'notice.table.apps',
  specialCategory: 'changes.field.specialCategory',
  justInTime: 'changes.field.justInTime',
};

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** One fact of a purpose as text: the notice's own text, or a translated yes/no, basis or list. */
function factText(field: string, value: unknown, { t }: I18n): string {
  if (value === undefined || value === null) return t('changes.none');
  if (typeof value === 'boolean') return t(value ? 'changes.yes' : 'changes.no');
  if (field === 'legalBasis') return t(`basis.${String(value)}` as MessageKey);
  if (field === 'apps' && Array.isArray(value) && value.length === 0) return t('changes.allApps');
  if (Array.isArray(value)) return value.length === 0 ? t('changes.none') : value.map(String).join(', ');
  return typeof value === 'string' ? value : JSON.stringify(value);
}

type Loaded = Record<string, NoticeDocument | 'error'>;

/** The "What changed" section of the first layer, shown while a consent is expired by a notice change. */
export function NoticeChanges() {
  const core = useCore();
  const i18n = useT();
  const { t, locale } = i18n;
  const headingId = useId();
  const [loaded, setLoaded] = useState<Loaded>({});
  const current = core.notice.response.value?.notice;
  const expired = (core.consents.state.value?.purposes ?? []).filter((p) => p.expired);
  const versions = [...new Set(expired.map((p) => p.expired!.noticeVersion))];
  const keyOf = (version: string, at: Locale) => `${version}|${at}`;

  useEffect(() => {
    const abort = new AbortController();
    for (const version of versions) {
      const key = keyOf(version, locale);
      if (loaded[key]) continue;
      core.api.noticeAt(version, locale, abort.signal).then(
        (response) => setLoaded((all) => ({ ...all, [key]: response.notice })),
        () => abort.signal.aborted || setLoaded((all) => ({ ...all, [key]: 'error' })),
      );
    }
    return () => abort.abort();
  }, [versions.join('|'), locale]);

  if (!current || expired.length === 0) return null;
  return (
    <section class="tp-changes" aria-labelledby={headingId}>
      <h3 id={headingId}>{t('changes.title')}</h3>
      <p>{t('changes.intro')}</p>
      {expired.map((state) => (
        <PurposeChange
          key={state.purpose}
          purpose={state.purpose}
          before={loaded[keyOf(state.expired!.noticeVersion, locale)]}
          now={current}
          i18n={i18n}
        />
      ))}
    </section>
  );
}

export interface PurposeChangeProps {
  /** The purpose's id. */
  purpose: string;
  before: NoticeDocument | 'error' | undefined;
  now: NoticeDocument;
  i18n: I18n;
}

/**
 * One purpose, before and after, as a table: a row per fact, a column per version, each header labelled. Also the
 * operators' comparison of two versions (the console's notices page), so both read the same facts in the same words.
 */
export function PurposeChange({ purpose, before, now, i18n }: PurposeChangeProps) {
  const { t } = i18n;
  const after = now.purposes.find((p) => p.id === purpose);
  if (before === undefined) return <p role="status">{t('changes.loading')}</p>;
  const earlier = before === 'error' ? undefined : before.purposes.find((p) => p.id === purpose);
  if (before === 'error' || !earlier || !after) return <p>{t('changes.unavailable')}</p>;
  const fields = [
    ...ALWAYS,
    ...[...new Set([...Object.keys(earlier), ...Object.keys(after)])].filter(
      (field) =>
        !ALWAYS.includes(field) &&
        !NEVER.includes(field) &&
        !same(earlier[field as keyof Purpose], after[field as keyof Purpose]),
    ),
  ];
  return (
    <table class="tp-table tp-changes-table">
      <caption lang={now.locale}>{t('changes.caption', { title: after.title })}</caption>
      <thead>
        <tr>
          <th scope="col">{t('changes.aspect')}</th>
          <th scope="col">{t('changes.before', { version: before.version })}</th>
          <th scope="col">{t('changes.now', { version: now.version })}</th>
        </tr>
      </thead>
      <tbody>
        {fields.map((field) => {
          const label = LABELS[field];
          return (
            <tr key={field}>
              <th scope="row">{label ? t(label) : field}</th>
              <td lang={before.locale}>{factText(field, earlier[field as keyof Purpose], i18n)}</td>
              <td lang={now.locale}>{factText(field, after[field as keyof Purpose], i18n)}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

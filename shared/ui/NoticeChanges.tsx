import { useEffect, useId, useState } from 'preact/hooks';
import type { Locale } from '../contract/common.ts';
import type { PurposeState } from '../contract/consent.ts';
import type { NoticeDocument } from '../contract/notice.ts';
import { useCore } from './CoreContext.ts';
import { type I18n, useT } from './I18nContext.ts';
import { changedFields, PurposeDiff } from './PurposeDiff.tsx';

// R12: a consent a materially changed notice ended is asked again with the change shown — the purpose as the person
// agreed to it beside the purpose as it is now, in their language (the earlier version in their locale, else English).

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
          state={state}
          before={loaded[keyOf(state.expired!.noticeVersion, locale)]}
          now={current}
          i18n={i18n}
        />
      ))}
    </section>
  );
}

interface PurposeChangeProps {
  state: PurposeState;
  before: NoticeDocument | 'error' | undefined;
  now: NoticeDocument;
  i18n: I18n;
}

/** One purpose, before and after (PurposeDiff), once both texts are loaded. */
function PurposeChange({ state, before, now, i18n }: PurposeChangeProps) {
  const { t } = i18n;
  const after = now.purposes.find((p) => p.id === state.purpose);
  if (before === undefined) return <p role="status">{t('changes.loading')}</p>;
  const earlier = before === 'error' ? undefined : before.purposes.find((p) => p.id === state.purpose);
  if (before === 'error' || !earlier || !after) return <p>{t('changes.unavailable')}</p>;
  return (
    <PurposeDiff
      earlier={earlier}
      after={after}
      fields={changedFields(earlier, after)}
      caption={t('changes.caption', { title: after.title })}
      headings={[
        t('changes.aspect'),
        t('changes.before', { version: before.version }),
        t('changes.now', { version: now.version }),
      ]}
      langs={[before.locale, now.locale]}
      i18n={i18n}
      class="tp-table tp-changes-table"
    />
  );
}

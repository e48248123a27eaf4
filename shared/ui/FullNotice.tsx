import type { AppId, Region } from '../contract/common.ts';
import { useCore } from './CoreContext.ts';
import { formatAddress, formatDueDate } from './format.ts';
import { useT } from './I18nContext.ts';
import { NoticeComplaint } from './NoticeComplaint.tsx';
import { NoticeProcessingTable } from './NoticeProcessingTable.tsx';
import { NoticeResidency } from './NoticeResidency.tsx';
import { NoticeRights } from './NoticeRights.tsx';
import { NoticeSection } from './NoticeSection.tsx';
import { NoticeSharing } from './NoticeSharing.tsx';

/**
 * The full privacy notice (R1–R9), every section in order, as text; marked with the notice's own language (R13).
 * `titled`: false where the surrounding view's heading already says "Privacy notice" (the panel), so the title
 * is not shown twice; standing alone (the popup before sign-in) the notice's own title heads it.
 */
export function FullNotice({
  app,
  region,
  titled = true,
}: {
  app?: AppId | undefined;
  region?: Region | undefined;
  titled?: boolean;
}) {
  const { t, lang, locale } = useT();
  const notice = useCore().notice.response.value?.notice;
  if (!notice) return null;
  const { controller } = notice;
  return (
    <article class="tp-notice" lang={notice.locale}>
      {titled && <h2 class="tp-notice-title">{notice.title}</h2>}
      <p class="tp-meta" lang={lang}>
        {t('notice.versionLine', { version: notice.version, date: formatDueDate(notice.effectiveDate, locale) })}
      </p>
      {notice.translationOf && (
        <p class="tp-meta" lang={lang}>
          {t('notice.translationNote')}
        </p>
      )}
      {notice.general.paragraphs.map((p) => (
        <p key={p}>{p}</p>
      ))}
      <NoticeSection title={t('notice.controller')}>
        <p>
          {controller.name}
          <br />
          {formatAddress(controller.address)}
          <br />
          {controller.registration}
        </p>
        <p>
          <a href={`mailto:${controller.email}`}>{controller.email}</a>
        </p>
        <p>{controller.contactNote}</p>
        {controller.dpo && (
          <p>
            <span lang={lang}>{t('notice.dpo')}</span> {controller.dpo.name},{' '}
            <a href={`mailto:${controller.dpo.email}`}>{controller.dpo.email}</a>
          </p>
        )}
      </NoticeSection>
      <NoticeProcessingTable processing={notice.processing} purposes={notice.purposes} app={app} />
      <NoticeSection title={t('notice.categories')}>
        <dl class="tp-dl">
          {notice.categories.map((c) => [
            <dt key={`${c.id}-t`}>{c.label}</dt>,
            <dd key={`${c.id}-d`}>{c.description}</dd>,
          ])}
        </dl>
      </NoticeSection>
      <NoticeResidency residency={notice.residency} region={region} />
      <NoticeSection title={t('notice.retention')}>
        <p>{notice.retention.intro}</p>
        <ul>
          {notice.retention.criteria.map((c) => (
            <li key={c}>{c}</li>
          ))}
        </ul>
        <p>{notice.retention.selfDeletion}</p>
      </NoticeSection>
      <NoticeSharing sharing={notice.sharing} />
      <NoticeSection title={t('notice.security')}>
        {notice.security.paragraphs.map((p) => (
          <p key={p}>{p}</p>
        ))}
      </NoticeSection>
      <NoticeRights rights={notice.rights} />
      <NoticeComplaint complaint={notice.complaint} />
      <NoticeSection title={t('notice.automated')}>
        {notice.automatedDecisions ? (
          <p>{notice.automatedDecisions}</p>
        ) : (
          <p lang={lang}>{t('notice.noAutomatedStatement')}</p>
        )}
      </NoticeSection>
    </article>
  );
}

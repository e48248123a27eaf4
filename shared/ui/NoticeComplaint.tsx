import type { NoticeDocument } from '../contract/notice.ts';
import { safeHref, telHref } from './format.ts';
import { useT } from './I18nContext.ts';
import { NoticeSection } from './NoticeSection.tsx';

/** The complaint authority (R7): names, address, phones and websites as links; non-web URLs stay text. */
export function NoticeComplaint({ complaint }: { complaint: NoticeDocument['complaint'] }) {
  const { t, lang } = useT();
  const { authority } = complaint;
  return (
    <NoticeSection title={t('notice.complaint')}>
      {complaint.paragraphs.map((p) => (
        <p key={p}>{p}</p>
      ))}
      <address class="tp-authority">
        {authority.names.map((name) => [name, <br key={name} />])}
        {authority.address}
      </address>
      <ul class="tp-contact-list">
        {authority.phones.map((phone) => (
          <li key={phone}>
            <span lang={lang}>{t('notice.phone')}</span> <a href={telHref(phone)}>{phone}</a>
          </li>
        ))}
        {authority.fax && (
          <li>
            <span lang={lang}>{t('notice.fax')}</span> {authority.fax}
          </li>
        )}
        {authority.websites.map((site) => {
          const href = safeHref(site);
          return (
            <li key={site}>
              {href ? (
                <a href={href} target="_blank" rel="noopener noreferrer">
                  {site}
                  <span class="tp-sr" lang={lang}>
                    {' '}
                    {t('notice.newTab')}
                  </span>
                </a>
              ) : (
                site
              )}
            </li>
          );
        })}
      </ul>
      <p lang={lang}>{t('notice.complainElsewhere')}</p>
    </NoticeSection>
  );
}

import { useId } from 'preact/hooks';
import type { Locale } from '../contract/common.ts';
import type { NoticeDocument } from '../contract/notice.ts';
import { formatAddress } from './format.ts';
import { useT } from './I18nContext.ts';

/** Who is responsible (R1): the controller's name and address and the privacy contact as a mailto link. */
export function ControllerIdentity({
  controller,
  noticeLang,
}: {
  controller: NoticeDocument['controller'];
  noticeLang: Locale;
}) {
  const { t } = useT();
  const id = useId();
  return (
    <section aria-labelledby={id}>
      <h3 id={id}>{t('first.controller')}</h3>
      <p lang={noticeLang}>
        {controller.name}, {formatAddress(controller.address)}
      </p>
      <p>
        {t('first.privacyContact')} <a href={`mailto:${controller.email}`}>{controller.email}</a>
      </p>
    </section>
  );
}

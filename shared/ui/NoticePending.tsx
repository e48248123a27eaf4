import { useCore } from './CoreContext.ts';
import { ErrorMessage } from './ErrorMessage.tsx';
import { useT } from './I18nContext.ts';

/** What stands in for a view while the notice loads, or why it could not, with a way to try again. */
export function NoticePending() {
  const { t } = useT();
  const core = useCore();
  const error = core.notice.error.value;
  if (core.notice.status.value !== 'error' || !error) {
    return <p class="tp-loading">{t('panel.loading')}</p>;
  }
  return (
    <div class="tp-pending">
      <p>{t('panel.noticeUnavailable')}</p>
      <ErrorMessage error={error} />
      <button type="button" class="tp-btn tp-btn-secondary" onClick={() => void core.notice.load(core.locale.value)}>
        {t('panel.retry')}
      </button>
    </div>
  );
}

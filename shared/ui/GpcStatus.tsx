import { useCore } from './CoreContext.ts';
import { useT } from './I18nContext.ts';

/** "Global Privacy Control honoured" (R28) when the browser sends GPC and the state reflects it. */
export function GpcStatus() {
  const { t } = useT();
  const { gpcHonored, gpcOn } = useCore().consents;
  return (
    <>
      <p role="status" class="tp-status tp-gpc">
        {gpcHonored.value ? t('consent.gpcHonoured') : null}
      </p>
      {gpcOn.value && <p class="tp-note">{t('consent.gpcConflicts')}</p>}
    </>
  );
}

import { useCore } from './CoreContext.ts';
import { useT } from './I18nContext.ts';

/** "Global Privacy Control honoured" (R28) when the browser sends GPC and the state reflects it. */
export function GpcStatus() {
  const { t } = useT();
  const honored = useCore().consents.gpcHonored.value;
  return (
    <p role="status" class="tp-status tp-gpc">
      {honored ? t('consent.gpcHonoured') : null}
    </p>
  );
}

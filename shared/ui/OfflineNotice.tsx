import { useCore } from './CoreContext.ts';
import { useT } from './I18nContext.ts';

/**
 * Says when what is shown came from this device's cache because the server could not be reached.
 * The status region is always present (empty when all is fresh), so its first message is announced.
 */
export function OfflineNotice() {
  const { t } = useT();
  const { notice, consents, requests } = useCore();
  const stale = [notice, consents, requests].find((m) => m.fromCache.value && m.error.value !== null);
  const kind = stale?.error.value?.kind;
  const message = !stale ? null : kind === 'offline' || kind === 'timeout' ? t('panel.offline') : t('panel.stale');
  return (
    <p role="status" class="tp-status">
      {message}
    </p>
  );
}

import { useCore } from './CoreContext.ts';
import { useT } from './I18nContext.ts';

/** Says when this device cannot remember anything (no IndexedDB, or it failed): the controls work from memory. */
export function StorageNotice() {
  const { t } = useT();
  const { remembers } = useCore();
  return remembers.value ? null : <p class="tp-note tp-memory-only">{t('panel.memoryOnly')}</p>;
}

import { useId } from 'preact/hooks';
import type { Locale } from '../contract/common.ts';
import { LOCALE_REGISTRY } from '../registry/locales.ts';
import { useCore } from './CoreContext.ts';
import { useT } from './I18nContext.ts';

/** Switches the UI (and the notice, where translated) to another language. */
export function LanguageSwitch() {
  const { t } = useT();
  const core = useCore();
  const id = useId();
  return (
    <div class="tp-language">
      <label for={id}>{t('language.label')}</label>
      <select
        id={id}
        value={core.locale.value}
        onChange={(e) => (core.locale.value = (e.currentTarget as HTMLSelectElement).value as Locale)}
      >
        {/* Each language named in itself, so a person finds theirs whatever the current UI language. */}
        {LOCALE_REGISTRY.map(({ code, name }) => (
          <option key={code} value={code} lang={code}>
            {name}
          </option>
        ))}
      </select>
    </div>
  );
}

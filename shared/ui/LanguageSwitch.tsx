import { useId } from 'preact/hooks';
import type { Locale } from '../contract/common.ts';
import { LOCALES } from '../i18n/pick-locale.ts';
import { useCore } from './CoreContext.ts';
import { useT } from './I18nContext.ts';

// Each language named in itself, so a person finds theirs whatever the current UI language.
const NAMES: Record<Locale, string> = { en: 'English', nl: 'Nederlands', fr: 'Français', de: 'Deutsch' };

/** Switches the UI (and the notice, where translated) to another language. */
export function LanguageSwitch() {
  const { t } = useT();
  const core = useCore();
  const id = useId();
  return (
    <div class="tp-language">
      <label for={id}>{t('language.label')}</label>
      <select id={id} value={core.locale.value} onChange={(e) => (core.locale.value = (e.currentTarget as HTMLSelectElement).value as Locale)}>
        {LOCALES.map((locale) => (
          <option key={locale} value={locale} lang={locale}>
            {NAMES[locale]}
          </option>
        ))}
      </select>
    </div>
  );
}

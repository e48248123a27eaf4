import type { ComponentChildren } from 'preact';
import type { Locale } from '../../shared/contract/common.ts';
import { translateParts } from '../../shared/i18n/translate.ts';
import type { I18n } from '../../shared/ui/I18nContext.ts';
import { SHARED_MESSAGES, st } from '../messages/index.ts';

/** The shared catalogue as shared/ui components take it: the console bundles every language, so none is pending. */
export const sharedI18n = (locale: Locale): I18n => ({
  locale,
  lang: locale,
  t: (key, params) => st(locale, key, params),
  tx: (key, params) =>
    translateParts<ComponentChildren>(
      SHARED_MESSAGES[locale],
      key,
      params as Record<string, ComponentChildren | string | number>,
    ),
});

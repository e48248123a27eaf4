import { createContext, type ComponentChildren } from 'preact';
import { useContext } from 'preact/hooks';
import type { Locale } from '../contract/common.ts';
import { messagesFor, messagesLang } from '../i18n/messages/index.ts';
import { translate, translateParts, type MessageKey, type MessageParams } from '../i18n/translate.ts';

export interface I18n {
  /** The person's locale: used to format dates and numbers. */
  locale: Locale;
  /** The language the UI text is really in (English while a catalogue is pending), for `lang` attributes. */
  lang: Locale;
  t(key: MessageKey, params?: MessageParams): string;
  /** A message whose placeholders may be elements (e.g. notice text marked with its own `lang`). */
  tx(key: MessageKey, params: Record<string, ComponentChildren>): ComponentChildren[];
}

/** The translation functions for a locale. */
export function createI18n(locale: Locale): I18n {
  const messages = messagesFor(locale);
  return {
    locale,
    lang: messagesLang(locale),
    t: (key, params) => translate(messages, key, params),
    tx: (key, params) =>
      translateParts<ComponentChildren>(messages, key, params as Record<string, ComponentChildren | string | number>),
  };
}

/** Provides `t`, `tx`, `locale` and `lang` to the components below (English when no provider is present). */
export const I18nContext = createContext<I18n>(createI18n('en'));

/** The current translation functions and locale. */
export const useT = (): I18n => useContext(I18nContext);

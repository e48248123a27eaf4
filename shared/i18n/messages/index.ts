import type { Locale } from '../../contract/common.ts';
import type { Messages } from '../translate.ts';
import { en } from './en.ts';

// nl, fr and de are pending translation: until a translator delivers them, every locale shows English,
// and `messagesLang` says so, so the UI is marked lang="en" rather than claiming a language it is not in.
const catalogues: Record<Locale, { messages: Messages; lang: Locale }> = {
  en: { messages: en, lang: 'en' },
  nl: { messages: en, lang: 'en' },
  fr: { messages: en, lang: 'en' },
  de: { messages: en, lang: 'en' },
};

/** The UI messages for a locale (English until the locale's catalogue exists). */
export function messagesFor(locale: Locale): Messages {
  return catalogues[locale].messages;
}

/** The language the messages for `locale` are actually written in, for `lang` attributes (R13). */
export function messagesLang(locale: Locale): Locale {
  return catalogues[locale].lang;
}

export { en };

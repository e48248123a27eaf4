import type { Locale } from '../contract/common.ts';

export const LOCALES: readonly Locale[] = ['en', 'nl', 'fr', 'de'];

const asLocale = (tag: string | null | undefined): Locale | null => {
  const base = tag?.trim().toLowerCase().split(/[-_]/)[0];
  return base && (LOCALES as readonly string[]).includes(base) ? (base as Locale) : null;
};

/** The UI language: an explicit choice, then the host page's `lang`, then the browser's languages, then English. */
export function pickLocale(explicit: string | null | undefined, hostLang: string | null | undefined, browserLanguages: readonly string[] = []): Locale {
  return asLocale(explicit) ?? asLocale(hostLang) ?? browserLanguages.map(asLocale).find((l) => l !== null) ?? 'en';
}

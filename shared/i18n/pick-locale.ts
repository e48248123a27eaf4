import { LOCALE_REGISTRY, type Locale } from '../registry/locales.ts';

/** The UI languages' codes, from the registry; the first is the fallback. */
export const LOCALES: readonly Locale[] = /* @__PURE__ */ LOCALE_REGISTRY.map((l) => l.code);

/**
 * The language among `codes` (first = fallback): an explicit choice, then the host page's `lang`, then the
 * browser's languages. The widget's loader calls this with the codes its build wrote in, so it carries no
 * registry (it is tiny on purpose).
 */
export function pickLocaleAmong<L extends string>(
  codes: readonly L[],
  explicit: string | null | undefined,
  hostLang: string | null | undefined,
  browserLanguages: readonly string[] = [],
): L {
  const asLocale = (tag: string | null | undefined): L | null => {
    const base = tag?.trim().toLowerCase().split(/[-_]/)[0];
    return base && (codes as readonly string[]).includes(base) ? (base as L) : null;
  };
  return (
    asLocale(explicit) ?? asLocale(hostLang) ?? browserLanguages.map(asLocale).find((l) => l !== null) ?? codes[0]!
  );
}

/** The UI language: an explicit choice, then the host page's `lang`, then the browser's languages, then English. */
export function pickLocale(
  explicit: string | null | undefined,
  hostLang: string | null | undefined,
  browserLanguages: readonly string[] = [],
): Locale {
  return pickLocaleAmong(LOCALES, explicit, hostLang, browserLanguages);
}

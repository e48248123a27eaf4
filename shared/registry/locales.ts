import type { Messages } from '../i18n/translate.ts';

// The UI languages, written once. Every other list of languages derives from this one: the contract's `Locale`
// enum, pickLocale, the catalogue loaders, the widget build's packed and preloaded chunks, the loader's chunk
// map, long dates, and the language pickers of the panel and the extension. Adding a language is an entry here
// plus its texts: shared/i18n/messages/<code>.ts and extension/messages/<code>.ts.
// Data only (no derived values): test/unit/registries.test.ts swaps this module for a longer list.

export interface LocaleEntry {
  readonly code: string;
  /** The language named in itself, so a person finds theirs whatever the UI language. */
  readonly name: string;
  /**
   * Month names and the long-date order, as Intl's `dateStyle: 'long'` writes them (test/unit/ui/i18n-format.test.ts
   * compares every day of two years). Written out because the first `Intl.DateTimeFormat` of a page loads ICU's
   * date data: ≈ 20 ms at CPU 1×, ≈ 70 ms at 4×, on the first layer's path (its version line).
   */
  readonly months: string;
  readonly longDate: (day: number, month: string, year: string) => string;
  /**
   * Loads the UI catalogue (in the widget it arrives packed: shared/i18n/pack.ts). Absent only for the first
   * entry, the fallback, which ships with the UI.
   */
  readonly load?: () => Promise<Messages | readonly string[]>;
}

/** The UI languages, in the order pickers list them; the first is the fallback. */
export const LOCALE_REGISTRY = [
  {
    code: 'en',
    name: 'English',
    months: 'January|February|March|April|May|June|July|August|September|October|November|December',
    longDate: (d, m, y) => `${m} ${d}, ${y}`,
  },
  {
    code: 'nl',
    name: 'Nederlands',
    months: 'januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|december',
    longDate: (d, m, y) => `${d} ${m} ${y}`,
    load: () => import('../i18n/messages/nl.ts').then((m) => m.nl),
  },
  {
    code: 'fr',
    name: 'Français',
    months: 'janvier|février|mars|avril|mai|juin|juillet|août|septembre|octobre|novembre|décembre',
    longDate: (d, m, y) => `${d} ${m} ${y}`,
    load: () => import('../i18n/messages/fr.ts').then((m) => m.fr),
  },
  {
    code: 'de',
    name: 'Deutsch',
    months: 'Januar|Februar|März|April|Mai|Juni|Juli|August|September|Oktober|November|Dezember',
    longDate: (d, m, y) => `${d}. ${m} ${y}`,
    load: () => import('../i18n/messages/de.ts').then((m) => m.de),
  },
] as const satisfies readonly LocaleEntry[];

export type Locale = (typeof LOCALE_REGISTRY)[number]['code'];

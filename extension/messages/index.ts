import type { Locale } from '../../shared/contract/common.ts';
import { de as panelDe } from '../../shared/i18n/messages/de.ts';
import { en as panelEn } from '../../shared/i18n/messages/en.ts';
import { fr as panelFr } from '../../shared/i18n/messages/fr.ts';
import { nl as panelNl } from '../../shared/i18n/messages/nl.ts';
import { translate, type MessageKey, type MessageParams, type Messages } from '../../shared/i18n/translate.ts';
import { de } from './de.ts';
import { en, type ExtMessageKey, type ExtMessages } from './en.ts';
import { fr } from './fr.ts';
import { nl } from './nl.ts';

export type { ExtMessageKey, ExtMessages };

// Bundled, not lazy: the extension is installed whole, the popup must paint in the person's language at once,
// and the background worker cannot `import()` (service workers may not). Each language's texts, not a list of
// languages: typed by the locale registry, so a language added there without its texts fails the type check.
export const EXT_MESSAGES: Record<Locale, ExtMessages> = { en, nl, fr, de };
/** The shared UI catalogues (request names and the like are written there once). */
const PANEL_MESSAGES: Record<Locale, Messages> = { en: panelEn, nl: panelNl, fr: panelFr, de: panelDe };

/** The extension's own text for `key`, with `{name}` placeholders filled (the shared translator). */
export function extT(locale: Locale, key: ExtMessageKey, params?: MessageParams): string {
  return translate<ExtMessageKey>({ ...en, ...EXT_MESSAGES[locale] }, key, params);
}

/** A text of the shared UI catalogue, e.g. a request type's name in a notification. */
export function panelT(locale: Locale, key: MessageKey, params?: MessageParams): string {
  return translate(PANEL_MESSAGES[locale] ?? panelEn, key, params);
}

import type { Locale } from '../../shared/contract/common.ts';
import { de as sharedDe } from '../../shared/i18n/messages/de.ts';
import { en as sharedEn } from '../../shared/i18n/messages/en.ts';
import { fr as sharedFr } from '../../shared/i18n/messages/fr.ts';
import { nl as sharedNl } from '../../shared/i18n/messages/nl.ts';
import { translate, type MessageKey, type MessageParams, type Messages } from '../../shared/i18n/translate.ts';
import { de } from './de.ts';
import { en, type ConsoleMessageKey, type ConsoleMessages } from './en.ts';
import { fr } from './fr.ts';
import { nl } from './nl.ts';

// Bundled, not lazy: operators switch languages in place, and the console has no size budget like the widget's.
// Typed by the locale registry: a language added there without its texts fails the type check.
export const CONSOLE_MESSAGES: Record<Locale, ConsoleMessages> = { en, nl, fr, de };
export const SHARED_MESSAGES: Record<Locale, Messages> = { en: sharedEn, nl: sharedNl, fr: sharedFr, de: sharedDe };

/** A console text with `{name}` placeholders filled. */
export const ct = (locale: Locale, key: ConsoleMessageKey, params?: MessageParams): string =>
  translate<ConsoleMessageKey>(CONSOLE_MESSAGES[locale], key, params);

/** A text of the shared catalogue (request types and statuses are written there once). */
export const st = (locale: Locale, key: MessageKey, params?: MessageParams): string =>
  translate(SHARED_MESSAGES[locale], key, params);

export type { ConsoleMessageKey };

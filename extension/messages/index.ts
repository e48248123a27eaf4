import type { Locale } from '../../shared/contract/common.ts';
import { de } from './de.ts';
import { en, type ExtMessageKey, type ExtMessages } from './en.ts';
import { fr } from './fr.ts';
import { nl } from './nl.ts';

export type { ExtMessageKey, ExtMessages };

// Bundled, not lazy: the extension is installed whole, and the popup must paint in the person's language at once.
export const EXT_MESSAGES: Record<Locale, ExtMessages> = { en, nl, fr, de };

/** The extension's text for `key`, with `{name}` placeholders filled. */
export function extT(locale: Locale, key: ExtMessageKey, params?: Record<string, string | number>): string {
  const text = EXT_MESSAGES[locale][key] ?? en[key];
  return params ? text.replace(/\{(\w+)\}/g, (m, name: string) => (name in params ? String(params[name]) : m)) : text;
}
